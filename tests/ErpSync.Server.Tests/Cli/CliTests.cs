using System.Text.Json;
using ErpSync.Engine.Accounts;
using ErpSync.Engine.Data;
using ErpSync.Server.Tests.Resync;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;

namespace ErpSync.Server.Tests.Cli;

/// <summary>The whole server on Kestrel (a real port on 127.0.0.1), so a separate erpsync process can call it.</summary>
public sealed class KestrelErpSyncApp() : ErpSyncApp(TestDatabase.Sqlite)
{
    public Uri Url { get; private set; } = null!;

    public string Token { get; private set; } = "";

    public override async ValueTask InitializeAsync()
    {
        UseKestrel(0);
        StartServer();
        var address = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        Url = new Uri(address.Replace("[::]", "127.0.0.1", StringComparison.Ordinal).Replace("localhost", "127.0.0.1", StringComparison.Ordinal));
        var admin = (await GetService<AccountAdmin>().ListUsersAsync(CancellationToken.None)).Single(u => u.UserName == DatabaseInitializer.AdminUserName);
        Token = (await GetService<AccountAdmin>().CreateTokenAsync(admin.Id, "cli tests", 1, CancellationToken.None)).Token;
    }
}

/// <summary>Runs the built erpsync executable against a running server and checks its output and exit codes.</summary>
public sealed class CliTests(KestrelErpSyncApp app) : IClassFixture<KestrelErpSyncApp>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ConnectionsList_PlainLinesWhenRedirected_AndJson()
    {
        var id = await ConnectionAsync();

        var table = await RunAsync("connections", "list");
        var json = await RunAsync("connections", "list", "--output", "json");

        table.ExitCode.ShouldBe(0, table.Error);
        table.Output.ShouldStartWith("Id\tName\tConnector");
        table.Output.ShouldContain($"{id}\tCLI ");
        json.ExitCode.ShouldBe(0, json.Error);
        using var doc = JsonDocument.Parse(json.Output);
        doc.RootElement.EnumerateArray().ShouldContain(e => e.GetProperty("id").GetInt32() == id && e.GetProperty("active").GetBoolean());
    }

    [Fact]
    public async Task ConnectionsTest_ReportsOk()
    {
        var id = await ConnectionAsync();

        var result = await RunAsync("connections", "test", id.ToString(System.Globalization.CultureInfo.InvariantCulture));

        result.ExitCode.ShouldBe(0, result.Output + result.Error);
        result.Output.ShouldStartWith("OK");
    }

    [Fact]
    public async Task SyncWait_PrintsTheFinishedRunsCounts_AndJsonGivesTheRun()
    {
        var id = await ConnectionAsync();
        var idText = id.ToString(System.Globalization.CultureInfo.InvariantCulture);

        var plain = await RunAsync("sync", idText, "--wait");
        var json = await RunAsync("sync", idText, "--wait", "--output", "json");

        plain.ExitCode.ShouldBe(0, plain.Error);
        plain.Output.ShouldMatch(@"Run \d+ Succeeded in [\d.]+ s: ERP changes read \d+");
        json.ExitCode.ShouldBe(0, json.Error);
        using var doc = JsonDocument.Parse(json.Output);
        doc.RootElement.GetProperty("status").GetString().ShouldBe("Succeeded");
        doc.RootElement.GetProperty("kind").GetString().ShouldBe("Manual");
    }

    [Fact]
    public async Task ResyncWait_FromCrm_ForOneRecord_WritesTheErp_AndTheLogShowsIt()
    {
        var id = await ConnectionAsync();
        var idText = id.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var name = "From the CLI " + Guid.NewGuid().ToString("N")[..6];
        var company = await DemoConnection.LinkedCompanyAsync(app, id, "C10021", name);

        var resync = await RunAsync("resync", idText, "--from", "crm", "--no-blank-overwrite", "--entity", "company", "--record", company.ToString(System.Globalization.CultureInfo.InvariantCulture), "--wait");
        var log = await RunAsync("log", "tail", "--connection", idText);

        resync.ExitCode.ShouldBe(0, resync.Error);
        resync.Output.ShouldContain("Succeeded");
        resync.Output.ShouldContain("ERP writes 1");
        (await DemoConnection.ErpNameAsync(app, id, "C10021")).ShouldBe(name);
        log.ExitCode.ShouldBe(0, log.Error);
        log.Output.ShouldContain(name);
    }

    [Fact]
    public async Task ConfigExportThenImport_CreatesAnInactiveCopy()
    {
        var id = await ConnectionAsync();
        var file = Path.Combine(Path.GetTempPath(), $"erpsync-cli-export-{Guid.NewGuid():N}.json");
        try
        {
            var export = await RunAsync("config", "export", id.ToString(System.Globalization.CultureInfo.InvariantCulture), "-o", file);
            var import = await RunAsync("config", "import", file, "--name", "Imported by CLI " + Guid.NewGuid().ToString("N")[..6], "--secret", "Password=demo-erp");
            var badSecret = await RunAsync("config", "import", file, "--secret", "no-equals-sign");

            export.ExitCode.ShouldBe(0, export.Error);
            (await File.ReadAllTextAsync(file, Ct)).ShouldContain("erpsync.connection.v1");
            import.ExitCode.ShouldBe(0, import.Error);
            import.Output.ShouldMatch("Created connection \\d+ \"Imported by CLI ");
            badSecret.ExitCode.ShouldBe(2);
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public async Task BadToken_Exit3_UnreachableServer_Exit3()
    {
        var badToken = await RunAsync(["connections", "list"], token: "esk_not-a-real-token");
        var unreachable = await RunAsync(["connections", "list"], server: "http://127.0.0.1:1");

        badToken.ExitCode.ShouldBe(3);
        badToken.Error.ShouldContain("refused the API token");
        unreachable.ExitCode.ShouldBe(3);
    }

    [Fact]
    public async Task UsageErrors_Exit2_HelpExit0()
    {
        var missingFrom = await RunAsync("resync", "1");
        var badFrom = await RunAsync("resync", "1", "--from", "elsewhere");
        var recordWithoutEntity = await RunAsync("resync", "1", "--from", "crm", "--record", "5");
        var unknown = await RunAsync("frobnicate");
        var help = await RunAsync("sync", "--help");

        missingFrom.ExitCode.ShouldBe(2);
        missingFrom.Error.ShouldContain("--from");
        badFrom.ExitCode.ShouldBe(2);
        recordWithoutEntity.ExitCode.ShouldBe(2);
        recordWithoutEntity.Error.ShouldContain("--record needs --entity");
        unknown.ExitCode.ShouldBe(2);
        help.ExitCode.ShouldBe(0);
        help.Output.ShouldContain("--wait");
    }

    [Fact]
    public async Task UnknownConnection_Exit1()
    {
        var result = await RunAsync("sync", "987654");

        result.ExitCode.ShouldBe(1);
        result.Error.ShouldContain("400");
    }

    private async Task<int> ConnectionAsync()
    {
        using var client = app.CreateClientWithToken(app.Token);
        client.BaseAddress = app.Url;
        return await DemoConnection.CreateAsync(client, Path.Combine(Path.GetTempPath(), $"erpsync-cli-{Guid.NewGuid():N}.db"), "CLI " + Guid.NewGuid().ToString("N")[..8]);
    }

    private Task<CliResult> RunAsync(params string[] args) => RunAsync(args, null, null);

    private Task<CliResult> RunAsync(string[] args, string? server = null, string? token = null) => CliProcess.RunAsync(app, args, server, token);
}
