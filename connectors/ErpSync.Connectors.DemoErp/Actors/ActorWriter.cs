using System.Globalization;
using Microsoft.Data.Sqlite;

namespace ErpSync.Connectors.DemoErp;

/// <summary>
/// The only code that writes actor rows. Every write takes a new number from the file's single version
/// counter, so versions order all changes of all actors and serve as the change-feed cursor.
/// </summary>
internal static class ActorWriter
{
    /// <summary>Reserves <paramref name="count"/> versions and returns the first.</summary>
    public static async Task<long> NextVersionsAsync(SqliteConnection connection, SqliteTransaction transaction, int count, CancellationToken cancellationToken)
    {
        await using var command = Command(connection, transaction, "UPDATE meta SET value = value + @n WHERE name = 'version' RETURNING value");
        command.Parameters.AddWithValue("@n", count);
        var last = (long)(await command.ExecuteScalarAsync(cancellationToken))!;
        return last - count + 1;
    }

    public static async Task<string> InsertAsync(
        SqliteConnection connection, SqliteTransaction transaction, string admin, ActorType type,
        Dictionary<string, FieldValue?> values, string? parentKey, ActorType? parentType,
        DateTimeOffset changedAt, CancellationToken cancellationToken) =>
        (await InsertManyAsync(connection, transaction, admin, type, [new NewActor(values, parentKey, parentType)], changedAt, cancellationToken))[0];

    /// <summary>
    /// Inserts actors of one type with consecutive keys and versions, reusing one prepared command so that
    /// bulk loads (seeding, scale tests) stay fast.
    /// </summary>
    public static async Task<IReadOnlyList<string>> InsertManyAsync(
        SqliteConnection connection, SqliteTransaction transaction, string admin, ActorType type,
        IReadOnlyList<NewActor> actors, DateTimeOffset changedAt, CancellationToken cancellationToken)
    {
        if (actors.Count == 0)
        {
            return [];
        }

        var (prefix, first) = ActorSchema.KeyShape(type);
        await using var seqCommand = Command(connection, transaction, "SELECT MAX(seq) FROM actors WHERE admin = @admin AND type = @type");
        seqCommand.Parameters.AddWithValue("@admin", admin);
        seqCommand.Parameters.AddWithValue("@type", (int)type);
        var seq = await seqCommand.ExecuteScalarAsync(cancellationToken) is long m ? m + 1 : first;
        var version = await NextVersionsAsync(connection, transaction, actors.Count, cancellationToken);

        var fields = ActorSchema.Fields(type);
        var columns = string.Join(", ", fields.Select(f => f.Column));
        var parameters = string.Join(", ", fields.Select((f, i) => "@f" + i.ToString(CultureInfo.InvariantCulture)));
        await using var command = Command(connection, transaction, $"""
            INSERT INTO actors (admin, key, type, seq, status, parent_key, parent_type, display_name, version, changed_at, {columns})
            VALUES (@admin, @key, @type, @seq, 0, @parentKey, @parentType, @display, @version, @changedAt, {parameters})
            """);
        var keys = new List<string>(actors.Count);
        foreach (var actor in actors)
        {
            var key = prefix + seq.ToString(CultureInfo.InvariantCulture);
            if (ActorSchema.NumberColumn(type) is not null)
            {
                actor.Values[type == ActorType.Project ? "NUMBER" : "NUMBER1"] = new TextValue(seq.ToString(CultureInfo.InvariantCulture));
            }

            command.Parameters.Clear();
            command.Parameters.AddWithValue("@admin", admin);
            command.Parameters.AddWithValue("@key", key);
            command.Parameters.AddWithValue("@type", (int)type);
            command.Parameters.AddWithValue("@seq", seq);
            command.Parameters.AddWithValue("@parentKey", (object?)actor.ParentKey ?? DBNull.Value);
            command.Parameters.AddWithValue("@parentType", (object?)actor.ParentType?.ToString() ?? DBNull.Value);
            AddCommon(command, type, actor.Values, version, changedAt);
            await command.ExecuteNonQueryAsync(cancellationToken);
            keys.Add(key);
            seq++;
            version++;
        }

        return keys;
    }

