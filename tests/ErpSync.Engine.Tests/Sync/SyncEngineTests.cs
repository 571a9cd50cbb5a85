using ErpSync.Connectors;
using ErpSync.Engine.Mapping;
using ErpSync.Engine.Sync;
using Microsoft.EntityFrameworkCore;

namespace ErpSync.Engine.Tests.Sync;

/// <summary>The sync engine against the real demo ERP connector and a real SQLite CRM.</summary>
public sealed class SyncEngineTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static readonly FieldMappingInput[] Mapping =
    [
        new("NAME", "name", FieldDirection.Both, false, false),
        new("EMAIL", "email", FieldDirection.Both, false, false, ConflictPolicy.CrmWins),
        new("PHONE", "phone", FieldDirection.ToCrm, false, false),
        new("URL", "website", FieldDirection.ToErp, false, false),
        new("VATNO", "vatNumber", FieldDirection.Both, false, false, ConflictPolicy.Review),
        new("COUNTRY", "country", FieldDirection.Both, false, false),
    ];

    [Fact]
    public async Task EditsOnEitherSide_FlowPerDirection_AndNothingIsSentBack()
    {
        await using var scenario = await SyncScenario.StartAsync();
        var connection = await scenario.ConnectionAsync("erp-a", Mapping);
        var company = await scenario.LinkedCompanyAsync(connection, "C10001");
        var erp = await scenario.ErpAsync("erp-a");
        await erp.UpdateFieldsAsync("NL01", "C10001", new Dictionary<string, FieldValue?> { ["PHONE"] = FieldValue.Text("+31301112233"), ["URL"] = FieldValue.Text("https://erp-side.example") }, Ct);
        await scenario.EditCompanyAsync(company, c => { c.Name = "Renamed in CRM B.V."; c.Phone = "+31 00 crm side"; });

        var first = await scenario.Engine.SyncConnectionAsync(connection, SyncRunKind.Manual, Ct);
        var writesAfterFirst = scenario.Connector.ErpWrites;
        var second = await scenario.Engine.SyncConnectionAsync(connection, SyncRunKind.Manual, Ct);

        first.Status.ShouldBe(SyncRunStatus.Succeeded, first.Message);
        var crm = await scenario.CompanyAsync(company);
        var actor = await scenario.ErpActorAsync(connection, "C10001");
        crm.Phone.ShouldBe("+31301112233");
        actor.Fields["NAME"].ShouldBe(FieldValue.Text("Renamed in CRM B.V."));
        actor.Fields["URL"].ShouldBe(FieldValue.Text("https://erp-side.example"));
        crm.Website.ShouldNotBe("https://erp-side.example");
        (first.CrmWrites, first.ErpWrites).ShouldBe((1, 1));
        second.ShouldSatisfyAllConditions(s => s.CrmWrites.ShouldBe(0), s => s.ErpWrites.ShouldBe(0), s => s.Issues.ShouldBe(0));
        scenario.Connector.ErpWrites.ShouldBe(writesAfterFirst);
        await using var db = await scenario.OpenAsync();
        (await db.SyncLog.CountAsync(e => e.CrmRecordId == company, Ct)).ShouldBe(2);
    }

    [Fact]
    public async Task BothSidesChanged_PolicyDecides_ReviewParksWithAnIssue()
    {
        await using var scenario = await SyncScenario.StartAsync();
        var connection = await scenario.ConnectionAsync("erp-b", Mapping);
        var company = await scenario.LinkedCompanyAsync(connection, "C10002");
        var erp = await scenario.ErpAsync("erp-b");
        await scenario.EditCompanyAsync(company, c => { c.Email = "crm@example.nl"; c.VatNumber = "NL000000000B01"; });
        await erp.UpdateFieldsAsync("NL01", "C10002", new Dictionary<string, FieldValue?> { ["EMAIL"] = FieldValue.Text("erp@example.nl"), ["VATNO"] = FieldValue.Text("NL999999999B01") }, Ct);

        var run = await scenario.Engine.SyncConnectionAsync(connection, SyncRunKind.Manual, Ct);

        var crm = await scenario.CompanyAsync(company);
        var actor = await scenario.ErpActorAsync(connection, "C10002");
        actor.Fields["EMAIL"].ShouldBe(FieldValue.Text("crm@example.nl"));
        crm.VatNumber.ShouldBe("NL000000000B01");
        actor.Fields["VATNO"].ShouldBe(FieldValue.Text("NL999999999B01"));
        run.Status.ShouldBe(SyncRunStatus.SucceededWithIssues);
        await using var db = await scenario.OpenAsync();
        var issue = await db.SyncIssues.SingleAsync(i => i.CrmRecordId == company && i.ResolvedAt == null, Ct);
        issue.Class.ShouldBe(SyncIssueClass.Conflict);
        issue.Message.ShouldContain("NL999999999B01");
    }

    [Fact]
    public async Task UnmappedErpListValue_ParksOnlyThatRecord()
    {
        await using var scenario = await SyncScenario.StartAsync();
        var connection = await scenario.ConnectionAsync("erp-c", Mapping);
        var parked = await scenario.LinkedCompanyAsync(connection, "C10003");
        var fine = await scenario.LinkedCompanyAsync(connection, "C10004");
        var erp = await scenario.ErpAsync("erp-c");
        await erp.UpdateFieldsAsync("NL01", "C10003", new Dictionary<string, FieldValue?> { ["COUNTRY"] = FieldValue.List("BE"), ["PHONE"] = FieldValue.Text("+3211111111") }, Ct);
        await erp.UpdateFieldsAsync("NL01", "C10004", new Dictionary<string, FieldValue?> { ["PHONE"] = FieldValue.Text("+31222222222") }, Ct);

        var run = await scenario.Engine.SyncConnectionAsync(connection, SyncRunKind.Manual, Ct);

        (await scenario.CompanyAsync(parked)).Phone.ShouldNotBe("+3211111111");
        (await scenario.CompanyAsync(fine)).Phone.ShouldBe("+31222222222");
        run.Issues.ShouldBe(1);
        await using var db = await scenario.OpenAsync();
        (await db.SyncIssues.SingleAsync(i => i.ResolvedAt == null, Ct)).ShouldSatisfyAllConditions(
            i => i.CrmRecordId.ShouldBe(parked), i => i.Class.ShouldBe(SyncIssueClass.UnmappedValue));
    }

    [Fact]
    public async Task ParkedRecord_SyncsOnceTheAdminMapsTheValue_AndItsIssueIsResolved()
    {
        await using var scenario = await SyncScenario.StartAsync();
        var connection = await scenario.ConnectionAsync("erp-g", Mapping);
        var company = await scenario.LinkedCompanyAsync(connection, "C10008");
        await (await scenario.ErpAsync("erp-g")).UpdateFieldsAsync("NL01", "C10008", new Dictionary<string, FieldValue?> { ["COUNTRY"] = FieldValue.List("BE") }, Ct);
        await scenario.Engine.SyncConnectionAsync(connection, SyncRunKind.Manual, Ct);

        var admin = scenario.Get<ErpSync.Engine.Connections.ConnectionAdmin>();
        var mappings = scenario.Get<MappingAdmin>();
        await admin.SetActiveAsync(connection, false, Ct);
        var list = (await mappings.GetListMappingsAsync(connection, Ct)).Lists.Single(l => l.ActorType == ActorType.Customer && l.FieldKey == "COUNTRY");
        var belgium = list.CrmItems.Single(c => c.Code == "BE").Id;
        await mappings.SaveListMappingAsync(connection, ActorType.Customer, "COUNTRY",
            list.Items.Select(i => new ListItemInput(i.ErpKey, i.ErpKey == "BE" ? belgium : i.CrmListItemId)).ToList(), Ct);
        (await admin.SetActiveAsync(connection, true, Ct)).IsActive.ShouldBeTrue();

        var retried = await scenario.Engine.SyncConnectionAsync(connection, SyncRunKind.Manual, Ct);

        retried.CrmWrites.ShouldBe(1);
        (await scenario.CompanyAsync(company)).CountryId.ShouldBe(belgium);
        await using var db = await scenario.OpenAsync();
        (await db.SyncIssues.SingleAsync(i => i.CrmRecordId == company, Ct)).ResolvedAt.ShouldNotBeNull();
    }

    [Fact]
    public async Task ValueFromErpA_ReachesErpB_ThroughTheCrm()
    {
        await using var scenario = await SyncScenario.StartAsync();
        var a = await scenario.ConnectionAsync("erp-a2", Mapping);
        var b = await scenario.ConnectionAsync("erp-b2", Mapping);
        var company = await scenario.LinkedCompanyAsync(a, "C10005");
        await scenario.LinkedCompanyAsync(b, "C10005", company);
        var erpA = await scenario.ErpAsync("erp-a2");
        await erpA.UpdateFieldsAsync("NL01", "C10005", new Dictionary<string, FieldValue?> { ["NAME"] = FieldValue.Text("Renamed in ERP A") }, Ct);

        var fromA = await scenario.Engine.SyncConnectionAsync(a, SyncRunKind.Manual, Ct);
        var toB = await scenario.Engine.SyncConnectionAsync(b, SyncRunKind.Manual, Ct);
        var backToA = await scenario.Engine.SyncConnectionAsync(a, SyncRunKind.Manual, Ct);

        (await scenario.CompanyAsync(company)).Name.ShouldBe("Renamed in ERP A");
        (await scenario.ErpActorAsync(b, "C10005")).Fields["NAME"].ShouldBe(FieldValue.Text("Renamed in ERP A"));
        (fromA.CrmWrites, toB.ErpWrites).ShouldBe((1, 1));
        (backToA.ErpWrites, backToA.CrmWrites).ShouldBe((0, 0));
    }

    [Fact]
    public async Task TransientFailure_CommitsNothing_NextRunRecovers()
    {
        await using var scenario = await SyncScenario.StartAsync();
        var connection = await scenario.ConnectionAsync("erp-d", Mapping);
        var company = await scenario.LinkedCompanyAsync(connection, "C10006");
        var erp = await scenario.ErpAsync("erp-d");
        await erp.UpdateFieldsAsync("NL01", "C10006", new Dictionary<string, FieldValue?> { ["PHONE"] = FieldValue.Text("+31333333333") }, Ct);
        await scenario.EditCompanyAsync(company, c => c.Name = "Needs the ERP");
        scenario.Connector.FailNextSaves = 1;
        string? cursorBefore;
        await using (var db = await scenario.OpenAsync())
        {
            cursorBefore = (await db.Connections.FirstAsync(c => c.Id == connection, Ct)).ErpCursorsJson;
        }

        var failed = await scenario.Engine.SyncConnectionAsync(connection, SyncRunKind.Manual, Ct);
        var cursorAfterFailure = await CursorAsync(scenario, connection);
        var phoneAfterFailure = (await scenario.CompanyAsync(company)).Phone;
        var recovered = await scenario.Engine.SyncConnectionAsync(connection, SyncRunKind.Manual, Ct);

        failed.Status.ShouldBe(SyncRunStatus.Failed);
        failed.Message!.ShouldContain("briefly unavailable");
        cursorAfterFailure.ShouldBe(cursorBefore);
        phoneAfterFailure.ShouldNotBe("+31333333333");
        recovered.Status.ShouldBe(SyncRunStatus.Succeeded);
        (await scenario.CompanyAsync(company)).Phone.ShouldBe("+31333333333");
        (await scenario.ErpActorAsync(connection, "C10006")).Fields["NAME"].ShouldBe(FieldValue.Text("Needs the ERP"));
    }

    [Fact]
    public async Task ArchivedInErp_LinkRemovedWithAnExplainedIssue()
    {
        await using var scenario = await SyncScenario.StartAsync();
        var connection = await scenario.ConnectionAsync("erp-e", Mapping);
        var company = await scenario.LinkedCompanyAsync(connection, "C10007");
        await (await scenario.ErpAsync("erp-e")).ArchiveAsync("NL01", "C10007", Ct);

        await scenario.Engine.SyncConnectionAsync(connection, SyncRunKind.Manual, Ct);

        await using var db = await scenario.OpenAsync();
        (await db.Links.AnyAsync(l => l.CrmRecordId == company, Ct)).ShouldBeFalse();
        (await db.SyncIssues.SingleAsync(i => i.CrmRecordId == company, Ct)).Message.ShouldContain("archived");
    }

    [Fact]
    public async Task CrashAfterErpCreateBeforeCommit_RecoveryLinksTheSameRecord_NeverASecond()
    {
        await using var scenario = await SyncScenario.StartAsync();
        var connection = await scenario.ConnectionAsync("erp-f", Mapping);
        var erp = await scenario.ErpAsync("erp-f");
        var customersBefore = await erp.CountAsync("NL01", ActorType.Customer, Ct);
        int companyId;
        var payload = new Dictionary<string, FieldValue?> { ["NAME"] = FieldValue.Text("Crash Test B.V."), ["COUNTRY"] = FieldValue.List("NL") };
        await using (var db = await scenario.OpenAsync())
        {
            var company = db.Companies.Add(new ErpSync.Engine.Crm.Company { Name = "Crash Test B.V." }).Entity;
            await db.SaveChangesAsync(Ct);
            companyId = company.Id;
            db.OutboxIntents.Add(new OutboxIntent
            {
                ConnectionId = connection,
                CrmEntity = ErpSync.Engine.Connections.CrmEntity.Company,
                CrmRecordId = company.Id,
                ActorType = ActorType.Customer,
                IdempotencyKey = "crash-" + Guid.NewGuid().ToString("N"),
                PayloadJson = System.Text.Json.JsonSerializer.Serialize(payload, ConnectorJsonContext.Default.DictionaryStringFieldValue),
                CreatedAt = DateTimeOffset.UtcNow - TimeSpan.FromMinutes(10),
            });
            await db.SaveChangesAsync(Ct);
        }

        // The "crash": the connector created the customer, but our process died before linking it.
        await using (var db = await scenario.OpenAsync())
        {
            var intent = await db.OutboxIntents.SingleAsync(Ct);
            var context = new ConnectorContext((await db.Connections.FirstAsync(c => c.Id == connection, Ct)).PublicId,
                scenario.Get<ErpSync.Engine.Connections.ConnectionConfigStore>().Read(await db.Connections.Include(c => c.ConfigValues).FirstAsync(c => c.Id == connection, Ct)));
            (await scenario.Connector.CreateActorAsync(context, new CreateActorRequest(ActorType.Customer, intent.IdempotencyKey, payload), Ct)).IsOk.ShouldBeTrue();
        }

        await scenario.Engine.SyncConnectionAsync(connection, SyncRunKind.Scheduled, Ct);
        await scenario.Engine.SyncConnectionAsync(connection, SyncRunKind.Scheduled, Ct);

        (await erp.CountAsync("NL01", ActorType.Customer, Ct)).ShouldBe(customersBefore + 1);
        await using var check = await scenario.OpenAsync();
        var link = await check.Links.SingleAsync(l => l.CrmRecordId == companyId, Ct);
        (await scenario.ErpActorAsync(connection, link.ErpKey)).Fields["NAME"].ShouldBe(FieldValue.Text("Crash Test B.V."));
        (await check.OutboxIntents.SingleAsync(Ct)).State.ShouldBe(OutboxState.Completed);
    }

    private static async Task<string?> CursorAsync(SyncScenario scenario, int connection)
    {
        await using var db = await scenario.OpenAsync();
        return (await db.Connections.FirstAsync(c => c.Id == connection, Ct)).ErpCursorsJson;
    }
}
