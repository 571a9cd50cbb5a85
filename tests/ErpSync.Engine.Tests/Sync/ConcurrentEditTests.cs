using ErpSync.Connectors;
using ErpSync.Engine.Crm;
using ErpSync.Engine.Mapping;
using ErpSync.Engine.Sync;
using Microsoft.EntityFrameworkCore;

namespace ErpSync.Engine.Tests.Sync;

/// <summary>A user who saves a record while a cycle is between its read and its commit does not lose the edit.</summary>
public sealed class ConcurrentEditTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static readonly FieldMappingInput[] Mapping =
    [
        new("NAME", "name", FieldDirection.Both, false, false),
        new("EMAIL", "email", FieldDirection.Both, false, false),
        new("PHONE", "phone", FieldDirection.ToCrm, false, false),
    ];

    [Fact]
    public async Task AnEditInTheCommitWindow_WinsOverTheCyclesCrmWrite_AndIsSyncedNextCycle()
    {
        await using var scenario = await SyncScenario.StartAsync();
        var connection = await scenario.ConnectionAsync("erp-w", Mapping);
        var company = await scenario.LinkedCompanyAsync(connection, "C10001");
        var erp = await scenario.ErpAsync("erp-w");
        await erp.UpdateFieldsAsync("NL01", "C10001", new Dictionary<string, FieldValue?> { ["PHONE"] = FieldValue.Text("+31 30 999 0000") }, Ct);
        await scenario.EditCompanyAsync(company, c => c.Name = "Renamed in the CRM");

        // The cycle plans an ERP write (the name) and a CRM write (the phone); while it writes to the ERP, a user edits the record.
        scenario.Connector.BeforeNextSave = () => scenario.EditCompanyAsync(company, c => c.Email = "user@edit.example");
        var first = await scenario.Engine.SyncConnectionAsync(connection, SyncRunKind.Manual, Ct);

        var afterFirst = await scenario.CompanyAsync(company);
        afterFirst.Email.ShouldBe("user@edit.example");
        afterFirst.Phone.ShouldNotBe("+31 30 999 0000");
        first.CrmWrites.ShouldBe(0);
        first.ErpWrites.ShouldBe(1);
        await using (var db = await scenario.OpenAsync())
        {
            (await db.Links.SingleAsync(Ct)).CrmChangeSeq.ShouldBeLessThan(afterFirst.ChangeSeq);
            (await db.SyncLog.CountAsync(l => l.TargetIsCrm, Ct)).ShouldBe(0);
        }

        var second = await scenario.Engine.SyncConnectionAsync(connection, SyncRunKind.Manual, Ct);

        second.Status.ShouldBe(SyncRunStatus.Succeeded);
        var final = await scenario.CompanyAsync(company);
        final.Email.ShouldBe("user@edit.example");
        final.Phone.ShouldBe("+31 30 999 0000");
        var actor = await scenario.ErpActorAsync(connection, "C10001");
        ((TextValue)actor.Fields["EMAIL"]!).Value.ShouldBe("user@edit.example");
        ((TextValue)actor.Fields["NAME"]!).Value.ShouldBe("Renamed in the CRM");
    }

    [Fact]
    public async Task AUserSaveBasedOnAnOlderRead_IsRefusedWithAMessage()
    {
        await using var scenario = await SyncScenario.StartAsync();
        await using var first = await scenario.OpenAsync();
        var company = first.Companies.Add(new Company { Name = "Original" }).Entity;
        await first.SaveChangesAsync(Ct);
        await scenario.EditCompanyAsync(company.Id, c => c.Name = "Saved by someone else");

        company.Name = "Saved from a stale read";
        var error = await Should.ThrowAsync<UserErrorException>(() => first.SaveChangesAsync(Ct));

        error.Status.ShouldBe(409);
        (await scenario.CompanyAsync(company.Id)).Name.ShouldBe("Saved by someone else");
    }
}
