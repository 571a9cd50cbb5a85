using System.Data.Common;

namespace ErpSync.Cli;

/// <summary>The database of direct mode: <c>--database</c> / ERPSYNC_DATABASE with <c>--provider</c>, or the provider inferred from the connection string.</summary>
internal sealed record DatabaseTarget(string ConnectionString, bool Postgres, string DataDirectory)
{
    public static DatabaseTarget Parse(string connectionString, string? provider)
    {
        var builder = new DbConnectionStringBuilder();
        try
        {
            builder.ConnectionString = connectionString;
        }
        catch (ArgumentException ex)
        {
            throw new CliException(ExitCodes.Usage, $"--database is not a connection string: {ex.Message}");
        }

        var postgres = provider?.ToLowerInvariant() switch
        {
            "postgres" => true,
            "sqlite" => false,
            _ when builder.ContainsKey("Host") => true,
            _ when builder.ContainsKey("Data Source") || builder.ContainsKey("DataSource") || builder.ContainsKey("Filename") => false,
            _ => throw new CliException(ExitCodes.Usage, "Cannot tell the database from --database: use --provider sqlite|postgres (or 'Data Source=…' / 'Host=…')."),
        };
        if (postgres)
        {
            return new DatabaseTarget(connectionString, true, Path.GetTempPath());
        }

        var file = (builder.TryGetValue("Data Source", out var a) ? a : builder.TryGetValue("DataSource", out var b) ? b : builder.TryGetValue("Filename", out var c) ? c : null) as string;
        if (string.IsNullOrWhiteSpace(file) || !File.Exists(file))
        {
            // SQLite would create an empty database; the CLI never creates or migrates one.
            throw new CliException(ExitCodes.AuthOrConnection, $"No ErpSync database at '{file}'.");
        }

        return new DatabaseTarget(connectionString, false, Path.GetDirectoryName(Path.GetFullPath(file))!);
    }
}
