using System.ComponentModel.DataAnnotations;

namespace ErpSync.Engine;

/// <summary>Settings of the ErpSync section of the configuration.</summary>
public sealed class ErpSyncOptions
{
    public const string Section = "ErpSync";

    /// <value>Folder for the embedded SQLite database and the demo ERP file. Default <c>data</c> (relative to the working directory).</value>
    [Required]
    public string DataDirectory { get; set; } = "data";

    /// <value><c>Sqlite</c> (default) or <c>Postgres</c>.</value>
    [RegularExpression("^(Sqlite|Postgres)$")]
    public string DatabaseProvider { get; set; } = "Sqlite";

    /// <value>Connection string; for SQLite it defaults to <c>Data Source={DataDirectory}/erpsync.db</c>.</value>
    public string? ConnectionString { get; set; }

    /// <value>Fill an empty CRM with demo companies, persons and projects. Default true.</value>
    public bool SeedDemoData { get; set; } = true;

    /// <value>Initial password of the <c>admin</c> account; when empty, a random one is printed on first start.</value>
    public string? AdminPassword { get; set; }

    /// <value>How long a call to a remote connector may take before it counts as a transient failure. Default 30 seconds.</value>
    [Range(1, 3600)]
    public int RemoteCallTimeoutSeconds { get; set; } = 30;

    public bool UsePostgres => string.Equals(DatabaseProvider, "Postgres", StringComparison.OrdinalIgnoreCase);

    public string ResolvedConnectionString => ConnectionString is { Length: > 0 } cs ? cs
        : UsePostgres ? throw new InvalidOperationException("ErpSync:ConnectionString is required when DatabaseProvider is Postgres.")
        : $"Data Source={Path.Combine(DataDirectory, "erpsync.db")}";
}
