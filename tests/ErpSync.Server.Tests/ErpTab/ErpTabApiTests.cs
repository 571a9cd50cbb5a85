using System.Net;
using System.Net.Http.Json;
using ErpSync.Connectors;
using ErpSync.Engine.Connections;
using ErpSync.Engine.Crm;
using ErpSync.Engine.Links;

namespace ErpSync.Server.Tests.ErpTab;

/// <summary>Linking through the ERP tab endpoints: connect with per-field choice, create with an idempotency key, disconnect, rights.</summary>
public abstract class ErpTabApiTests(ErpSyncApp app)
{
    private readonly string _demoFile = Path.Combine(Path.GetTempPath(), $"erpsync-links-{app.Database}-{Guid.NewGuid():N}.db");

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Connect_ValueConflictResolvedPerField_BothSidesHoldTheChosenValues()
    {
        var name = "Conflict " + Guid.NewGuid().ToString("N")[..8];
        var (client, connectionId, _) = await SetupAsync();
        var erpKey = await DemoLinkSetup.CreateCustomerAsync(app.Services, _demoFile, name, "erp@example.com", "+31 30 111", Ct);
        var companyId = await CreateCompanyAsync(client, name, "crm@example.com", "+31 30 222");
        var basePath = $"/api/erp-tab/Company/{companyId}/connections/{connectionId}";

        var search = await client.GetFromJsonAsync<ErpSearchResult>($"{basePath}/search?actorType=Customer&text={Uri.EscapeDataString(name)}", ApiJson.Options, Ct);
        var preview = await client.GetFromJsonAsync<ConnectPreview>($"{basePath}/preview?actorType=Customer&erpKey={erpKey}", ApiJson.Options, Ct);
        var connected = await client.PostJsonAsync($"{basePath}/connect", new ConnectInput(ActorType.Customer, erpKey,
            new Dictionary<string, ValueSource> { ["EMAIL"] = ValueSource.Crm, ["PHONE"] = ValueSource.Erp }));

        search!.Rows.Select(r => r.Key).ShouldBe([erpKey]);
        search.Columns.Select(c => c.Key).ShouldContain("NAME");
        preview!.Differences.Select(d => d.FieldKey).ShouldBe(["EMAIL", "PHONE"], ignoreOrder: true);
        connected.StatusCode.ShouldBe(HttpStatusCode.OK);
        var section = await connected.ReadAsync<ErpTabSection>();
        section.ShouldSatisfyAllConditions(s => s.LinkId.ShouldNotBeNull(), s => s.ErpKey.ShouldBe(erpKey),
            s => s.Fields.Select(f => f.Key).ShouldBe(DemoLinkSetup.TabOrder), s => s.Fields.Single(f => f.Key == "COUNTRY").Value.ShouldNotBe("NL"));
        var erp = await DemoLinkSetup.ReadCustomerAsync(app.Services, _demoFile, erpKey, Ct);
        var crm = await client.GetFromJsonAsync<CompanyDetails>($"/api/companies/{companyId}", ApiJson.Options, Ct);
        (DemoLinkSetup.Text(erp, "EMAIL"), DemoLinkSetup.Text(erp, "PHONE")).ShouldBe(("crm@example.com", "+31 30 111"));
        (crm!.Values.Email, crm.Values.Phone).ShouldBe(("crm@example.com", "+31 30 111"));

        // The same ERP actor cannot be linked to a second company in this connection.
        var other = await CreateCompanyAsync(client, name + " B", null, null);
        var refused = await client.PostJsonAsync($"/api/erp-tab/Company/{other}/connections/{connectionId}/connect", new ConnectInput(ActorType.Customer, erpKey));
        refused.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await refused.ReadAsync<ApiJson.ValidationProblem>()).Title.ShouldNotBeNull().ShouldContain(erpKey);

