using System.Globalization;

namespace ErpSync.Connectors.DemoErp;

/// <summary>
/// The change feed: rows with a version above the cursor, oldest first. The cursor is the last version
/// delivered, so re-reading a page from the same cursor returns the same rows (or newer versions of them).
/// No write can commit a version below one already visible: versions are taken inside BEGIN IMMEDIATE
/// transactions, which SQLite runs one at a time, so a cursor never skips a late commit.
/// </summary>
internal static class ChangeFeed
{
    public const int MaxPageSize = 10_000;

    public static async Task<ConnectorResult<ChangePage>> ReadAsync(DemoErpSession session, ReadChangesRequest request, CancellationToken cancellationToken)
    {
        if (request.PageSize is < 1 or > MaxPageSize)
        {
            return ConnectorResults.Fail<ChangePage>(ErrorCode.Validation, Texts.T(session.Dutch,
                $"The page size must be between 1 and {MaxPageSize}.", $"De paginagrootte moet tussen 1 en {MaxPageSize} liggen."));
        }

        long after = 0;
        if (request.Cursor is not null && (!long.TryParse(request.Cursor, NumberStyles.None, CultureInfo.InvariantCulture, out after)))
        {
            return ConnectorResults.Fail<ChangePage>(ErrorCode.Validation, Texts.T(session.Dutch,
                $"'{request.Cursor}' is not a demo ERP cursor.", $"'{request.Cursor}' is geen cursor van het demo-ERP."));
        }

        var reader = new ActorReader(request.ActorType, request.Fields);
        await using var connection = await session.Database.ConnectAsync(cancellationToken);
        await using var command = ActorWriter.Command(connection, null,
            $"SELECT {reader.SelectList} FROM actors WHERE admin = @admin AND type = @type AND version > @after ORDER BY version LIMIT @take");
        command.Parameters.AddWithValue("@admin", session.Administration);
        command.Parameters.AddWithValue("@type", (int)request.ActorType);
        command.Parameters.AddWithValue("@after", after);
        command.Parameters.AddWithValue("@take", request.PageSize + 1);

        var actors = new List<Actor>();
        var tombstones = new List<Tombstone>();
        var last = after;
        var hasMore = false;
        await using var rows = await command.ExecuteReaderAsync(cancellationToken);
        while (await rows.ReadAsync(cancellationToken))
        {
            if (actors.Count + tombstones.Count == request.PageSize)
            {
                hasMore = true;
                break;
            }

            last = ActorReader.Version(rows);
            if (ActorReader.Status(rows) == ActorStatus.Active)
            {
                actors.Add(reader.ReadActor(rows));
            }
            else
            {
                tombstones.Add(reader.ReadTombstone(rows));
            }
        }

        return new ChangePage(actors, tombstones, last.ToString(CultureInfo.InvariantCulture), hasMore);
    }
}
