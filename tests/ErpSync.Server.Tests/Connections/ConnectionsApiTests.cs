using System.Net;
using System.Net.Http.Json;
using ErpSync.Connectors;
using ErpSync.Engine.Accounts;
using ErpSync.Engine.Connections;
using ErpSync.Engine.Connectors;
using ErpSync.Engine.Data;
using Microsoft.EntityFrameworkCore;

namespace ErpSync.Server.Tests.Connections;

/// <summary>Sync Connectors and ERP connections over the API, run once per database (sealed subclasses at the end).</summary>
public abstract class ConnectionsApiTests(ErpSyncApp app)
{
    private const string ErpPassword = "demo-erp";
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Define_WrongPassword_ProblemWithConnectorMessage_NothingSaved()
    {
        using var client = await app.CreateAdminClientAsync();
        var name = "Wrong " + Tag();

        var response = await client.PostJsonAsync("/api/connections", await InputAsync(client, name, password: "nope"));

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await response.ReadAsync<ApiJson.ValidationProblem>()).Title.ShouldBe("The demo ERP refused user name or password.");
        (await ListAsync(client, includeDeleted: true)).ShouldNotContain(c => c.Name == name);
    }

    [Fact]
    public async Task Define_MissingNameMandatoryFieldAndScope_ProblemPerField()
    {
        using var client = await app.CreateAdminClientAsync();
        var input = (await InputAsync(client, "", password: ErpPassword)) with { AllAccess = false, Access = [] };
        input = input with { Values = input.Values.Where(v => v.Key != "UserName").ToDictionary() };

        var response = await client.PostJsonAsync("/api/connections", input);

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await response.ReadFieldErrorsAsync()).Keys.ShouldBe(["name", "access", "UserName"], ignoreOrder: true);
    }

    [Fact]
    public async Task Define_Valid_SavedInactiveWithActorTypesAndAutoMapping_PasswordEncryptedAndNeverReturned()
    {
        using var client = await app.CreateAdminClientAsync();

        var response = await client.PostJsonAsync("/api/connections", await InputAsync(client, "Valid " + Tag(), password: ErpPassword));
        var body = await response.Content.ReadAsStringAsync(Ct);
        var details = await response.ReadAsync<ConnectionDetails>();
        var fetched = await client.GetStringAsync($"/api/connections/{details.Id}", Ct);
        var list = await client.GetStringAsync("/api/connections", Ct);

        response.StatusCode.ShouldBe(HttpStatusCode.Created);
        details.IsActive.ShouldBeFalse();
        details.SecretsSet.ShouldBe(["Password"]);
        details.Values.ShouldNotContainKey("Password");
        details.ActorTypes.Select(a => a.ActorType).ShouldBe([ActorType.Customer, ActorType.Supplier, ActorType.Partner, ActorType.Person, ActorType.Project]);
        details.ActorTypes.ShouldAllBe(a => a.MappedFieldCount > 0 && !a.IsActive);
        foreach (var json in new[] { body, fetched, list })
        {
            json.ShouldNotContain(ErpPassword, Case.Sensitive);
        }

        await using var db = await app.GetService<IDbContextFactory<ErpSyncDb>>().CreateDbContextAsync(Ct);
        var stored = await db.ConnectionConfigValues.Where(v => v.ConnectionId == details.Id).ToListAsync(Ct);
        var secret = stored.Single(v => v.FieldKey == "Password");
        secret.ValueJson.ShouldBeNull();
        secret.ProtectedValue.ShouldNotBeNullOrEmpty();
        secret.ProtectedValue.ShouldNotContain(ErpPassword, Case.Sensitive);
        var name = await db.FieldMappings.Where(f => f.FieldKey == "NAME").Select(f => new { f.CrmField, f.ToCrm, f.ToErp }).FirstAsync(Ct);
        name.ShouldBe(new { CrmField = (string?)"name", ToCrm = false, ToErp = false });
    }

    [Fact]
    public async Task Activate_ScopeDecidesWhoSeesTheConnection()
    {
        using var client = await app.CreateAdminClientAsync();
        var accounts = app.GetService<AccountAdmin>();
        var group = await accounts.SaveGroupAsync(null, new GroupInput("Sales " + Tag(), null), Ct);
        var (member, memberClient) = await app.CreateUserClientAsync();
        await accounts.SaveUserAsync(member.Id, new UserInput(member.UserName, member.DisplayName, null, UserRole.User, true, null, [group.Id], null), Ct);
        var (_, outsiderClient) = await app.CreateUserClientAsync();
        var input = (await InputAsync(client, "Scoped " + Tag(), password: ErpPassword)) with { AllAccess = false, Access = [new AccessEntry(null, group.Id, CanLink: true, CanCreate: false)] };
        var created = await (await client.PostJsonAsync("/api/connections", input)).ReadAsync<ConnectionDetails>();

        var beforeActivation = await memberClient.GetFromJsonAsync<List<UsableConnection>>("/api/me/connections", ApiJson.Options, Ct);
        var activation = await (await client.PutJsonAsync($"/api/connections/{created.Id}/active", new { active = true })).ReadAsync<ActivationResult>();
        var forMember = await memberClient.GetFromJsonAsync<List<UsableConnection>>("/api/me/connections", ApiJson.Options, Ct);
        var forOutsider = await outsiderClient.GetFromJsonAsync<List<UsableConnection>>("/api/me/connections", ApiJson.Options, Ct);

        beforeActivation!.ShouldNotContain(c => c.Id == created.Id);
        activation.IsActive.ShouldBeTrue();
        forMember!.Single(c => c.Id == created.Id).ShouldBe(new UsableConnection(created.Id, created.Name, null, CanLink: true, CanCreate: false));
        forOutsider!.ShouldNotContain(c => c.Id == created.Id);
    }

    [Fact]
    public async Task EditActive_ConfigChangeRefused_NameChangeAllowed_OmittedPasswordKept()
    {
        using var client = await app.CreateAdminClientAsync();
        var input = await InputAsync(client, "Edit " + Tag(), password: ErpPassword);
        var created = await (await client.PostJsonAsync("/api/connections", input)).ReadAsync<ConnectionDetails>();
        await client.PutJsonAsync($"/api/connections/{created.Id}/active", new { active = true });
        var withoutPassword = input.Values.Where(v => v.Key != "Password").ToDictionary();

        var configChange = await client.PutJsonAsync($"/api/connections/{created.Id}", input with { Values = new Dictionary<string, string?>(withoutPassword) { ["Administration"] = "BE01" } });
        var rename = await client.PutJsonAsync($"/api/connections/{created.Id}", input with { Name = created.Name + " renamed", Values = withoutPassword });
        await client.PutJsonAsync($"/api/connections/{created.Id}/active", new { active = false });
        var inactiveChange = await client.PutJsonAsync($"/api/connections/{created.Id}", input with { Values = new Dictionary<string, string?>(withoutPassword) { ["Administration"] = "BE01" } });
        var reactivated = await (await client.PutJsonAsync($"/api/connections/{created.Id}/active", new { active = true })).ReadAsync<ActivationResult>();

        configChange.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await configChange.ReadAsync<ApiJson.ValidationProblem>()).Title!.ShouldContain("only be changed while the connection is inactive");
        rename.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await rename.ReadAsync<ConnectionDetails>()).Name.ShouldBe(created.Name + " renamed");
        inactiveChange.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await inactiveChange.ReadAsync<ConnectionDetails>()).Values["Administration"].ShouldBe("BE01");
        reactivated.IsActive.ShouldBeTrue();
        reactivated.Problems.ShouldBeEmpty();
    }

    [Fact]
    public async Task TestEndpoint_ReportsConnectorResultWithoutSaving()
    {
        using var client = await app.CreateAdminClientAsync();
        var input = await InputAsync(client, "unused", password: "nope");
        var before = (await ListAsync(client, includeDeleted: true)).Count;

        var wrong = await (await client.PostJsonAsync("/api/connections/test", new ConnectionTestInput(input.ConnectorId, null, input.Values))).ReadAsync<ErpSync.Connectors.TestResult>();
        var right = await (await client.PostJsonAsync("/api/connections/test", new ConnectionTestInput(input.ConnectorId, null, new Dictionary<string, string?>(input.Values) { ["Password"] = ErpPassword }))).ReadAsync<ErpSync.Connectors.TestResult>();

        wrong.IsOk.ShouldBeFalse();
        wrong.ErrorCode.ShouldBe(ErrorCode.AuthenticationFailed);
        right.IsOk.ShouldBeTrue();
        right.Message.ShouldContain("NL01");
        (await ListAsync(client, includeDeleted: true)).Count.ShouldBe(before);
    }

    [Fact]
    public async Task Delete_HidesUntilIncludeDeleted_RestoreBringsBackInactive()
    {
        using var client = await app.CreateAdminClientAsync();
        var created = await (await client.PostJsonAsync("/api/connections", await InputAsync(client, "Delete " + Tag(), password: ErpPassword))).ReadAsync<ConnectionDetails>();
        await client.PutJsonAsync($"/api/connections/{created.Id}/active", new { active = true });

        (await client.DeleteAsync($"/api/connections/{created.Id}", Ct)).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        (await ListAsync(client, includeDeleted: false)).ShouldNotContain(c => c.Id == created.Id);
        (await ListAsync(client, includeDeleted: true)).Single(c => c.Id == created.Id).ShouldSatisfyAllConditions(c => c.IsDeleted.ShouldBeTrue(), c => c.IsActive.ShouldBeFalse());
        (await client.PostAsync($"/api/connections/{created.Id}/restore", null, Ct)).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        (await ListAsync(client, includeDeleted: false)).Single(c => c.Id == created.Id).IsActive.ShouldBeFalse();
    }

    [Fact]
    public async Task Connectors_InvalidUrlRefused_InUseCannotBeDeleted()
    {
        using var client = await app.CreateAdminClientAsync();
        var demo = await DemoConnectorAsync(client);
        await client.PostJsonAsync("/api/connections", await InputAsync(client, "Uses demo " + Tag(), password: ErpPassword));

        var invalid = await client.PostJsonAsync("/api/connectors", new { name = "Acme " + Tag(), url = "ftp://acme", secret = "s" });
        var deleteDemo = await client.DeleteAsync($"/api/connectors/{demo.Id}", Ct);

        (await invalid.ReadFieldErrorsAsync()).Keys.ShouldBe(["url"]);
        deleteDemo.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await deleteDemo.ReadAsync<ApiJson.ValidationProblem>()).Title!.ShouldContain("cannot be deleted");
    }

    [Fact]
    public async Task NonAdministrator_IsForbidden_DutchMessagesFollowTheUser()
    {
        var (user, userClient) = await app.CreateUserClientAsync();
        using var admin = await app.CreateAdminClientAsync();
        var connector = await DemoConnectorAsync(admin);
        admin.DefaultRequestHeaders.AcceptLanguage.ParseAdd("nl-NL");

        var forbidden = await userClient.GetAsync("/api/connections", Ct);
        var dutch = await admin.PostJsonAsync("/api/connections", new ConnectionInput("", connector.Id, null, true, [], new Dictionary<string, string?>()));

        forbidden.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await dutch.ReadFieldErrorsAsync())["name"].ShouldBe(["Naam is verplicht."]);
        user.Role.ShouldBe(UserRole.User);
    }

    [Fact]
    public async Task OpenApiDocument_DescribesTheConnectionEndpoints()
    {
        using var client = app.CreateAnonymousClient();

        var document = await client.GetStringAsync("/openapi/v1.json", Ct);

        document.ShouldContain("\"/api/connections\"");
        document.ShouldContain("\"/api/connections/test\"");
        document.ShouldContain("\"/api/connectors\"");
    }

    private static string Tag() => Guid.NewGuid().ToString("N")[..8];

    private static async Task<List<ConnectionSummary>> ListAsync(HttpClient client, bool includeDeleted) =>
        (await client.GetFromJsonAsync<List<ConnectionSummary>>($"/api/connections?includeDeleted={includeDeleted}", ApiJson.Options, Ct))!;

    private static async Task<ConnectorSummary> DemoConnectorAsync(HttpClient client) =>
        (await client.GetFromJsonAsync<List<ConnectorSummary>>("/api/connectors", ApiJson.Options, Ct))!.Single(c => c.BuiltInName == "ErpSync.DemoErp");

    private async Task<ConnectionInput> InputAsync(HttpClient client, string name, string password) =>
        new(name, (await DemoConnectorAsync(client)).Id, null, true, [], new Dictionary<string, string?>
        {
            ["DatabaseFile"] = Path.Combine(Path.GetTempPath(), $"erpsync-api-{app.Database}-demo.db"),
            ["Administration"] = "NL01",
            ["UserName"] = "demo",
            ["Password"] = password,
        });
}

public sealed class ConnectionsApiTests_Sqlite(SqliteErpSyncApp app) : ConnectionsApiTests(app), IClassFixture<SqliteErpSyncApp>;

public sealed class ConnectionsApiTests_Postgres(PostgresErpSyncApp app) : ConnectionsApiTests(app), IClassFixture<PostgresErpSyncApp>;
