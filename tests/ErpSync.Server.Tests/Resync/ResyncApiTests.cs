using System.Net;
using ErpSync.Engine.Data;
using ErpSync.Engine.Sync;
using Microsoft.EntityFrameworkCore;

namespace ErpSync.Server.Tests.Resync;

/// <summary>POST /api/connections/{id}/resync through the real Quartz scheduler, once per database.</summary>
public abstract class ResyncApiTests(ErpSyncApp app)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ResyncFromCrm_IsQueued_RunsAsAResyncRun_AndForcesTheCrmValue()
    {
        using var client = await app.CreateAdminClientAsync();
        var id = await DemoConnection.CreateAsync(client, Path.Combine(Path.GetTempPath(), $"erpsync-resync-{app.Database}-{Guid.NewGuid():N}.db"));
        var crmName = "CRM knows best " + Guid.NewGuid().ToString("N")[..6];
        await DemoConnection.LinkedCompanyAsync(app, id, "C10011", crmName);

        var queued = await client.PostJsonAsync($"/api/connections/{id}/resync", new { from = "Crm", noBlankOverwrite = true });
        var run = await WaitForRunAsync(id, SyncRunKind.Resync);

        queued.StatusCode.ShouldBe(HttpStatusCode.Accepted);
        run.Status.ShouldBe(SyncRunStatus.Succeeded, run.Message);
        run.ErpWrites.ShouldBe(1);
        (await DemoConnection.ErpNameAsync(app, id, "C10011")).ShouldBe(crmName);
    }

    [Fact]
    public async Task ResyncFromErp_WritesTheCrm()
    {
        using var client = await app.CreateAdminClientAsync();
        var id = await DemoConnection.CreateAsync(client, Path.Combine(Path.GetTempPath(), $"erpsync-resync-{app.Database}-{Guid.NewGuid():N}.db"));
        var company = await DemoConnection.LinkedCompanyAsync(app, id, "C10012", "Wrong in the CRM");

        (await client.PostJsonAsync($"/api/connections/{id}/resync", new { from = "Erp" })).StatusCode.ShouldBe(HttpStatusCode.Accepted);
        var run = await WaitForRunAsync(id, SyncRunKind.Resync);

        run.CrmWrites.ShouldBe(1);
        await using var db = await app.GetService<IDbContextFactory<ErpSyncDb>>().CreateDbContextAsync(Ct);
        (await db.Companies.SingleAsync(c => c.Id == company, Ct)).Name.ShouldBe(await DemoConnection.ErpNameAsync(app, id, "C10012"));
    }

    [Fact]
    public async Task Resync_OfAnUnknownConnection_IsRefused_AndNeedsAnAdministrator()
    {
        using var admin = await app.CreateAdminClientAsync();
        var (_, user) = await app.CreateUserClientAsync();

        var missing = await admin.PostJsonAsync("/api/connections/999999/resync", new { from = "Crm" });
        var forbidden = await user.PostJsonAsync("/api/connections/1/resync", new { from = "Crm" });

        missing.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        forbidden.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    private async Task<SyncRun> WaitForRunAsync(int connectionId, SyncRunKind kind)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (DateTime.UtcNow < deadline)
        {
            await using var db = await app.GetService<IDbContextFactory<ErpSyncDb>>().CreateDbContextAsync(Ct);
            var run = await db.SyncRuns.Where(r => r.ConnectionId == connectionId && r.Kind == kind && r.Status != SyncRunStatus.Running).OrderByDescending(r => r.Id).FirstOrDefaultAsync(Ct);
            if (run is not null)
            {
                return run;
            }

            await Task.Delay(200, Ct);
        }

        throw new TimeoutException("No resync run finished within 30 s.");
    }
}

public sealed class ResyncApiTests_Sqlite(SqliteErpSyncApp app) : ResyncApiTests(app), IClassFixture<SqliteErpSyncApp>;

public sealed class ResyncApiTests_Postgres(PostgresErpSyncApp app) : ResyncApiTests(app), IClassFixture<PostgresErpSyncApp>;
