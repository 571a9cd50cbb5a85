using ErpSync.Engine.Crm;
using ErpSync.Engine.Data;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ErpSync.Engine.Tests;

/// <summary>A migrated SQLite file in a fresh temp folder with the standard lists, and the engine's services on top of it.</summary>
public sealed class CrmDatabase : IAsyncLifetime
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "erpsync-engine-tests-" + Guid.NewGuid().ToString("N"));
    private ServiceProvider? _services;

    public IServiceProvider Services => _services ?? throw new InvalidOperationException("Not initialized.");

    public T Get<T>() where T : notnull => Services.GetRequiredService<T>();

    public async Task<ErpSyncDb> OpenAsync() => await Get<IDbContextFactory<ErpSyncDb>>().CreateDbContextAsync();

    public async ValueTask InitializeAsync()
    {
        _services = new ServiceCollection()
            .AddErpSyncEngine(new ErpSyncOptions { DataDirectory = _directory, SeedDemoData = false })
            .BuildServiceProvider();
        await using var db = await OpenAsync();
        db.ShouldBeOfType<SqliteErpSyncDb>();
        await db.Database.MigrateAsync();
        await CrmListSeed.EnsureAsync(db, CancellationToken.None);
    }

    public async ValueTask DisposeAsync()
    {
        if (_services is not null)
        {
            await _services.DisposeAsync();
        }

        // Pooled connections keep the file open; release them before deleting the folder.
        SqliteConnection.ClearAllPools();
        Directory.Delete(_directory, recursive: true);
    }

    public async Task<int> ListItemIdAsync(string listKey, string code)
    {
        await using var db = await OpenAsync();
        return await db.ListItems.Where(i => i.List!.Key == listKey && i.Code == code).Select(i => i.Id).SingleAsync();
    }
}
