using System.Collections.Concurrent;
using Microsoft.Data.Sqlite;

namespace ErpSync.Connectors.DemoErp;

/// <summary>
/// One demo ERP file, as a user of the ERP sees it: tests and demos use it to change, archive, merge and
/// bulk-create actors behind the connector's back. <see cref="OpenAsync"/> creates and seeds the file on first use.
/// </summary>
public sealed class DemoErpDatabase
{
    private static readonly ConcurrentDictionary<string, SemaphoreSlim> InitLocks = new(StringComparer.Ordinal);
    private static readonly ConcurrentDictionary<string, bool> Initialized = new(StringComparer.Ordinal);
    private readonly string _connectionString;

    private DemoErpDatabase(string filePath, TimeProvider timeProvider)
    {
        FilePath = filePath;
        TimeProvider = timeProvider;
        _connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = filePath,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Pooling = true,
            DefaultTimeout = 30,
        }.ToString();
    }

    /// <summary>The full path of the SQLite file.</summary>
    public string FilePath { get; }

    internal TimeProvider TimeProvider { get; }

    /// <summary>
    /// Opens a demo ERP file, creating and seeding it when it does not exist yet. A relative path is
    /// resolved against the current directory, and its folder is created when missing.
    /// </summary>
    /// <exception cref="InvalidOperationException">The folder does not exist and cannot be created, or the file is not a demo ERP database.</exception>
    public static async Task<DemoErpDatabase> OpenAsync(string filePath, TimeProvider timeProvider, CancellationToken cancellationToken = default)
    {
        var (database, problem) = await TryOpenAsync(filePath, timeProvider, dutch: false, cancellationToken);
        return database ?? throw new InvalidOperationException(problem);
    }

    /// <summary>Changes field values as an ERP user would (read-only fields included) and returns the new version.</summary>
    /// <exception cref="KeyNotFoundException">No actor with <paramref name="key"/> exists.</exception>
    /// <exception cref="ArgumentException">A field is unknown or a value has the wrong type.</exception>
    public Task<string> UpdateFieldsAsync(string administration, string key, IReadOnlyDictionary<string, FieldValue?> fields, CancellationToken cancellationToken = default) =>
        ErpUserActions.UpdateFieldsAsync(this, administration, key, fields, cancellationToken);

    /// <summary>Archives an actor: it disappears from reads and searches and shows up as a tombstone in the change feed.</summary>
    /// <exception cref="KeyNotFoundException">No active actor with <paramref name="key"/> exists.</exception>
    public Task ArchiveAsync(string administration, string key, CancellationToken cancellationToken = default) =>
        ErpUserActions.ArchiveAsync(this, administration, key, cancellationToken);

    /// <summary>
    /// Merges <paramref name="fromKey"/> into <paramref name="intoKey"/> (same actor type): the first becomes a tombstone
    /// with ReplacedByKey, its contact persons move to the second, and the second gets a new version.
    /// </summary>
    /// <exception cref="KeyNotFoundException">One of the actors does not exist or is not active.</exception>
    public Task MergeAsync(string administration, string fromKey, string intoKey, CancellationToken cancellationToken = default) =>
        ErpUserActions.MergeAsync(this, administration, fromKey, intoKey, cancellationToken);

    /// <summary>Bulk-inserts <paramref name="count"/> synthetic customers in one transaction (for scale tests) and returns their keys.</summary>
    public Task<IReadOnlyList<string>> GenerateCustomersAsync(string administration, int count, CancellationToken cancellationToken = default) =>
        CustomerGenerator.GenerateAsync(this, administration, count, cancellationToken);

    /// <summary>The number of active (not archived, not merged) actors of a type in an administration.</summary>
    public async Task<int> CountAsync(string administration, ActorType actorType, CancellationToken cancellationToken = default)
    {
        await using var connection = await ConnectAsync(cancellationToken);
        await using var command = ActorWriter.Command(connection, null, "SELECT COUNT(*) FROM actors WHERE admin = @admin AND type = @type AND status = 0");
        command.Parameters.AddWithValue("@admin", administration);
        command.Parameters.AddWithValue("@type", (int)actorType);
        return Convert.ToInt32(await command.ExecuteScalarAsync(cancellationToken), System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>Opens a new pooled connection with the busy timeout and the Unicode-aware <c>ulower</c> function.</summary>
    internal async Task<SqliteConnection> ConnectAsync(CancellationToken cancellationToken)
    {
        var connection = new SqliteConnection(_connectionString);
        try
        {
            await connection.OpenAsync(cancellationToken);

            // SQLite's lower() and LIKE only fold ASCII; searches must also match "KÖLN" to "Köln".
            connection.CreateFunction("ulower", (string? s) => (s ?? "").ToLowerInvariant(), isDeterministic: true);
            await using var command = ActorWriter.Command(connection, null, "PRAGMA busy_timeout = 10000;");
            await command.ExecuteNonQueryAsync(cancellationToken);
            return connection;
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    /// <summary>Opens the file for the connector, which must report problems as results instead of exceptions.</summary>
    internal static async Task<(DemoErpDatabase? Database, string? Problem)> TryOpenAsync(string filePath, TimeProvider timeProvider, bool dutch, CancellationToken cancellationToken)
    {
        string fullPath;
        try
        {
            fullPath = Path.GetFullPath(filePath);
            var folder = Path.GetDirectoryName(fullPath)!;
            if (!Directory.Exists(folder))
            {
                if (Path.IsPathRooted(filePath))
                {
                    return (null, Texts.T(dutch, $"The folder '{folder}' of the demo ERP database does not exist.", $"De map '{folder}' van de demo-ERP-database bestaat niet."));
                }

                Directory.CreateDirectory(folder);
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            return (null, Texts.T(dutch, $"The demo ERP database '{filePath}' cannot be created: {e.Message}", $"De demo-ERP-database '{filePath}' kan niet worden aangemaakt: {e.Message}"));
        }

        var database = new DemoErpDatabase(fullPath, timeProvider);
        try
        {
            await database.EnsureCreatedAsync(cancellationToken);
            return (database, null);
        }
        catch (SqliteException e)
        {
            return (null, Texts.T(dutch, $"The file '{fullPath}' is not a usable demo ERP database: {e.Message}", $"Het bestand '{fullPath}' is geen bruikbare demo-ERP-database: {e.Message}"));
        }
    }

    private async Task EnsureCreatedAsync(CancellationToken cancellationToken)
    {
        // The file check catches a database deleted while the process runs: it is then created and seeded again.
        if (Initialized.ContainsKey(FilePath) && File.Exists(FilePath))
        {
            return;
        }

        var gate = InitLocks.GetOrAdd(FilePath, _ => new SemaphoreSlim(1, 1));
        await gate.WaitAsync(cancellationToken);
        try
        {
            await using var connection = await ConnectAsync(cancellationToken);
            await using (var wal = ActorWriter.Command(connection, null, "PRAGMA journal_mode = WAL;"))
            {
                await wal.ExecuteNonQueryAsync(cancellationToken);
            }

            // BEGIN IMMEDIATE (the default) also keeps a second process from seeding the same file at the same time.
            await using var transaction = connection.BeginTransaction();
            await DatabaseSchema.CreateAsync(connection, transaction, cancellationToken);
            await using var seeded = ActorWriter.Command(connection, transaction, "SELECT value FROM meta WHERE name = 'seeded'");
            if ((long)(await seeded.ExecuteScalarAsync(cancellationToken))! == 0)
            {
                await Seeder.SeedAsync(connection, transaction, TimeProvider.GetUtcNow(), cancellationToken);
            }

            await transaction.CommitAsync(cancellationToken);
            Initialized[FilePath] = true;
        }
        finally
        {
            gate.Release();
        }
    }
}
