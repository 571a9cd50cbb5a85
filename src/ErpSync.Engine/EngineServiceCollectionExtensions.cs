using ErpSync.Engine.Accounts;
using ErpSync.Engine.Connections;
using ErpSync.Engine.Connectors;
using ErpSync.Engine.Connectors.Remote;
using ErpSync.Engine.Crm;
using ErpSync.Engine.Data;
using ErpSync.Engine.Secrets;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ErpSync.Engine;

public static class EngineServiceCollectionExtensions
{
    /// <summary>Registers the database, the secret store and the feature operations of the engine.</summary>
    public static IServiceCollection AddErpSyncEngine(this IServiceCollection services, ErpSyncOptions options)
    {
        services.AddSingleton(options);
        services.AddSingleton(TimeProvider.System);
        var connectionString = options.ResolvedConnectionString;
        if (options.UsePostgres)
        {
            services.AddDbContextFactory<PostgresErpSyncDb>(o => o.UseNpgsql(connectionString));
            services.AddSingleton<IDbContextFactory<ErpSyncDb>>(sp => new DbContextFactoryAdapter<PostgresErpSyncDb>(sp.GetRequiredService<IDbContextFactory<PostgresErpSyncDb>>()));
        }
        else
        {
            Directory.CreateDirectory(options.DataDirectory);
            services.AddDbContextFactory<SqliteErpSyncDb>(o => o.UseSqlite(connectionString));
            services.AddSingleton<IDbContextFactory<ErpSyncDb>>(sp => new DbContextFactoryAdapter<SqliteErpSyncDb>(sp.GetRequiredService<IDbContextFactory<SqliteErpSyncDb>>()));
        }

        services.AddScoped(sp => sp.GetRequiredService<IDbContextFactory<ErpSyncDb>>().CreateDbContext());

        // One key ring in the database and one application name: every node can read every secret.
        services.AddDataProtection().SetApplicationName("ErpSync").PersistKeysToDbContext<ErpSyncDb>();
        services.AddSingleton<SecretProtector>();

        services.AddSingleton<ConnectorCatalog>();
        services.AddSingleton<RemoteConnectorFactory>();
        services.AddSingleton<ConnectorResolver>();
        services.AddSingleton<ConnectorAdmin>();
        services.AddSingleton<ConnectionConfigStore>();
        services.AddSingleton<ConnectionAdmin>();
        services.AddSingleton<Mapping.MappingAdmin>();
        services.AddSingleton<Mapping.PriorityAdmin>();
        services.AddSingleton<Transfer.ConnectionTransfer>();
        services.AddSingleton<Sync.SyncEngine>();
        services.AddSingleton<Sync.ConnectionLocks>();
        services.AddSingleton<Sync.CrmChangeSignal>();
        services.AddSingleton<Scheduling.SyncScheduler>();
        services.AddSingleton<Scheduling.SchedulerAdmin>();
        services.AddSingleton<Resync.ResyncAdmin>();
        services.AddSingleton<Links.LinkAdmin>();
        services.AddSingleton<Sync.SyncMonitor>();
        services.AddSingleton<Import.ImportAdmin>();
        services.AddSingleton<AccountAdmin>();
        services.AddSingleton<CompanyAdmin>();
        services.AddSingleton<PersonAdmin>();
        services.AddSingleton<ProjectAdmin>();
        services.AddSingleton<CrmListAdmin>();
        services.AddSingleton<DatabaseInitializer>();
        return services;
    }
}
