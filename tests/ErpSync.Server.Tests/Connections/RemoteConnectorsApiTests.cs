using System.Net;
using System.Net.Http.Json;
using ErpSync.Connectors;
using ErpSync.Connectors.DemoErp;
using ErpSync.Connectors.Hosting.Tests;
using ErpSync.Engine.Connections;
using ErpSync.Engine.Connectors;
using ErpSync.Engine.Data;
using Microsoft.EntityFrameworkCore;

namespace ErpSync.Server.Tests.Connections;

/// <summary>Remote Sync Connectors over the API, against the demo ERP served through Hosting on a real port.</summary>
public abstract class RemoteConnectorsApiTests(ErpSyncApp app)
{
    private const string Secret = "api-remote-secret";
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Register_WrongSecretOrDeadUrl_RefusedPerField_RightOnes_ListedReachable_SecretNeverReturned()
    {
        await using var host = await RemoteHost.StartAsync(new DemoErpConnector(TimeProvider.System), Secret);
        using var client = await app.CreateAdminClientAsync();
        var name = "Remote " + Tag();
        var url = host.BaseUrl.ToString();

        var wrong = await client.PostJsonAsync("/api/connectors", new { name, url, secret = "not-the-secret" });
        var dead = await client.PostJsonAsync("/api/connectors", new { name, url = "http://127.0.0.1:1/", secret = Secret });
        var response = await client.PostJsonAsync("/api/connectors", new { name, url, secret = Secret });
        var body = await response.Content.ReadAsStringAsync(Ct);
        var added = await response.ReadAsync<ConnectorSummary>();
        var list = await client.GetStringAsync("/api/connectors", Ct);
        var test = await (await client.PostAsync($"/api/connectors/{added.Id}/test", null, Ct)).ReadAsync<ConnectorTestResult>();

        wrong.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await wrong.ReadFieldErrorsAsync())["secret"].ShouldBe(["The connector at this URL refused the signature: check the shared secret."]);
        (await dead.ReadFieldErrorsAsync())["url"].Single().ShouldStartWith("The connector at this URL does not answer:");
        response.StatusCode.ShouldBe(HttpStatusCode.Created);
        added.ShouldSatisfyAllConditions(a => a.IsReachable.ShouldBeTrue(), a => a.Status.ShouldBe("Reachable"), a => a.Kind.ShouldBe(ConnectorKind.Remote));
        test.IsOk.ShouldBeTrue();
        test.Message.ShouldContain("Demo ERP");
        foreach (var json in new[] { body, list })
        {
            json.ShouldNotContain(Secret, Case.Sensitive);
        }

        await using var db = await app.GetService<IDbContextFactory<ErpSyncDb>>().CreateDbContextAsync(Ct);
        var stored = await db.Connectors.SingleAsync(c => c.Id == added.Id, Ct);
        stored.ProtectedSecret.ShouldNotBeNullOrEmpty();
        stored.ProtectedSecret.ShouldNotContain(Secret, Case.Sensitive);
    }

    [Fact]
    public async Task TheEngineReusesARemotesInfo_TheConnectorsListAsksEveryTime()
    {
        await using var host = await RemoteHost.StartAsync(new DemoErpConnector(TimeProvider.System), Secret);
        using var client = await app.CreateAdminClientAsync();
        var added = await (await client.PostJsonAsync("/api/connectors", new { name = "Cached " + Tag(), url = host.BaseUrl.ToString(), secret = Secret })).ReadAsync<ConnectorSummary>();
        await using var db = await app.GetService<IDbContextFactory<ErpSyncDb>>().CreateDbContextAsync(Ct);
        var registration = await db.Connectors.SingleAsync(c => c.Id == added.Id, Ct);
        var resolver = app.GetService<ConnectorResolver>();

        var before = host.Calls("info");
        for (var i = 0; i < 5; i++)
        {
            (await resolver.TryResolveAsync(registration, Ct)).Connector.ShouldNotBeNull();
        }

        var afterResolves = host.Calls("info");
        await client.GetStringAsync("/api/connectors", Ct);
        await client.GetStringAsync("/api/connectors", Ct);

        (afterResolves - before).ShouldBeLessThanOrEqualTo(1);
        (host.Calls("info") - afterResolves).ShouldBeGreaterThanOrEqualTo(2);
    }

    [Fact]
    public async Task ConnectionOnRemoteConnector_TestsAndSavesThroughTheRemote_StoppedRemoteShowsNotReachable()
    {
        var host = await RemoteHost.StartAsync(new DemoErpConnector(TimeProvider.System), Secret);
        using var client = await app.CreateAdminClientAsync();
        var connector = await (await client.PostJsonAsync("/api/connectors", new { name = "Remote demo " + Tag(), url = host.BaseUrl.ToString(), secret = Secret })).ReadAsync<ConnectorSummary>();
        var values = new Dictionary<string, string?>
        {
            ["DatabaseFile"] = Path.Combine(Path.GetTempPath(), $"erpsync-api-remote-{app.Database}-demo.db"),
            ["Administration"] = "NL01",
            ["UserName"] = "demo",
            ["Password"] = "demo-erp",
        };

        var fields = await client.GetFromJsonAsync<List<FieldInfo>>($"/api/connectors/{connector.Id}/config-fields", ApiJson.Options, Ct);
        var wrong = await (await client.PostJsonAsync("/api/connections/test", new ConnectionTestInput(connector.Id, null, new Dictionary<string, string?>(values) { ["Password"] = "nope" }))).ReadAsync<ErpSync.Connectors.TestResult>();
        var right = await (await client.PostJsonAsync("/api/connections/test", new ConnectionTestInput(connector.Id, null, values))).ReadAsync<ErpSync.Connectors.TestResult>();
        var saved = await client.PostJsonAsync("/api/connections", new ConnectionInput("Via remote " + Tag(), connector.Id, null, true, [], values));
        await host.DisposeAsync();
        var afterStop = (await client.GetFromJsonAsync<List<ConnectorSummary>>("/api/connectors", ApiJson.Options, Ct))!.Single(c => c.Id == connector.Id);

        fields.ShouldNotBeNull().ShouldContain(f => f.Key == "Password");
        wrong.ErrorCode.ShouldBe(ErrorCode.AuthenticationFailed);
        right.IsOk.ShouldBeTrue();
        saved.StatusCode.ShouldBe(HttpStatusCode.Created);
        (await saved.ReadAsync<ConnectionDetails>()).ActorTypes.Select(a => a.ActorType).ShouldContain(ActorType.Customer);
        afterStop.IsReachable.ShouldBeFalse();
        afterStop.Status.ShouldBe("Not reachable");
    }

    private static string Tag() => Guid.NewGuid().ToString("N")[..8];
}

public sealed class RemoteConnectorsApiTests_Sqlite(SqliteErpSyncApp app) : RemoteConnectorsApiTests(app), IClassFixture<SqliteErpSyncApp>;

public sealed class RemoteConnectorsApiTests_Postgres(PostgresErpSyncApp app) : RemoteConnectorsApiTests(app), IClassFixture<PostgresErpSyncApp>;
