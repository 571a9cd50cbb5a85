using System.Net;
using System.Net.Http.Json;
using ErpSync.Connectors;
using ErpSync.Connectors.DemoErp;
using ErpSync.Engine.Connections;
using ErpSync.Engine.Connectors;
using ErpSync.Engine.Crm;
using ErpSync.Engine.Data;
using ErpSync.Engine.Links;
using ErpSync.Engine.Mapping;
using ErpSync.Engine.Sync;
using Microsoft.EntityFrameworkCore;

namespace ErpSync.Server.Tests.SyncMonitor;

/// <summary>Runs, status, log (JSON and CSV) and issues with conflict resolve and retry through the REST API, once per database.</summary>
public abstract class SyncMonitorApiTests(ErpSyncApp app)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ConflictRun_ListedWithIssue_ResolvedByChoice_LoggedAndExportedAsCsv()
    {
        using var client = await app.CreateAdminClientAsync();
        var (connection, company) = await ConflictingLinkAsync("C10001");
        await app.GetService<SyncEngine>().SyncConnectionAsync(connection, SyncRunKind.Manual, Ct);

        var runs = await client.GetFromJsonAsync<MonitorPage<RunRow>>($"/api/sync/runs?connectionId={connection}", ApiJson.Options, Ct);
        var status = await client.GetFromJsonAsync<List<ConnectionSyncStatus>>("/api/sync/status", ApiJson.Options, Ct);
        var chart = await client.GetFromJsonAsync<List<RunChartBar>>($"/api/sync/runs/chart?connectionId={connection}&days=3", ApiJson.Options, Ct);
        var issues = await client.GetFromJsonAsync<IssuePage>($"/api/sync/issues?connectionId={connection}&class=Conflict", ApiJson.Options, Ct);
        var issue = issues!.Items.Single();
        var conflict = await client.GetFromJsonAsync<IssueConflict>($"/api/sync/issues/{issue.Id}/conflict", ApiJson.Options, Ct);
        var resolve = await client.PostJsonAsync($"/api/sync/issues/{issue.Id}/resolve", new ResolveRequest(new Dictionary<string, ConflictWinner> { ["VATNO"] = ConflictWinner.Erp }));
        var log = await client.GetFromJsonAsync<MonitorPage<LogRow>>($"/api/sync/log?connectionId={connection}&entity=Company&recordId={company}&field=vatNumber", ApiJson.Options, Ct);
        var csv = await client.GetAsync($"/api/sync/log/export?connectionId={connection}&from={Uri.EscapeDataString(DateTimeOffset.UtcNow.AddHours(-1).ToString("o"))}", Ct);
        var after = await client.GetFromJsonAsync<IssuePage>($"/api/sync/issues?connectionId={connection}", ApiJson.Options, Ct);

        runs!.Items.Single().ShouldSatisfyAllConditions(r => r.Status.ShouldBe(SyncRunStatus.SucceededWithIssues), r => r.IssuesRaised.ShouldBe(1));
        status!.Single(s => s.ConnectionId == connection).ShouldSatisfyAllConditions(s => s.State.ShouldBe(ConnectionSyncState.Idle), s => s.OpenIssues.ShouldBe(1));
        chart!.Count.ShouldBe(3);
        chart[^1].Runs.ShouldBe(1);
        issue.ShouldSatisfyAllConditions(i => i.RecordId.ShouldBe(company), i => i.RecordUrl.ShouldBe($"companies/{company}"), i => i.Message.ShouldContain("NL999999999B01"));
        conflict!.Fields.Single().ShouldSatisfyAllConditions(f => f.FieldKey.ShouldBe("VATNO"), f => f.CrmValue.ShouldBe("NL000000000B01"), f => f.ErpValue.ShouldBe("NL999999999B01"));
        resolve.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await resolve.ReadAsync<ResolveResult>()).Resolved.ShouldBeTrue();
        log!.Items.Single().ShouldSatisfyAllConditions(e => e.Direction.ShouldBe("ERP → CRM"), e => e.OldValue.ShouldBe("NL000000000B01"), e => e.NewValue.ShouldBe("NL999999999B01"));
        csv.Content.Headers.ContentType!.MediaType.ShouldBe("text/csv");
        (await csv.Content.ReadAsStringAsync(Ct)).ShouldContain("NL999999999B01");
        after!.Total.ShouldBe(0);
        await using var db = await app.GetService<IDbContextFactory<ErpSyncDb>>().CreateDbContextAsync(Ct);
        (await db.Companies.SingleAsync(c => c.Id == company, Ct)).VatNumber.ShouldBe("NL999999999B01");
    }

    [Fact]
    public async Task Retry_SingleAndBulk_RunTheRecord_UnknownIssueIsNotFound()
    {
        using var client = await app.CreateAdminClientAsync();
        var (connection, _) = await ConflictingLinkAsync("C10002");
        await app.GetService<SyncEngine>().SyncConnectionAsync(connection, SyncRunKind.Manual, Ct);
        var issue = (await client.GetFromJsonAsync<IssuePage>($"/api/sync/issues?connectionId={connection}", ApiJson.Options, Ct))!.Items.Single();

        var single = await client.PostAsync($"/api/sync/issues/{issue.Id}/retry", null, Ct);
        var bulk = await client.PostJsonAsync("/api/sync/issues/retry", new RetryRequest([issue.Id]));
        var unknown = await client.PostJsonAsync("/api/sync/issues/retry", new RetryRequest([int.MaxValue]));

        (await single.ReadAsync<RetryResult>()).ShouldSatisfyAllConditions(r => r.Resolved.ShouldBeFalse(), r => r.Summary.Issues.ShouldBe(1));
        (await bulk.ReadAsync<List<RetryResult>>()).Single().IssueId.ShouldBe(issue.Id);
        unknown.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        var runs = await client.GetFromJsonAsync<MonitorPage<RunRow>>($"/api/sync/runs?connectionId={connection}&take=2", ApiJson.Options, Ct);
        runs!.ShouldSatisfyAllConditions(r => r.Total.ShouldBe(3), r => r.Items.Count.ShouldBe(2), r => r.Items[0].Kind.ShouldBe(SyncRunKind.Record));
    }

    [Fact]
    public async Task NonAdmin_IsRefused_OpenApiDescribesTheEndpoints()
    {
        var (_, user) = await app.CreateUserClientAsync();
        using var anonymous = app.CreateAnonymousClient();

        (await user.GetAsync("/api/sync/runs", Ct)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await user.GetAsync("/api/sync/log/export", Ct)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        var document = await anonymous.GetStringAsync("/openapi/v1.json", Ct);
        foreach (var path in new[] { "/api/sync/runs", "/api/sync/runs/chart", "/api/sync/status", "/api/sync/log", "/api/sync/log/export", "/api/sync/issues", "/api/sync/issues/retry", "/api/sync/issues/{id}/retry", "/api/sync/issues/{id}/resolve", "/api/sync/issues/{id}/conflict" })
        {
            document.ShouldContain($"\"{path}\"");
        }

        document.ShouldContain("Sync monitor");
        user.Dispose();
    }

    /// <summary>An active connection syncing NAME and VATNO (review), and a company linked to <paramref name="erpKey"/> whose VAT number differs on both sides from the base.</summary>
    private async Task<(int Connection, int Company)> ConflictingLinkAsync(string erpKey)
    {
        var file = Path.Combine(Path.GetTempPath(), $"erpsync-monitor-{Guid.NewGuid():N}.db");
        var connectors = await app.GetService<ConnectorAdmin>().ListAsync(Ct);
        var created = await app.GetService<ConnectionAdmin>().CreateAsync(new ConnectionInput("Monitor " + Guid.NewGuid().ToString("N")[..8], connectors.Single(c => c.BuiltInName == "ErpSync.DemoErp").Id, null, true, [],
            new Dictionary<string, string?> { ["DatabaseFile"] = file, ["Administration"] = "NL01", ["UserName"] = "demo", ["Password"] = "demo-erp" }), Ct);
        await app.GetService<MappingAdmin>().SaveActorTypeAsync(created.Id, ActorType.Customer, new ActorTypeMappingInput(true,
            [new("NAME", "name", FieldDirection.Both, false, false), new("VATNO", "vatNumber", FieldDirection.Both, false, false, ConflictPolicy.Review)]), Ct);
        (await app.GetService<ConnectionAdmin>().SetActiveAsync(created.Id, true, Ct)).Problems.ShouldBeEmpty();
        var erp = await DemoErpDatabase.OpenAsync(file, TimeProvider.System, Ct);
        await erp.UpdateFieldsAsync("NL01", erpKey, new Dictionary<string, FieldValue?> { ["NAME"] = FieldValue.Text("Monitor " + erpKey), ["VATNO"] = FieldValue.Text("NL999999999B01") }, Ct);

        await using var db = await app.GetService<IDbContextFactory<ErpSyncDb>>().CreateDbContextAsync(Ct);

        // Set-up, not a user edit: without this the insert would signal a record sync ~2 s later, a run next to the test's own.
        db.IsSyncWrite = true;
        var company = db.Companies.Add(new Company { Name = "Monitor " + erpKey, VatNumber = "NL000000000B01" }).Entity;
        await db.SaveChangesAsync(Ct);
        var link = new Link { ConnectionId = created.Id, CrmEntity = CrmEntity.Company, CrmRecordId = company.Id, ActorType = ActorType.Customer, ErpKey = erpKey, CrmChangeSeq = company.ChangeSeq };
        // The base knows the name but no VAT number: both sides changed it since, to different values.
        LinkBase.Write(link, new Dictionary<string, FieldValue?> { ["NAME"] = FieldValue.Text("Monitor " + erpKey) });
        db.Links.Add(link);
        await db.SaveChangesAsync(Ct);
        return (created.Id, company.Id);
    }
}

public sealed class SyncMonitorApiTests_Sqlite(SqliteErpSyncApp app) : SyncMonitorApiTests(app), IClassFixture<SqliteErpSyncApp>;

public sealed class SyncMonitorApiTests_Postgres(PostgresErpSyncApp app) : SyncMonitorApiTests(app), IClassFixture<PostgresErpSyncApp>;