    /// <summary>Reads the full stored state of an actor of any type and status, or null when the key is unknown.</summary>
    public static async Task<ActorRow?> ReadRowAsync(SqliteConnection connection, SqliteTransaction? transaction, string admin, string key, CancellationToken cancellationToken)
    {
        await using var typeCommand = Command(connection, transaction, "SELECT type FROM actors WHERE admin = @admin AND key = @key");
        typeCommand.Parameters.AddWithValue("@admin", admin);
        typeCommand.Parameters.AddWithValue("@key", key);
        if (await typeCommand.ExecuteScalarAsync(cancellationToken) is not long typeNumber)
        {
            return null;
        }

        var type = (ActorType)typeNumber;
        var fields = ActorSchema.Fields(type);
        await using var command = Command(connection, transaction,
            $"SELECT status, version, parent_key, parent_type, {string.Join(", ", fields.Select(f => f.Column))} FROM actors WHERE admin = @admin AND key = @key");
        command.Parameters.AddWithValue("@admin", admin);
        command.Parameters.AddWithValue("@key", key);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        var values = new Dictionary<string, FieldValue?>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < fields.Count; i++)
        {
            values[fields[i].Key] = SqlValues.FromDb(fields[i].Type, reader, 4 + i);
        }

        return new ActorRow(
            key, type, (ActorStatus)reader.GetInt32(0), reader.GetInt64(1),
            reader.IsDBNull(2) ? null : reader.GetString(2),
            reader.IsDBNull(3) ? null : Enum.Parse<ActorType>(reader.GetString(3)),
            values);
    }

    /// <summary>Writes every field of <paramref name="row"/> with a new version.</summary>
    public static async Task UpdateAsync(SqliteConnection connection, SqliteTransaction transaction, string admin, ActorRow row, long version, DateTimeOffset changedAt, CancellationToken cancellationToken)
    {
        var fields = ActorSchema.Fields(row.Type);
        var sets = string.Join(", ", fields.Select((f, i) => $"{f.Column} = @f{i.ToString(CultureInfo.InvariantCulture)}"));
        await using var command = Command(connection, transaction, $"""
            UPDATE actors SET display_name = @display, version = @version, changed_at = @changedAt, parent_key = @parentKey, parent_type = @parentType, {sets}
            WHERE admin = @admin AND key = @key
            """);
        command.Parameters.AddWithValue("@admin", admin);
        command.Parameters.AddWithValue("@key", row.Key);
        command.Parameters.AddWithValue("@parentKey", (object?)row.ParentKey ?? DBNull.Value);
        command.Parameters.AddWithValue("@parentType", (object?)row.ParentType?.ToString() ?? DBNull.Value);
        AddCommon(command, row.Type, row.Values, version, changedAt);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>Archives or merges an actor: the row stays, so the change feed can report a tombstone.</summary>
    public static async Task SetStatusAsync(SqliteConnection connection, SqliteTransaction transaction, string admin, string key, ActorStatus status, string? replacedBy, long version, DateTimeOffset changedAt, CancellationToken cancellationToken)
    {
        await using var command = Command(connection, transaction,
            "UPDATE actors SET status = @status, replaced_by = @replacedBy, version = @version, changed_at = @changedAt WHERE admin = @admin AND key = @key");
        command.Parameters.AddWithValue("@admin", admin);
        command.Parameters.AddWithValue("@key", key);
        command.Parameters.AddWithValue("@status", (int)status);
        command.Parameters.AddWithValue("@replacedBy", (object?)replacedBy ?? DBNull.Value);
        command.Parameters.AddWithValue("@version", version);
        command.Parameters.AddWithValue("@changedAt", SqlValues.FormatMoment(changedAt));
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public static SqliteCommand Command(SqliteConnection connection, SqliteTransaction? transaction, string sql)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        return command;
    }

    private static void AddCommon(SqliteCommand command, ActorType type, Dictionary<string, FieldValue?> values, long version, DateTimeOffset changedAt)
    {
        command.Parameters.AddWithValue("@display", ActorRow.DisplayName(type, values));
        command.Parameters.AddWithValue("@version", version);
        command.Parameters.AddWithValue("@changedAt", SqlValues.FormatMoment(changedAt));
        var fields = ActorSchema.Fields(type);
        for (var i = 0; i < fields.Count; i++)
        {
            values.TryGetValue(fields[i].Key, out var value);
            command.Parameters.AddWithValue("@f" + i.ToString(CultureInfo.InvariantCulture), SqlValues.ToDb(fields[i].Type, value));
        }
    }
}
