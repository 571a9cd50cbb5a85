using System.Net;
using ErpSync.Engine.Accounts;

namespace ErpSync.Server.Tests.Account;

/// <summary>Authentication, authorisation, users, groups and the signed-in user's own settings, once per database.</summary>
public abstract class AccountApiTests(ErpSyncApp app)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("/api/companies")]
    [InlineData("/api/lists")]
    [InlineData("/api/users")]
    [InlineData("/api/me/tokens")]
    public async Task NoCredentials_Returns401(string path)
    {
        using var client = app.CreateAnonymousClient();

        (await client.GetAsync(path, Ct)).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Theory]
    [InlineData("/companies")]
    [InlineData("/persons/new")]
    [InlineData("/settings/users")]
    [InlineData("/profile")]
    public async Task Page_WithoutSignIn_RedirectsToLogin(string path)
    {
        using var client = app.CreateAnonymousClient();

        var response = await client.GetAsync(path, Ct);

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        response.Headers.Location!.ToString().ShouldContain("/account/login");
    }

    [Fact]
    public async Task UnknownToken_Returns401()
    {
        using var client = app.CreateClientWithToken("esk_not-a-real-token");

        (await client.GetAsync("/api/companies", Ct)).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task NormalUser_GetsForbiddenOnAdministration()
    {
        var (_, client) = await app.CreateUserClientAsync();
        using var _ = client;

        (await client.GetAsync("/api/users", Ct)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await client.GetAsync("/api/groups", Ct)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await client.GetAsync("/api/companies", Ct)).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Token_CreateUseRevoke_ThenRejected()
    {
        var (_, bootstrap) = await app.CreateUserClientAsync();
        using var _ = bootstrap;

        var created = await bootstrap.PostJsonAsync("/api/me/tokens", new { name = "script", validDays = 30 });
        var token = await created.ReadAsync<CreatedApiToken>();
        using var client = app.CreateClientWithToken(token.Token);
        var before = await client.GetAsync("/api/companies", Ct);
        var listed = await (await client.GetAsync("/api/me/tokens", Ct)).ReadAsync<List<ApiTokenSummary>>();
        var revoked = await bootstrap.DeleteAsync($"/api/me/tokens/{token.Summary.Id}", Ct);
        var after = await client.GetAsync("/api/companies", Ct);

        created.StatusCode.ShouldBe(HttpStatusCode.Created);
        token.Token.ShouldStartWith(token.Summary.Prefix);
        before.StatusCode.ShouldBe(HttpStatusCode.OK);
        listed.ShouldContain(t => t.Id == token.Summary.Id && !t.IsRevoked);
        revoked.StatusCode.ShouldBe(HttpStatusCode.NoContent);
        after.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Admin_CreatesGroupAndUser_InvalidUserIsRefusedPerField()
    {
        using var admin = await app.CreateAdminClientAsync();
        var tag = Guid.NewGuid().ToString("N")[..8];

        var group = await (await admin.PostJsonAsync("/api/groups", new GroupInput($"Sales {tag}", null))).ReadAsync<GroupSummary>();
        var invalid = await admin.PostJsonAsync("/api/users", new UserInput("", "", null, UserRole.User, true, "fr", [], "short"));
        var created = await admin.PostJsonAsync("/api/users", new UserInput($"anneke{tag}", "Anneke", "anneke@example.com", UserRole.User, true, "nl", [group.Id], "long-enough-1"));
        var user = await created.ReadAsync<UserSummary>();
        var renamed = await admin.PutJsonAsync($"/api/groups/{group.Id}", new GroupInput($"Sales NL {tag}", "Dutch sales"));
        var groups = await (await admin.GetAsync("/api/groups", Ct)).ReadAsync<List<GroupSummary>>();

        (await invalid.ReadFieldErrorsAsync()).Keys.ShouldBe(["userName", "displayName", "culture", "password"], ignoreOrder: true);
        created.StatusCode.ShouldBe(HttpStatusCode.Created);
        user.GroupIds.ShouldBe([group.Id]);
        renamed.StatusCode.ShouldBe(HttpStatusCode.OK);
        groups.Single(g => g.Id == group.Id).ShouldSatisfyAllConditions(
            g => g.Name.ShouldBe($"Sales NL {tag}"),
            g => g.MemberIds.ShouldBe([user.Id]));
        (await admin.DeleteAsync($"/api/groups/{group.Id}", Ct)).StatusCode.ShouldBe(HttpStatusCode.NoContent);
    }

    [Fact]
    public async Task Me_ChangesCultureAndPassword()
    {
        var (user, client) = await app.CreateUserClientAsync();
        using var _ = client;

        var badCulture = await client.PutJsonAsync("/api/me/culture", new { culture = "de" });
        var culture = await client.PutJsonAsync("/api/me/culture", new { culture = "nl" });
        var wrongPassword = await client.PutJsonAsync("/api/me/password", new { currentPassword = "wrong", newPassword = "new-pass-123" });
        var password = await client.PutJsonAsync("/api/me/password", new { currentPassword = "user-pass-1", newPassword = "new-pass-123" });

        (await badCulture.ReadFieldErrorsAsync()).Keys.ShouldBe(["culture"]);
        culture.StatusCode.ShouldBe(HttpStatusCode.NoContent);
        (await wrongPassword.ReadFieldErrorsAsync()).Keys.ShouldBe(["currentPassword"]);
        password.StatusCode.ShouldBe(HttpStatusCode.NoContent);
        (await app.GetService<AccountAdmin>().ValidateCredentialsAsync(user.UserName, "new-pass-123", Ct))!.Culture.ShouldBe("nl");
    }
}

public sealed class AccountApiTests_Sqlite(SqliteErpSyncApp app) : AccountApiTests(app), IClassFixture<SqliteErpSyncApp>;

public sealed class AccountApiTests_Postgres(PostgresErpSyncApp app) : AccountApiTests(app), IClassFixture<PostgresErpSyncApp>;
