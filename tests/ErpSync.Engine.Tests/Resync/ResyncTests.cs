using ErpSync.Connectors;
using ErpSync.Engine.Connections;
using ErpSync.Engine.Links;
using ErpSync.Engine.Mapping;
using ErpSync.Engine.Resync;
using ErpSync.Engine.Sync;
using ErpSync.Engine.Tests.Sync;
using Microsoft.EntityFrameworkCore;

namespace ErpSync.Engine.Tests.Resync;

/// <summary>Resync from CRM and from ERP (functional-spec §3.13) with the real engine and the demo ERP.</summary>
public sealed class ResyncTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static readonly FieldMappingInput[] Mapping =
    [
        new("NAME", "name", FieldDirection.Both, false, false),
        new("EMAIL", "email", FieldDirection.Both, false, false),
        new("PHONE", "phone", FieldDirection.ToCrm, false, false),
        new("URL", "website", FieldDirection.ToErp, false, false),
    ];

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task FromCrm_ForcesCrmValuesOntoTheErp_OneWay_BlankOnlyWhenAllowed(bool noBlankOverwrite)
    {
        await using var scenario = await SyncScenario.StartAsync();
        var connection = await scenario.ConnectionAsync("erp-r1", Mapping);
        var company = await scenario.LinkedCompanyAsync(connection, "C10001");
        var erpEmail = (await scenario.ErpActorAsync(connection, "C10001")).Fields["EMAIL"];
        erpEmail.ShouldNotBeNull();
        await scenario.EditCompanyAsync(company, c => { c.Name = "CRM is right B.V."; c.Email = null; c.Website = "https://crm.example"; });
        // Newer on the ERP side: a normal sync would let it win; a resync from CRM ignores that.
        await (await scenario.ErpAsync("erp-r1")).UpdateFieldsAsync("NL01", "C10001", new Dictionary<string, FieldValue?>
        {
            ["NAME"] = FieldValue.Text("ERP is newer"), ["PHONE"] = FieldValue.Text("+31 99 erp phone"),
        }, Ct);

        var run = await scenario.Engine.ResyncConnectionAsync(connection, new ResyncRequest(ResyncSource.Crm, noBlankOverwrite), Ct);

        run.Status.ShouldBe(SyncRunStatus.Succeeded, run.Message);
        var actor = await scenario.ErpActorAsync(connection, "C10001");
        actor.Fields["NAME"].ShouldBe(FieldValue.Text("CRM is right B.V."));
        actor.Fields["URL"].ShouldBe(FieldValue.Text("https://crm.example"));
        if (noBlankOverwrite)
        {
            actor.Fields["EMAIL"].ShouldBe(erpEmail);
        }
        else
        {
            FieldValues.IsEmpty(actor.Fields.GetValueOrDefault("EMAIL")).ShouldBeTrue();
        }

        var crm = await scenario.CompanyAsync(company);
        crm.Phone.ShouldNotBe("+31 99 erp phone", "one way only: nothing flows into the CRM");
        run.CrmWrites.ShouldBe(0);
        run.ErpWrites.ShouldBe(noBlankOverwrite ? 2 : 3);
        await using var db = await scenario.OpenAsync();
        var saved = await db.SyncRuns.SingleAsync(r => r.Id == run.RunId, Ct);
        saved.Kind.ShouldBe(SyncRunKind.Resync);
        var log = await db.SyncLog.Where(e => e.RunId == run.RunId).ToListAsync(Ct);
        log.Count.ShouldBe(run.ErpWrites);
        log.ShouldAllBe(e => !e.TargetIsCrm);
        var link = await db.Links.SingleAsync(l => l.CrmRecordId == company, Ct);
        LinkBase.Read(link)["NAME"].ShouldBe(FieldValue.Text("CRM is right B.V."));

        // The next normal sync sees nothing new for the written fields. With the blank option the CRM's cleared e-mail is
        // still a CRM edit against the base, so that normal sync (not the resync) sends it on.
        var next = await scenario.Engine.SyncConnectionAsync(connection, SyncRunKind.Manual, Ct);
        next.ErpWrites.ShouldBe(noBlankOverwrite ? 1 : 0);
        (await scenario.CompanyAsync(company)).Name.ShouldBe("CRM is right B.V.");
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task FromErp_ForcesErpValuesIntoTheCrm_OneWay_BlankOnlyWhenAllowed(bool noBlankOverwrite)
    {
        await using var scenario = await SyncScenario.StartAsync();
        var connection = await scenario.ConnectionAsync("erp-r2", Mapping);
        var company = await scenario.LinkedCompanyAsync(connection, "C10002");
        await scenario.EditCompanyAsync(company, c => { c.Name = "Newer in the CRM"; c.Email = "crm@example.nl"; c.Phone = "+31 crm"; c.Website = "https://crm-only.example"; });
        await (await scenario.ErpAsync("erp-r2")).UpdateFieldsAsync("NL01", "C10002", new Dictionary<string, FieldValue?>
        {
            ["NAME"] = FieldValue.Text("ERP is right N.V."), ["EMAIL"] = null,
        }, Ct);

        var run = await scenario.Engine.ResyncConnectionAsync(connection, new ResyncRequest(ResyncSource.Erp, noBlankOverwrite), Ct);

        run.Status.ShouldBe(SyncRunStatus.Succeeded, run.Message);
        var crm = await scenario.CompanyAsync(company);
        var actor = await scenario.ErpActorAsync(connection, "C10002");
        crm.Name.ShouldBe("ERP is right N.V.");
        crm.Phone.ShouldBe(((TextValue)actor.Fields["PHONE"]!).Value);
        crm.Email.ShouldBe(noBlankOverwrite ? "crm@example.nl" : null);
        crm.Website.ShouldBe("https://crm-only.example", "URL is mapped CRM → ERP only");
        actor.Fields.GetValueOrDefault("URL").ShouldNotBe(FieldValue.Text("https://crm-only.example"), "one way only: nothing flows into the ERP");
        run.ErpWrites.ShouldBe(0);
        run.CrmWrites.ShouldBe(noBlankOverwrite ? 2 : 3);
        await using (var db = await scenario.OpenAsync())
        {
            (await db.SyncLog.CountAsync(e => e.RunId == run.RunId && e.TargetIsCrm, Ct)).ShouldBe(run.CrmWrites);
        }

        // Our own CRM writes are not seen as user edits by the next sync.
        var next = await scenario.Engine.SyncConnectionAsync(connection, SyncRunKind.Manual, Ct);
        next.ShouldSatisfyAllConditions(s => s.ErpWrites.ShouldBe(0), s => s.CrmWrites.ShouldBe(0));
    }

    [Fact]
    public async Task SelectedRecords_OnlyThoseAreResynced()
    {
        await using var scenario = await SyncScenario.StartAsync();
        var connection = await scenario.ConnectionAsync("erp-r3", Mapping);
        var chosen = await scenario.LinkedCompanyAsync(connection, "C10003");
        var other = await scenario.LinkedCompanyAsync(connection, "C10004");
        await scenario.EditCompanyAsync(chosen, c => c.Name = "Chosen");
        await scenario.EditCompanyAsync(other, c => c.Name = "Not chosen");

        var run = await scenario.Engine.ResyncConnectionAsync(connection, new ResyncRequest(ResyncSource.Crm, false, CrmEntity.Company, [chosen]), Ct);

        run.ErpWrites.ShouldBe(1);
        (await scenario.ErpActorAsync(connection, "C10003")).Fields["NAME"].ShouldBe(FieldValue.Text("Chosen"));
        (await scenario.ErpActorAsync(connection, "C10004")).Fields["NAME"].ShouldNotBe(FieldValue.Text("Not chosen"));
    }
}
