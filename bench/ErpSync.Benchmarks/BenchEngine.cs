using ErpSync.Connectors;
using ErpSync.Connectors.DemoErp;
using ErpSync.Engine;
using ErpSync.Engine.Data;
using ErpSync.Engine.Sync;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ErpSync.Benchmarks;

/// <summary>The real engine's services on one data folder (CRM at erpsync.db), with the demo ERP as the built-in connector.</summary>
internal sealed class BenchEngine : IAsyncDisposable
{
    public const string AdminPassword = "bench-admin-password";
    private readonly ServiceProvider _services;

    /// <param name="builtIn">The built-in connector instead of the (timed) demo ERP one, e.g. Tryton's.</param>
    public BenchEngine(string directory, ISyncConnector? builtIn = null)
    {
        Directory = directory;
        var services = new ServiceCollection()
            .AddErpSyncEngine(new ErpSyncOptions { DataDirectory = directory, SeedDemoData = false, AdminPassword = AdminPassword })
            .AddSingleton(_ => new TimingConnector(new DemoErpConnector(TimeProvider.System)))
            .AddLogging();
        _services = (builtIn is null ? services.AddSingleton<ISyncConnector>(sp => sp.GetRequiredService<TimingConnector>()) : services.AddSingleton(builtIn))
            .BuildServiceProvider();
    }

    public string Directory { get; }

    public string CrmFile => Path.Combine(Directory, "erpsync.db");

    public string ErpFile => Path.Combine(Directory, "erp.db");

    public SyncEngine Engine => Get<SyncEngine>();

    /// <summary>The built-in connector, timing its sync verbs (unused when the connection's connector is remote).</summary>
    public TimingConnector Connector => Get<TimingConnector>();

    public T Get<T>() where T : notnull => _services.GetRequiredService<T>();

    public async Task<ErpSyncDb> OpenAsync() => await Get<IDbContextFactory<ErpSyncDb>>().CreateDbContextAsync();

    public async ValueTask DisposeAsync()
    {
        await _services.DisposeAsync();
        SqliteConnection.ClearAllPools();
    }
}
