using System.Globalization;
using ErpSync.Engine;
using ErpSync.Engine.Sync;
using ErpSync.Server.Tests.ErpTab;

namespace ErpSync.Server.Tests.Cli;

/// <summary>
/// Direct-database mode on PostgreSQL next to a running server: the CLI reads the server's connections, decrypts their
/// secrets, and its sync waits for the per-connection advisory lock the server holds.
/// </summary>
public sealed class CliDirectPostgresTests(PostgresErpSyncApp app) : IClassFixture<PostgresErpSyncApp>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ListsTestsAndImports_AndSyncWaitsForTheServersLockOnTheConnection()
    {
        var name = "PG CLI " + Guid.NewGuid().ToString("N")[..8];
        var id = await DemoLinkSetup.CreateConnectionAsync(app.Services, name, Path.Combine(Path.GetTempPath(), $"erpsync-cli-pg-{Guid.NewGuid():N}.db"), null, Ct);
        var idText = id.ToString(CultureInfo.InvariantCulture);
        var database = app.GetService<ErpSyncOptions>().ResolvedConnectionString;

        var list = await CliProcess.RunAsync(CliProcess.Start(["connections", "list", "--database", database]));
        var test = await CliProcess.RunAsync(CliProcess.Start(["connections", "test", name, "--database", database]));
        var import = await CliProcess.RunAsync(CliProcess.Start(["import", "-c", idText, "-a", "Customer", "--keys", "C10005", "--company-match", "None", "--database", database, "--provider", "postgres"]));

        System.Diagnostics.Process sync;
        await using (await app.GetService<ConnectionLocks>().AcquireAsync(id, Ct))
        {
            // The server "is syncing" the connection: the CLI's sync must wait for the lock.
            sync = CliProcess.Start(["sync", idText, "--database", database]);
            var exited = sync.WaitForExitAsync(Ct);
            (await Task.WhenAny(exited, Task.Delay(TimeSpan.FromSeconds(8), Ct))).ShouldNotBe(exited, "the CLI's sync ran while the server held the connection's lock");
        }

        var synced = await CliProcess.RunAsync(sync);

        list.ExitCode.ShouldBe(0, list.Error);
        list.Output.ShouldContain($"{id}\t{name}\t");
        test.ExitCode.ShouldBe(0, test.Output + test.Error);
        test.Output.ShouldStartWith("OK");
        import.ExitCode.ShouldBe(0, import.Output + import.Error);
        import.Output.ShouldContain("Completed: created 1,");
        synced.ExitCode.ShouldBe(0, synced.Output + synced.Error);
        synced.Output.ShouldMatch(@"Run \d+ Succeeded");
    }
}
