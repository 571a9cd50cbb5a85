using ErpSync.Connectors;
using ErpSync.Engine.Accounts;
using ErpSync.Engine.Connections;
using ErpSync.Engine.Crm;
using ErpSync.Engine.Links;
using ErpSync.Engine.Mapping;
using Microsoft.EntityFrameworkCore;

namespace ErpSync.Engine.Tests.Sync;

/// <summary>Connecting writes the ERP first; a CRM edit that lands before the link is saved must not undo the connect.</summary>
public sealed class ConcurrentConnectTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static readonly FieldMappingInput[] Mapping =
    [
        new("NAME", "name", FieldDirection.Both, true, false),
        new("EMAIL", "email", FieldDirection.Both, false, false),
        new("PHONE", "phone", FieldDirection.ToCrm, false, false),
    ];

    [Fact]
    public async Task AnEditWhileConnecting_IsKept_AndTheChosenValuesAreWrittenOverIt()
    {
        await using var scenario = await SyncScenario.StartAsync();
        var connection = await scenario.ConnectionAsync("erp-cc", Mapping);
        var actor = await scenario.ErpActorAsync(connection, "C10001");
        var user = await scenario.Get<AccountAdmin>().SaveUserAsync(null, new UserInput("connector", "Connector", null, UserRole.Administrator, true, null, [], "Connect-Pass-2026"), Ct);
        int companyId;
        await using (var db = await scenario.OpenAsync())
        {
            var company = db.Companies.Add(new Company { Name = ((TextValue)actor.Fields["NAME"]!).Value, Email = "crm@connect.example", Phone = "030-000" }).Entity;
            await db.SaveChangesAsync(Ct);
            companyId = company.Id;
        }

        // The e-mail goes CRM → ERP (an ERP write first), the phone ERP → CRM; meanwhile a user writes a note.
        scenario.Connector.BeforeNextSave = () => scenario.EditCompanyAsync(companyId, c => c.Notes = "Written while connecting");
        await scenario.Get<LinkAdmin>().ConnectAsync(user.Id, CrmEntity.Company, companyId, connection,
            new ConnectInput(ActorType.Customer, "C10001", new Dictionary<string, ValueSource> { ["EMAIL"] = ValueSource.Crm, ["PHONE"] = ValueSource.Erp }), Ct);

        var final = await scenario.CompanyAsync(companyId);
        final.Notes.ShouldBe("Written while connecting");
        final.Phone.ShouldBe(((TextValue)actor.Fields["PHONE"]!).Value);
        ((TextValue)(await scenario.ErpActorAsync(connection, "C10001")).Fields["EMAIL"]!).Value.ShouldBe("crm@connect.example");
        await using var check = await scenario.OpenAsync();
        (await check.Links.SingleAsync(Ct)).CrmChangeSeq.ShouldBe(final.ChangeSeq);
    }
}
