using ErpSync.Connectors;
using ErpSync.Connectors.DemoErp;
using ErpSync.Engine;
using ErpSync.Engine.Connections;
using ErpSync.Engine.Connectors;
using ErpSync.Engine.Data;
using ErpSync.Engine.Mapping;
using ErpSync.Engine.Sync;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace ErpSync.Server.Tests.Scheduling;

/// <summary>
/// Two real server processes on one PostgreSQL database with Quartz's clustered job store: both run syncs, a
/// connection never runs twice at once, and when one process is killed the other takes its connections.
/// </summary>
public sealed class ClusterTests : IAsyncLifetime
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private readonly string _database = "erpsync_cluster_" + Guid.NewGuid().ToString("N");
    private readonly string _directory = Directory.CreateTempSubdirectory("erpsync-cluster-").FullName;
    private readonly List<ServerProcess> _servers = [];

    private static string PostgresBase => Environment.GetEnvironmentVariable(ErpSyncApp.PostgresVariable)?.Trim().TrimEnd(';')
        ?? throw new InvalidOperationException($"The cluster test needs {ErpSyncApp.PostgresVariable} (a PostgreSQL server); run it through scripts/test.sh.");

    private string ConnectionString => $"{PostgresBase};Database={_database}";

    [Fact]
    public async Task TwoProcesses_ShareTheWork_NeverOverlap_AndTheSurvivorTakesOver()
    {
        var a = await StartServerAsync();
        var connections = await SetUpConnectionsAsync(3);
        var b = await StartServerAsync();

        var shared = await WaitForRunsAsync(r => true, runs => runs.Select(r => r.Node).Distinct().Count() >= 2 && runs.Count >= 12, TimeSpan.FromSeconds(90));
        a.Kill();
        var killedAt = DateTimeOffset.UtcNow;
        var survivorNode = shared.Where(r => r.Node!.EndsWith("/" + b.Id, StringComparison.Ordinal)).Select(r => r.Node).First();
        var after = await WaitForRunsAsync(r => r.StartedAt > killedAt, runs => connections.All(c => runs.Any(r => r.ConnectionId == c)), TimeSpan.FromSeconds(60));

        shared.Select(r => r.Node).Distinct().Count().ShouldBe(2);
        after.ShouldAllBe(r => r.Node == survivorNode);
        foreach (var runs in (await AllRunsAsync()).GroupBy(r => r.ConnectionId))
        {
            var ordered = runs.Where(r => r.EndedAt is not null).OrderBy(r => r.StartedAt).ToList();
            for (var i = 1; i < ordered.Count; i++)
            {
                ordered[i].StartedAt.ShouldBeGreaterThanOrEqualTo(ordered[i - 1].EndedAt!.Value, $"connection {runs.Key} ran twice at once");
            }
        }
    }

    private async Task<ServerProcess> StartServerAsync()
    {
        var server = await ServerProcess.StartAsync(new Dictionary<string, string>
        {
            ["ErpSync__DatabaseProvider"] = "Postgres",
            ["ErpSync__ConnectionString"] = ConnectionString,
            ["ErpSync__AdminPassword"] = "cluster-admin-1",
            ["ErpSync__SeedDemoData"] = "false",
            ["ErpSync__DataDirectory"] = _directory,
        }, Ct);
        _servers.Add(server);
        return server;
    }

    /// <summary>Active connections on demo ERP files, synced every 2 s (set in the database: the API's minimum is 30 s).</summary>
    private async Task<List<int>> SetUpConnectionsAsync(int count)
    {
        await using var services = new ServiceCollection()
            .AddErpSyncEngine(new ErpSyncOptions { DatabaseProvider = "Postgres", ConnectionString = ConnectionString, DataDirectory = _directory, SeedDemoData = false })
            .AddSingleton<ISyncConnector>(new DemoErpConnector(TimeProvider.System))
            .AddLogging()
            .BuildServiceProvider();
        var demo = (await services.GetRequiredService<ConnectorAdmin>().ListAsync(Ct)).Single(c => c.BuiltInName == "ErpSync.DemoErp");
        var ids = new List<int>();
        for (var i = 0; i < count; i++)
        {
            var created = await services.GetRequiredService<ConnectionAdmin>().CreateAsync(new ConnectionInput($"Cluster {i}", demo.Id, null, true, [], new Dictionary<string, string?>
            {
                ["DatabaseFile"] = Path.Combine(_directory, $"erp-{i}.db"),
                ["Administration"] = "NL01",
                ["UserName"] = "demo",
                ["Password"] = "demo-erp",
            }), Ct);
            await services.GetRequiredService<MappingAdmin>().SaveActorTypeAsync(created.Id, ActorType.Customer, new ActorTypeMappingInput(true, [new("NAME", "name", FieldDirection.Both, false, false)]), Ct);
            (await services.GetRequiredService<ConnectionAdmin>().SetActiveAsync(created.Id, true, Ct)).IsActive.ShouldBeTrue();
            ids.Add(created.Id);
        }

        await using var db = await services.GetRequiredService<IDbContextFactory<ErpSyncDb>>().CreateDbContextAsync(Ct);
        var settings = await db.SyncSettings.FirstAsync(Ct);
        settings.AutomaticSync = true;
        settings.IntervalSeconds = 2;
        await db.SaveChangesAsync(Ct);
        return ids;
    }

    private async Task<List<SyncRun>> WaitForRunsAsync(Func<SyncRun, bool> filter, Func<List<SyncRun>, bool> done, TimeSpan timeout)
    {
        var deadline = DateTimeOffset.UtcNow + timeout;
        while (true)
        {
            var runs = (await AllRunsAsync()).Where(r => r.Status != SyncRunStatus.Running).Where(filter).ToList();
            if (done(runs))
            {
                return runs;
            }

            if (DateTimeOffset.UtcNow > deadline)
            {
                throw new TimeoutException($"After {timeout}: {runs.Count} runs by {string.Join(", ", runs.Select(r => r.Node).Distinct())}.");
            }

            await Task.Delay(500, Ct);
        }
    }

    private async Task<List<SyncRun>> AllRunsAsync()
    {
        var options = new DbContextOptionsBuilder<PostgresErpSyncDb>().UseNpgsql(ConnectionString).Options;
        await using var db = new PostgresErpSyncDb(options);
        return await db.SyncRuns.AsNoTracking().ToListAsync(Ct);
    }

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    public async ValueTask DisposeAsync()
    {
        foreach (var server in _servers)
        {
            await server.DisposeAsync();
        }

        NpgsqlConnection.ClearAllPools();
        if (Environment.GetEnvironmentVariable(ErpSyncApp.PostgresVariable) is { Length: > 0 })
        {
            await using var connection = new NpgsqlConnection($"{PostgresBase};Database=postgres");
            await connection.OpenAsync();
            await using var drop = new NpgsqlCommand($"""DROP DATABASE IF EXISTS "{_database}" WITH (FORCE)""", connection);
            await drop.ExecuteNonQueryAsync();
        }

        Directory.Delete(_directory, recursive: true);
    }
}
