using ErpSync.Engine.Data;
using Microsoft.EntityFrameworkCore;

namespace ErpSync.Engine.Tests.Data;

/// <summary>Both migration sets describe the current model: a model change without scripts/add-migration.sh fails here.</summary>
public sealed class MigrationsTests
{
    [Fact]
    public void SqliteMigrations_MatchTheModel()
    {
        using var db = new SqliteErpSyncDb(new DbContextOptionsBuilder<SqliteErpSyncDb>().UseSqlite("Data Source=:memory:").Options);

        db.Database.HasPendingModelChanges().ShouldBeFalse();
    }

    [Fact]
    public void PostgresMigrations_MatchTheModel()
    {
        // Comparing the model with the snapshot needs no server.
        using var db = new PostgresErpSyncDb(new DbContextOptionsBuilder<PostgresErpSyncDb>().UseNpgsql("Host=127.0.0.1;Database=unused").Options);

        db.Database.HasPendingModelChanges().ShouldBeFalse();
    }
}
