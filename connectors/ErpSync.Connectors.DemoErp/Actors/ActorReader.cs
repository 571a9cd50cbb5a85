using Microsoft.Data.Sqlite;

namespace ErpSync.Connectors.DemoErp;

/// <summary>Builds SELECT lists for one actor type and turns rows into <see cref="Actor"/>s or tombstones.</summary>
internal sealed class ActorReader
{
    private const string MetaColumns = "key, status, replaced_by, parent_key, parent_type, display_name, version, changed_at";
    private readonly ActorType _type;
    private readonly FieldSpec[] _fields;

    /// <param name="type">The actor type read.</param>
    /// <param name="requested">Field keys to return; empty means all fields. Unknown keys are ignored.</param>
    public ActorReader(ActorType type, IReadOnlyList<string> requested)
    {
        _type = type;
        var all = ActorSchema.Fields(type);
        _fields = requested.Count == 0
            ? [.. all]
            : all.Where(f => requested.Contains(f.Key, StringComparer.OrdinalIgnoreCase)).ToArray();
    }

    public string SelectList => _fields.Length == 0
        ? MetaColumns
        : MetaColumns + ", " + string.Join(", ", _fields.Select(f => f.Column));

    public static ActorStatus Status(SqliteDataReader reader) => (ActorStatus)reader.GetInt32(1);

    public static long Version(SqliteDataReader reader) => reader.GetInt64(6);

    public Actor ReadActor(SqliteDataReader reader)
    {
        var values = new Dictionary<string, FieldValue?>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < _fields.Length; i++)
        {
            values[_fields[i].Key] = SqlValues.FromDb(_fields[i].Type, reader, 8 + i);
        }

        return new Actor
        {
            Type = _type,
            Key = reader.GetString(0),
            ParentKey = reader.IsDBNull(3) ? null : reader.GetString(3),
            ParentType = reader.IsDBNull(4) ? null : Enum.Parse<ActorType>(reader.GetString(4)),
            DisplayName = reader.GetString(5),
            Version = reader.GetInt64(6).ToString(System.Globalization.CultureInfo.InvariantCulture),
            ChangedAt = SqlValues.ParseMoment(reader.GetString(7)),
            Fields = values,
        };
    }

    public Tombstone ReadTombstone(SqliteDataReader reader) => new(
        _type,
        reader.GetString(0),
        Status(reader) == ActorStatus.Merged && !reader.IsDBNull(2) ? reader.GetString(2) : null,
        SqlValues.ParseMoment(reader.GetString(7)));

    /// <summary>Reads the active actors with the given keys; unknown or removed keys are left out.</summary>
    public async Task<List<Actor>> ReadByKeysAsync(SqliteConnection connection, string admin, IReadOnlyList<string> keys, CancellationToken cancellationToken)
    {
        var actors = new List<Actor>();
        foreach (var chunk in keys.Distinct(StringComparer.Ordinal).Chunk(500))
        {
            await using var command = connection.CreateCommand();
            var names = chunk.Select((k, i) => "@k" + i.ToString(System.Globalization.CultureInfo.InvariantCulture)).ToArray();
            // "+type" keeps SQLite on the primary key (admin, key): with bound keys it otherwise picks (admin, type, seq) and scans every actor of the type.
            command.CommandText = $"SELECT {SelectList} FROM actors WHERE admin = @admin AND +type = @type AND status = 0 AND key IN ({string.Join(", ", names)})";
            command.Parameters.AddWithValue("@admin", admin);
            command.Parameters.AddWithValue("@type", (int)_type);
            for (var i = 0; i < chunk.Length; i++)
            {
                command.Parameters.AddWithValue(names[i], chunk[i]);
            }

            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                actors.Add(ReadActor(reader));
            }
        }

        // Keep the order the caller asked for.
        var order = keys.Select((k, i) => (k, i)).GroupBy(p => p.k).ToDictionary(g => g.Key, g => g.First().i, StringComparer.Ordinal);
        return [.. actors.OrderBy(a => order[a.Key])];
    }
}
