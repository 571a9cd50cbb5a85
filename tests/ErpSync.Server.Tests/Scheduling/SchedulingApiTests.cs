using System.Net;
using System.Net.Http.Json;
using ErpSync.Connectors;
using ErpSync.Engine.Connections;
using ErpSync.Engine.Connectors;
using ErpSync.Engine.Data;
using ErpSync.Engine.Mapping;
using ErpSync.Engine.Scheduling;
using ErpSync.Engine.Sync;
using Microsoft.EntityFrameworkCore;

namespace ErpSync.Server.Tests.Scheduling;

/// <summary>Automatic sync On/Off, interval and "sync now" through the real Quartz scheduler, once per database.</summary>
public abstract class SchedulingApiTests(ErpSyncApp app)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Schedule_IntervalOutOfRangeRefused_OnGivesNextRun_OffRemovesIt()
    {
        using var client = await app.CreateAdminClientAsync();
        var id = await ActiveConnectionAsync(client);

        var tooShort = await client.PutJsonAsync("/api/sync/schedule", new { automaticSync = true, intervalSeconds = 5 });
        var on = await (await client.PutJsonAsync("/api/sync/schedule", new { automaticSync = true, intervalSeconds = 120 })).ReadAsync<SyncScheduleView>();
        var off = await (await client.PutJsonAsync("/api/sync/schedule", new { automaticSync = false, intervalSeconds = 120 })).ReadAsync<SyncScheduleView>();

        (await tooShort.ReadFieldErrorsAsync()).Keys.ShouldBe(["intervalSeconds"]);
        on.IntervalSeconds.ShouldBe(120);
        on.Connections.Single(c => c.ConnectionId == id).NextRunAt.ShouldNotBeNull();
        off.AutomaticSync.ShouldBeFalse();
        off.Connections.Single(c => c.ConnectionId == id).NextRunAt.ShouldBeNull();
    }

    [Fact]
    public async Task SyncAllNow_RunsActiveConnectionsEvenWhenAutomaticSyncIsOff()
    {
        using var client = await app.CreateAdminClientAsync();
        var id = await ActiveConnectionAsync(client);
        await client.PutJsonAsync("/api/sync/schedule", new { automaticSync = false, intervalSeconds = 300 });

        var queued = await client.PostAsync("/api/sync/run", null, Ct);
        var run = await WaitForRunAsync(id);
        var single = await client.PostAsync($"/api/connections/{id}/sync", null, Ct);

        queued.StatusCode.ShouldBe(HttpStatusCode.Accepted);
        run.Kind.ShouldBe(SyncRunKind.Manual);
        run.Status.ShouldBe(SyncRunStatus.Succeeded, run.Message);
        single.StatusCode.ShouldBe(HttpStatusCode.Accepted);
    }

    [Fact]
    public async Task EditingALinkedCompany_SyncsItWithinSeconds_WithoutWaitingForTheInterval()
    {
        using var client = await app.CreateAdminClientAsync();
        var id = await ActiveConnectionAsync(client);
        // Automatic sync on, but with an interval far beyond the test: only the edit can start a run.
        await client.PutJsonAsync("/api/sync/schedule", new { automaticSync = true, intervalSeconds = 3600 });
        var (companyId, erpKey) = await LinkedCompanyAsync(id);
        var company = await client.GetFromJsonAsync<ErpSync.Engine.Crm.CompanyDetails>($"/api/companies/{companyId}", ApiJson.Options, Ct);

        // Creating the linked company above was itself an edit; only a run after this edit counts.
        var editedAt = DateTimeOffset.UtcNow;
        var newName = "Edited in the CRM " + Guid.NewGuid().ToString("N")[..8];
        var edited = await client.PutJsonAsync($"/api/companies/{companyId}", company!.Values with { Name = newName });
        var run = await WaitForRunAsync(id, SyncRunKind.Record, editedAt);

        edited.StatusCode.ShouldBe(HttpStatusCode.OK);
        run.ErpWrites.ShouldBe(1);
        (await ErpNameAsync(id, erpKey)).ShouldBe(newName);
    }

    private async Task<(int CompanyId, string ErpKey)> LinkedCompanyAsync(int connectionId)
    {
        const string erpKey = "C10009";
        var name = await ErpNameAsync(connectionId, erpKey);
        await using var db = await app.GetService<IDbContextFactory<ErpSyncDb>>().CreateDbContextAsync(Ct);
        var company = db.Companies.Add(new ErpSync.Engine.Crm.Company { Name = name! }).Entity;
        await db.SaveChangesAsync(Ct);
        var link = new ErpSync.Engine.Links.Link { ConnectionId = connectionId, CrmEntity = CrmEntity.Company, CrmRecordId = company.Id, ActorType = ActorType.Customer, ErpKey = erpKey, CrmChangeSeq = company.ChangeSeq };
        ErpSync.Engine.Links.LinkBase.Write(link, new Dictionary<string, FieldValue?> { ["NAME"] = FieldValue.Text(name!) });
        db.Links.Add(link);
        await db.SaveChangesAsync(Ct);
        return (company.Id, erpKey);
    }

    private async Task<string?> ErpNameAsync(int connectionId, string erpKey)
    {
        await using var db = await app.GetService<IDbContextFactory<ErpSyncDb>>().CreateDbContextAsync(Ct);
        var connection = await db.Connections.Include(c => c.ConfigValues).FirstAsync(c => c.Id == connectionId, Ct);
        var connector = app.GetService<ConnectorCatalog>().Find("ErpSync.DemoErp")!;
        var context = new ConnectorContext(connection.PublicId, app.GetService<ConnectionConfigStore>().Read(connection));
        var actor = (await connector.GetActorsAsync(context, new GetActorsRequest(ActorType.Customer, [erpKey], ["NAME"]), Ct)).GetValueOrThrow().Single();
        return actor.Fields["NAME"]?.ToInvariantString();
    }

    private async Task<SyncRun> WaitForRunAsync(int connectionId, SyncRunKind? kind = null, DateTimeOffset? startedAfter = null)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (DateTime.UtcNow < deadline)
        {
            await using var db = await app.GetService<IDbContextFactory<ErpSyncDb>>().CreateDbContextAsync(Ct);
            var runs = await db.SyncRuns.Where(r => r.ConnectionId == connectionId && r.Status != SyncRunStatus.Running && (kind == null || r.Kind == kind)).ToListAsync(Ct);
            var run = runs.Where(r => startedAfter == null || r.StartedAt >= startedAfter).OrderByDescending(r => r.Id).FirstOrDefault();
            if (run is not null)
            {
                return run;
            }

            await Task.Delay(200, Ct);
        }

        throw new TimeoutException("No sync run finished within 30 s.");
    }

    private async Task<int> ActiveConnectionAsync(HttpClient client)
    {
        var demo = (await client.GetFromJsonAsync<List<ConnectorSummary>>("/api/connectors", ApiJson.Options, Ct))!.Single(c => c.BuiltInName == "ErpSync.DemoErp");
        var created = await (await client.PostJsonAsync("/api/connections", new ConnectionInput("Scheduled " + Guid.NewGuid().ToString("N")[..8], demo.Id, null, true, [], new Dictionary<string, string?>
        {
            ["DatabaseFile"] = Path.Combine(Path.GetTempPath(), $"erpsync-schedule-{app.Database}-demo.db"),
            ["Administration"] = "NL01",
            ["UserName"] = "demo",
            ["Password"] = "demo-erp",
        }))).ReadAsync<ConnectionDetails>();
        await client.PutJsonAsync($"/api/connections/{created.Id}/mappings/Customer", new ActorTypeMappingInput(true, [new("NAME", "name", FieldDirection.Both, false, false)]));
        (await (await client.PutJsonAsync($"/api/connections/{created.Id}/active", new { active = true })).ReadAsync<ActivationResult>()).IsActive.ShouldBeTrue();
        return created.Id;
    }
}

public sealed class SchedulingApiTests_Sqlite(SqliteErpSyncApp app) : SchedulingApiTests(app), IClassFixture<SqliteErpSyncApp>;

public sealed class SchedulingApiTests_Postgres(PostgresErpSyncApp app) : SchedulingApiTests(app), IClassFixture<PostgresErpSyncApp>;
