using Microsoft.Data.Sqlite;

namespace ErpSync.Connectors.DemoErp;

/// <summary>Creates the tables of a demo ERP file. Every statement is idempotent, so it may run on an existing file.</summary>
internal static class DatabaseSchema
{
    public static async Task CreateAsync(SqliteConnection connection, SqliteTransaction transaction, CancellationToken cancellationToken)
    {
        var fieldColumns = string.Join(", ", ActorSchema.AllColumns.Select(c => $"{c.Column} {SqlType(c.Type)}"));
        var sql = $"""
            CREATE TABLE IF NOT EXISTS meta (name TEXT PRIMARY KEY, value INTEGER NOT NULL);
            INSERT OR IGNORE INTO meta (name, value) VALUES ('version', 0), ('seeded', 0);
            CREATE TABLE IF NOT EXISTS users (
                user_name TEXT PRIMARY KEY COLLATE NOCASE, salt BLOB NOT NULL, hash BLOB NOT NULL, iterations INTEGER NOT NULL);
            CREATE TABLE IF NOT EXISTS administrations (
                code TEXT PRIMARY KEY, name TEXT NOT NULL, country TEXT NOT NULL, currency TEXT NOT NULL);
            CREATE TABLE IF NOT EXISTS list_items (
                list_name TEXT NOT NULL, key TEXT NOT NULL, text TEXT NOT NULL, text_nl TEXT NOT NULL, sort INTEGER NOT NULL,
                PRIMARY KEY (list_name, key));
            CREATE TABLE IF NOT EXISTS actors (
                admin TEXT NOT NULL, key TEXT NOT NULL, type INTEGER NOT NULL, seq INTEGER NOT NULL,
                status INTEGER NOT NULL DEFAULT 0, replaced_by TEXT, parent_key TEXT, parent_type TEXT,
                display_name TEXT NOT NULL, version INTEGER NOT NULL, changed_at TEXT NOT NULL,
                {fieldColumns},
                PRIMARY KEY (admin, key));
            CREATE INDEX IF NOT EXISTS ix_actors_changes ON actors (admin, type, version);
            CREATE INDEX IF NOT EXISTS ix_actors_parent ON actors (admin, parent_key);
            CREATE INDEX IF NOT EXISTS ix_actors_seq ON actors (admin, type, seq);
            CREATE TABLE IF NOT EXISTS idempotency (
                admin TEXT NOT NULL, idem_key TEXT NOT NULL, actor_type INTEGER NOT NULL, actor_key TEXT NOT NULL,
                PRIMARY KEY (admin, idem_key));
            """;
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static string SqlType(FieldType type) => type switch
    {
        FieldType.Decimal => "REAL",
        FieldType.Integer or FieldType.Checkbox => "INTEGER",
        _ => "TEXT",
    };
}
