using ErpSync.Engine.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace ErpSync.Server.Hosting;

// Used only by `dotnet ef migrations add`: each provider's context keeps its own migration set.
internal sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<SqliteErpSyncDb>
{
    public SqliteErpSyncDb CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqliteErpSyncDb>().UseSqlite("Data Source=design.db").Options);
}

internal sealed class PostgresDesignTimeFactory : IDesignTimeDbContextFactory<PostgresErpSyncDb>
{
    public PostgresErpSyncDb CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<PostgresErpSyncDb>().UseNpgsql("Host=127.0.0.1;Database=design").Options);
}
