using System.Globalization;

namespace ErpSync.Connectors.DemoErp;

/// <summary>What an ERP user does outside the connector: edit, archive, merge. Backs <see cref="DemoErpDatabase"/>.</summary>
internal static class ErpUserActions
{
    public static async Task<string> UpdateFieldsAsync(DemoErpDatabase database, string admin, string key, IReadOnlyDictionary<string, FieldValue?> fields, CancellationToken cancellationToken)
    {
        await using var connection = await database.ConnectAsync(cancellationToken);
        await using var transaction = connection.BeginTransaction();
        var row = await ActorWriter.ReadRowAsync(connection, transaction, admin, key, cancellationToken);
        if (row is null || row.Status != ActorStatus.Active)
        {
            throw new KeyNotFoundException($"No active actor '{key}' in administration '{admin}'.");
        }

        foreach (var (fieldKey, value) in fields)
        {
            var spec = ActorSchema.Find(row.Type, fieldKey) ?? throw new ArgumentException($"{row.Type} has no field '{fieldKey}'.", nameof(fields));
            if (!FieldValues.IsEmpty(value) && !FieldValues.Fits(spec.Type, value))
            {
                throw new ArgumentException($"Field '{spec.Key}' is {spec.Type}; '{value.ToInvariantString()}' does not fit.", nameof(fields));
            }

            row.Values[spec.Key] = value;
        }

        var version = await ActorWriter.NextVersionsAsync(connection, transaction, 1, cancellationToken);
        await ActorWriter.UpdateAsync(connection, transaction, admin, row, version, database.TimeProvider.GetUtcNow(), cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return version.ToString(CultureInfo.InvariantCulture);
    }

    public static async Task ArchiveAsync(DemoErpDatabase database, string admin, string key, CancellationToken cancellationToken)
    {
        await using var connection = await database.ConnectAsync(cancellationToken);
        await using var transaction = connection.BeginTransaction();
        var row = await ActorWriter.ReadRowAsync(connection, transaction, admin, key, cancellationToken);
        if (row is null || row.Status != ActorStatus.Active)
        {
            throw new KeyNotFoundException($"No active actor '{key}' in administration '{admin}'.");
        }

        var version = await ActorWriter.NextVersionsAsync(connection, transaction, 1, cancellationToken);
        await ActorWriter.SetStatusAsync(connection, transaction, admin, key, ActorStatus.Archived, null, version, database.TimeProvider.GetUtcNow(), cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    public static async Task MergeAsync(DemoErpDatabase database, string admin, string fromKey, string intoKey, CancellationToken cancellationToken)
    {
        await using var connection = await database.ConnectAsync(cancellationToken);
        await using var transaction = connection.BeginTransaction();
        var from = await ActorWriter.ReadRowAsync(connection, transaction, admin, fromKey, cancellationToken);
        var into = await ActorWriter.ReadRowAsync(connection, transaction, admin, intoKey, cancellationToken);
        if (from is not { Status: ActorStatus.Active } || into is not { Status: ActorStatus.Active } || fromKey == intoKey)
        {
            throw new KeyNotFoundException($"Both '{fromKey}' and '{intoKey}' must be distinct active actors in administration '{admin}'.");
        }

        if (from.Type != into.Type)
        {
            throw new ArgumentException($"Cannot merge a {from.Type} into a {into.Type}.", nameof(intoKey));
        }

        var children = new List<string>();
        await using (var select = ActorWriter.Command(connection, transaction, "SELECT key FROM actors WHERE admin = @admin AND parent_key = @from AND status = 0 ORDER BY version"))
        {
            select.Parameters.AddWithValue("@admin", admin);
            select.Parameters.AddWithValue("@from", fromKey);
            await using var reader = await select.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                children.Add(reader.GetString(0));
            }
        }

        var now = database.TimeProvider.GetUtcNow();
        var version = await ActorWriter.NextVersionsAsync(connection, transaction, children.Count + 2, cancellationToken);
        foreach (var child in children)
        {
            var row = (await ActorWriter.ReadRowAsync(connection, transaction, admin, child, cancellationToken))!;
            await ActorWriter.UpdateAsync(connection, transaction, admin, row with { ParentKey = intoKey, ParentType = into.Type }, version++, now, cancellationToken);
        }

        await ActorWriter.SetStatusAsync(connection, transaction, admin, fromKey, ActorStatus.Merged, intoKey, version++, now, cancellationToken);
        await ActorWriter.UpdateAsync(connection, transaction, admin, into, version, now, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }
}
