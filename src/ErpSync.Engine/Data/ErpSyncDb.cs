using ErpSync.Engine.Accounts;
using ErpSync.Engine.Connections;
using ErpSync.Engine.Connectors;
using ErpSync.Engine.Crm;
using ErpSync.Engine.Sync;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace ErpSync.Engine.Data;

/// <summary>
/// The one database of ErpSync. Provider-specific subclasses (<see cref="SqliteErpSyncDb"/>,
/// <see cref="PostgresErpSyncDb"/>) exist only so each provider keeps its own migration set.
/// </summary>
public abstract class ErpSyncDb(DbContextOptions options, TimeProvider? timeProvider = null, CrmChangeSignal? changeSignal = null) : DbContext(options), IDataProtectionKeyContext
{
    private readonly TimeProvider _time = timeProvider ?? TimeProvider.System;

    /// <summary>Set by the sync engine: its own CRM writes must not trigger another sync of the same record.</summary>
    public bool IsSyncWrite { get; set; }

    /// <summary>
    /// Set by callers that resolve a concurrent edit of a CRM record themselves (the sync engine). Everyone else gets a
    /// <see cref="UserErrorException"/> (409) instead of EF's exception: the record changed between their read and write.
    /// </summary>
    public bool HandlesConcurrency { get; set; }

    public DbSet<Company> Companies => Set<Company>();
    public DbSet<Person> Persons => Set<Person>();
    public DbSet<Project> Projects => Set<Project>();
    public DbSet<CrmList> Lists => Set<CrmList>();
    public DbSet<CrmListItem> ListItems => Set<CrmListItem>();
    public DbSet<CrmSequence> CrmSequences => Set<CrmSequence>();
    public DbSet<User> Users => Set<User>();
    public DbSet<UserGroup> Groups => Set<UserGroup>();
    public DbSet<UserGroupMember> GroupMembers => Set<UserGroupMember>();
    public DbSet<ApiToken> ApiTokens => Set<ApiToken>();
    public DbSet<ConnectorRegistration> Connectors => Set<ConnectorRegistration>();
    public DbSet<Connection> Connections => Set<Connection>();
    public DbSet<ConnectionConfigValue> ConnectionConfigValues => Set<ConnectionConfigValue>();
    public DbSet<ConnectionAccess> ConnectionAccess => Set<ConnectionAccess>();
    public DbSet<ActorTypeMapping> ActorTypeMappings => Set<ActorTypeMapping>();
    public DbSet<FieldMapping> FieldMappings => Set<FieldMapping>();
    public DbSet<ListItemMapping> ListItemMappings => Set<ListItemMapping>();
    public DbSet<SyncSettings> SyncSettings => Set<SyncSettings>();
    public DbSet<Links.Link> Links => Set<Links.Link>();
    public DbSet<Sync.OutboxIntent> OutboxIntents => Set<Sync.OutboxIntent>();
    public DbSet<Sync.SyncRun> SyncRuns => Set<Sync.SyncRun>();
    public DbSet<Sync.SyncLogEntry> SyncLog => Set<Sync.SyncLogEntry>();
    public DbSet<Sync.SyncIssue> SyncIssues => Set<Sync.SyncIssue>();
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        if (Database.IsSqlite())
        {
            // SQLite cannot ORDER BY a DateTimeOffset stored as text; the binary form sorts correctly.
            configurationBuilder.Properties<DateTimeOffset>().HaveConversion<DateTimeOffsetToBinaryConverter>();
        }
    }

    protected override void OnModelCreating(ModelBuilder modelBuilder) =>
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(ErpSyncDb).Assembly);

    public override async Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        var changed = ChangeTracker.Entries<ICrmRecord>()
            .Where(e => e.State is EntityState.Added or EntityState.Modified)
            .ToList();
        if (changed.Count == 0)
        {
            // Deletes of CRM records carry the version check too.
            try
            {
                return await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
            }
            catch (DbUpdateConcurrencyException ex) when (!HandlesConcurrency)
            {
                throw CrmVersion.Conflict(ex);
            }
        }

        // The sequence row is updated inside the same transaction as the records, so on PostgreSQL
        // the row lock orders concurrent writers: sequence numbers become visible in commit order.
        var ownTransaction = Database.CurrentTransaction is null ? await Database.BeginTransactionAsync(cancellationToken) : null;
        try
        {
            var last = await CrmSequenceAllocator.AllocateAsync(this, changed.Count, cancellationToken);
            var now = _time.GetUtcNow();
            var seq = last - changed.Count;
            foreach (var entry in changed)
            {
                entry.Entity.ChangeSeq = ++seq;
                entry.Entity.UpdatedAt = now;
                if (entry.State == EntityState.Added)
                {
                    entry.Entity.CreatedAt = now;
                }
            }

            int result;
            try
            {
                result = await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
            }
            catch (DbUpdateConcurrencyException ex) when (!HandlesConcurrency)
            {
                throw CrmVersion.Conflict(ex);
            }

            if (ownTransaction is not null)
            {
                await ownTransaction.CommitAsync(cancellationToken);
                Signal(changed.Select(e => e.Entity));
            }

            return result;
        }
        finally
        {
            if (ownTransaction is not null)
            {
                await ownTransaction.DisposeAsync();
            }
        }
    }

    private void Signal(IEnumerable<ICrmRecord> records)
    {
        if (changeSignal is null || IsSyncWrite)
        {
            return;
        }

        foreach (var record in records)
        {
            CrmEntity? entity = record switch
            {
                Company => CrmEntity.Company,
                Person => CrmEntity.Person,
                Project => CrmEntity.Project,
                _ => null,
            };
            if (entity is { } e)
            {
                changeSignal.Publish(new CrmRecordChanged(e, record.Id));
            }
        }
    }

    public override int SaveChanges(bool acceptAllChangesOnSuccess) =>
        SaveChangesAsync(acceptAllChangesOnSuccess).GetAwaiter().GetResult();
}
