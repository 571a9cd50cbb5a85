using System.Net;
using System.Net.Http.Json;
using ErpSync.Connectors;
using ErpSync.Engine.Crm;
using ErpSync.Engine.Import;
using ErpSync.Server.Tests.ErpTab;

namespace ErpSync.Server.Tests.Import;

/// <summary>Import from ERP through the API: search, preview, background job with progress, result; admins only.</summary>
public abstract class ImportApiTests(ErpSyncApp app)
{
    private readonly string _demoFile = Path.Combine(Path.GetTempPath(), $"erpsync-import-{app.Database}-{Guid.NewGuid():N}.db");

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task SearchPreviewImport_CreatesALinkedCompany_AndAReRunChangesNothing()
    {
        var name = "Imported " + Guid.NewGuid().ToString("N")[..8];
        var admin = await app.CreateAdminClientAsync();
        var connectionId = await DemoLinkSetup.CreateConnectionAsync(app.Services, "Import " + Guid.NewGuid().ToString("N")[..8], _demoFile, null, Ct);
        var erpKey = await DemoLinkSetup.CreateCustomerAsync(app.Services, _demoFile, name, "import@example.com", "+31 30 444", Ct);

        var sources = await admin.GetFromJsonAsync<List<ImportSource>>("/api/import/sources", ApiJson.Options, Ct);
        var search = await admin.GetFromJsonAsync<ImportSearchResult>($"/api/import/search?connectionId={connectionId}&actorType=Customer&text={Uri.EscapeDataString(name)}", ApiJson.Options, Ct);
        var criteria = await (await admin.PostJsonAsync("/api/import/search", new { connectionId, actorType = "Customer", criteria = new[] { new { fieldKey = "NAME", @operator = "Equal", values = new[] { name } } } }))
            .ReadAsync<ImportSearchResult>();
        var request = new ImportRequest(connectionId, ActorType.Customer, new ImportSelection([erpKey]), new ImportSettings(CompanyMatch: CompanyMatchKey.Name));
        var preview = await (await admin.PostJsonAsync("/api/import/preview", request)).ReadAsync<ImportPreview>();
        var job = await RunAsync(admin, request);
        var rows = await admin.GetFromJsonAsync<ImportResultPage>($"/api/import/jobs/{job.Id}/rows?outcome=Created", ApiJson.Options, Ct);
        var again = await RunAsync(admin, request);

        sources!.Single(s => s.ConnectionId == connectionId).ActorTypes.Select(a => a.ActorType).ShouldBe([ActorType.Customer]);
        search!.Rows.Single().Key.ShouldBe(erpKey);
        criteria.Rows.Single().Key.ShouldBe(erpKey);
        preview.Counts.New.ShouldBe(1);
        preview.Rows.Single().Changes.Select(c => c.Field).ShouldContain("email");
        job.ShouldSatisfyAllConditions(j => j.State.ShouldBe(ImportJobState.Completed), j => j.Created.ShouldBe(1), j => j.Done.ShouldBe(1));
        var companyId = rows!.Rows.Single().CrmRecordId!.Value;
        var company = await admin.GetFromJsonAsync<CompanyDetails>($"/api/companies/{companyId}", ApiJson.Options, Ct);
        (company!.Values.Name, company.Values.Email).ShouldBe((name, "import@example.com"));
        again.ShouldSatisfyAllConditions(j => j.Created.ShouldBe(0), j => j.Unchanged.ShouldBe(1));

        var (_, user) = await app.CreateUserClientAsync();
        (await user.GetAsync("/api/import/sources", Ct)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    private static async Task<ImportJobView> RunAsync(HttpClient client, ImportRequest request)
    {
        var started = await client.PostJsonAsync("/api/import/jobs", request);
        started.StatusCode.ShouldBe(HttpStatusCode.Created);
        var job = await started.ReadAsync<ImportJobView>();
        for (var i = 0; i < 200 && job.State is ImportJobState.Queued or ImportJobState.Running; i++)
        {
            await Task.Delay(100, Ct);
            job = (await client.GetFromJsonAsync<ImportJobView>($"/api/import/jobs/{job.Id}", ApiJson.Options, Ct))!;
        }

        return job;
    }
}

public sealed class ImportApiTests_Sqlite(SqliteErpSyncApp app) : ImportApiTests(app), IClassFixture<SqliteErpSyncApp>;

public sealed class ImportApiTests_Postgres(PostgresErpSyncApp app) : ImportApiTests(app), IClassFixture<PostgresErpSyncApp>;