        // Sync now after a CRM edit sends it to the ERP; nothing is left for a second run.
        await client.PutJsonAsync($"/api/companies/{companyId}", crm.Values with { Phone = "+31 30 333" });
        var sync = await (await client.PostAsync($"{basePath}/sync", null, Ct)).ReadAsync<Engine.Sync.SyncRunSummary>();
        sync.ShouldSatisfyAllConditions(s => s.Status.ShouldBe(Engine.Sync.SyncRunStatus.Succeeded), s => s.ErpWrites.ShouldBe(1));
        DemoLinkSetup.Text(await DemoLinkSetup.ReadCustomerAsync(app.Services, _demoFile, erpKey, Ct), "PHONE").ShouldBe("+31 30 333");
    }

    [Fact]
    public async Task Create_AskUserDefault_SameIntentTwice_ExactlyOneErpRecord()
    {
        var name = "Created " + Guid.NewGuid().ToString("N")[..8];
        var (client, connectionId, _) = await SetupAsync();
        var companyId = await CreateCompanyAsync(client, name, "new@example.com", "+31 20 555");
        var basePath = $"/api/erp-tab/Company/{companyId}/connections/{connectionId}";
        var before = await DemoLinkSetup.CountCustomersAsync(_demoFile);

        var form = await client.GetFromJsonAsync<CreateForm>($"{basePath}/create-form?actorType=Customer", ApiJson.Options, Ct);
        var missing = await client.PostJsonAsync($"{basePath}/create", new CreateInput(ActorType.Customer, form!.IdempotencyKey, new Dictionary<string, string?> { ["DEPARTMENT"] = "" }));
        var input = new CreateInput(ActorType.Customer, form.IdempotencyKey, new Dictionary<string, string?> { ["DEPARTMENT"] = "Purchasing" });
        var first = await client.PostJsonAsync($"{basePath}/create", input);
        var second = await client.PostJsonAsync($"{basePath}/create", input);

        form.Fields.ShouldHaveSingleItem().ShouldSatisfyAllConditions(f => f.FieldKey.ShouldBe("DEPARTMENT"), f => f.Value.ShouldBe("Sales"), f => f.Mandatory.ShouldBeTrue());
        (await missing.ReadFieldErrorsAsync()).Keys.ShouldBe(["DEPARTMENT"]);
        first.StatusCode.ShouldBe(HttpStatusCode.OK);
        second.StatusCode.ShouldBe(HttpStatusCode.OK);
        var section = await first.ReadAsync<ErpTabSection>();
        (await second.ReadAsync<ErpTabSection>()).ErpKey.ShouldBe(section.ErpKey);
        (await DemoLinkSetup.CountCustomersAsync(_demoFile)).ShouldBe(before + 1);
        var found = await DemoLinkSetup.FindCustomersAsync(app.Services, _demoFile, name, Ct);
        found.ShouldHaveSingleItem().ShouldSatisfyAllConditions(a => a.Key.ShouldBe(section.ErpKey),
            a => DemoLinkSetup.Text(a, "DEPARTMENT").ShouldBe("Purchasing"), a => DemoLinkSetup.Text(a, "EMAIL").ShouldBe("new@example.com"));
    }

    [Fact]
    public async Task Disconnect_RemovesOnlyTheLink_RecordCanBeLinkedAgain()
    {
        var name = "Unlink " + Guid.NewGuid().ToString("N")[..8];
        var (client, connectionId, _) = await SetupAsync();
        var erpKey = await DemoLinkSetup.CreateCustomerAsync(app.Services, _demoFile, name, "a@example.com", "1", Ct);
        var companyId = await CreateCompanyAsync(client, name, "a@example.com", "1");
        var basePath = $"/api/erp-tab/Company/{companyId}/connections/{connectionId}";
        (await client.PostJsonAsync($"{basePath}/connect", new ConnectInput(ActorType.Customer, erpKey))).StatusCode.ShouldBe(HttpStatusCode.OK);

        var deleted = await client.DeleteAsync($"{basePath}/link", Ct);
        var again = await client.DeleteAsync($"{basePath}/link", Ct);
        var tab = await client.GetFromJsonAsync<ErpTabView>($"/api/erp-tab/Company/{companyId}", ApiJson.Options, Ct);

        deleted.StatusCode.ShouldBe(HttpStatusCode.NoContent);
        again.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        var section = tab!.Sections.Single(s => s.ConnectionId == connectionId);
        section.ShouldSatisfyAllConditions(s => s.LinkId.ShouldBeNull(), s => s.ActorTypes.Select(a => a.ActorType).ShouldBe([ActorType.Customer]));
        (await DemoLinkSetup.ReadCustomerAsync(app.Services, _demoFile, erpKey, Ct)).Key.ShouldBe(erpKey);
        (await client.PostJsonAsync($"{basePath}/connect", new ConnectInput(ActorType.Customer, erpKey))).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task OutOfScopeOrWithoutRights_Refused()
    {
        var (admin, connectionId, scoped) = await SetupAsync(restricted: true);
        var companyId = await CreateCompanyAsync(admin, "Rights " + Guid.NewGuid().ToString("N")[..8], null, null);
        var (_, outsider) = await app.CreateUserClientAsync();
        var basePath = $"/api/erp-tab/Company/{companyId}/connections/{connectionId}";

        var outsiderTab = await outsider.GetFromJsonAsync<ErpTabView>($"/api/erp-tab/Company/{companyId}", ApiJson.Options, Ct);
        var outsiderSearch = await outsider.GetAsync($"{basePath}/search?actorType=Customer", Ct);
        var reader = scoped.ShouldNotBeNull();
        var readerTab = await reader.GetFromJsonAsync<ErpTabView>($"/api/erp-tab/Company/{companyId}", ApiJson.Options, Ct);
        var readerConnect = await reader.PostJsonAsync($"{basePath}/connect", new ConnectInput(ActorType.Customer, "X"));
        var readerCreate = await reader.GetAsync($"{basePath}/create-form?actorType=Customer", Ct);
        var anonymous = await app.CreateAnonymousClient().GetAsync($"/api/erp-tab/Company/{companyId}", Ct);

        outsiderTab!.Sections.ShouldNotContain(s => s.ConnectionId == connectionId);
        outsiderSearch.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        readerTab!.Sections.Single(s => s.ConnectionId == connectionId).ShouldSatisfyAllConditions(s => s.CanLink.ShouldBeFalse(), s => s.CanCreate.ShouldBeFalse());
        readerConnect.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        readerCreate.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        anonymous.StatusCode.ShouldBeOneOf(HttpStatusCode.Unauthorized, HttpStatusCode.Redirect, HttpStatusCode.Found);
    }

    /// <summary>An admin client and an active connection; when restricted, its scope is one new user without link or create rights (returned as a client).</summary>
    private async Task<(HttpClient Admin, int ConnectionId, HttpClient? Scoped)> SetupAsync(bool restricted = false)
    {
        var admin = await app.CreateAdminClientAsync();
        HttpClient? scoped = null;
        IReadOnlyList<AccessEntry>? scope = null;
        if (restricted)
        {
            var (user, client) = await app.CreateUserClientAsync();
            (scoped, scope) = (client, [new AccessEntry(user.Id, null, CanLink: false, CanCreate: false)]);
        }

        var id = await DemoLinkSetup.CreateConnectionAsync(app.Services, "Links " + Guid.NewGuid().ToString("N")[..8], _demoFile, scope, Ct);
        return (admin, id, scoped);
    }

    private static async Task<int> CreateCompanyAsync(HttpClient client, string name, string? email, string? phone)
    {
        var response = await client.PostJsonAsync("/api/companies", new CompanyInput { Name = name, Email = email, Phone = phone });
        return (await response.ReadAsync<CompanyDetails>()).Id;
    }
}

public sealed class ErpTabApiTests_Sqlite(SqliteErpSyncApp app) : ErpTabApiTests(app), IClassFixture<SqliteErpSyncApp>;

public sealed class ErpTabApiTests_Postgres(PostgresErpSyncApp app) : ErpTabApiTests(app), IClassFixture<PostgresErpSyncApp>;
