using Microsoft.EntityFrameworkCore;

namespace ErpSync.Engine.Data;

/// <summary>Lets the rest of the code ask for <see cref="ErpSyncDb"/> whatever provider subclass is configured.</summary>
internal sealed class DbContextFactoryAdapter<TContext>(IDbContextFactory<TContext> inner) : IDbContextFactory<ErpSyncDb>
    where TContext : ErpSyncDb
{
    public ErpSyncDb CreateDbContext() => inner.CreateDbContext();

    public async Task<ErpSyncDb> CreateDbContextAsync(CancellationToken cancellationToken = default) =>
        await inner.CreateDbContextAsync(cancellationToken);
}
