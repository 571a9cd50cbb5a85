using System.Globalization;
using System.Text.Json.Nodes;

namespace ErpSync.Connectors.Tryton;

/// <summary>
/// Position in a first pass over all parties (read from no cursor): the latest change time in the database when the
/// pass began, and the last party id delivered. Parties are paged by id, so each page costs one read of its own
/// parties; the time-ordered feed would collect every change row of the remaining parties again for every page.
/// </summary>
internal sealed record PassCursor(DateTime Start, long LastId)
{
    private const string Prefix = "p1.";

    public string Encode() => string.Create(CultureInfo.InvariantCulture, $"{Prefix}{Start.Ticks}.{LastId}");

    /// <summary>Decodes a cursor made by <see cref="Encode"/>; null for anything else.</summary>
    public static PassCursor? Decode(string text)
    {
        var parts = text.StartsWith(Prefix, StringComparison.Ordinal) ? text[Prefix.Length..].Split('.') : [];
        return parts.Length == 2
            && long.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var ticks) && ticks <= DateTime.MaxValue.Ticks
            && long.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var id)
            ? new PassCursor(new DateTime(ticks, DateTimeKind.Utc), id)
            : null;
    }
}

/// <summary>
/// The first pass of the change feed: every party of the actor type (archived ones as tombstones) by id. Its last
/// page ends with a tail <see cref="ChangeCursor"/> at the pass's start time, so the next poll re-reads, with the
/// overlap, everything that changed while the pass ran, as after any other last page.
/// </summary>
internal static class InitialPass
{
    private const int MaxReadChunk = 500;

    public static async Task<ConnectorResult<ChangePage>> ReadAsync(TrytonClient client, ReadChangesRequest request, PassCursor? cursor, CancellationToken ct)
    {
        var settings = client.Settings;
        var start = cursor?.Start ?? await LatestChangeAsync(client, ct);
        var lastId = cursor?.LastId ?? 0;
        var actors = new List<Actor>();
        var tombstones = new List<Tombstone>();
        var codes = new CodeLookup(client);
        var hasMore = true;
        while (hasMore && actors.Count + tombstones.Count < request.PageSize)
        {
            // As many as the page still needs, never fewer than a small chunk (other actor types are skipped).
            var want = Math.Clamp(request.PageSize - actors.Count - tombstones.Count, Math.Min(100, request.PageSize * 2), MaxReadChunk);
            var (parties, ids) = await PartyReader.ReadAfterAsync(client, lastId, want, settings.PersonRelation, ct);
            await ActorMapper.LoadCodesAsync(codes, parties.Values, ct, request.Fields);
            hasMore = ids.Count == want;
            for (var i = 0; i < ids.Count; i++)
            {
                var party = parties[ids[i]];
                lastId = party.Id;
                ChangeFeed.Report(party, request, settings, codes, actors, tombstones);

                if (actors.Count + tombstones.Count == request.PageSize)
                {
                    hasMore |= i < ids.Count - 1;
                    break;
                }
            }
        }

        var next = hasMore ? new PassCursor(start, lastId).Encode() : new ChangeCursor(start, lastId, true).Encode();
        return new ChangePage(actors, tombstones, next, hasMore);
    }

    /// <summary>The latest create or write time of a party or of a row the feed maps to one; <see cref="DateTime.MinValue"/> when there is none.</summary>
    private static async Task<DateTime> LatestChangeAsync(TrytonClient client, CancellationToken ct)
    {
        var latest = DateTime.MinValue;
        foreach (var model in (string[])["party.party", "party.address", "party.contact_mechanism", "party.identifier", "party.relation.all"])
        {
            foreach (var column in (string[])["create_date", "write_date"])
            {
                // "!= null" also keeps PostgreSQL, which sorts nulls first when descending, on a dated row.
                var domain = new JsonArray(new JsonArray(column, "!=", null));
                var rows = await client.ModelAsync(model, "search_read", [domain, 0, 1, new JsonArray(new JsonArray(column, "DESC")), PartyReader.Columns([column])], ct,
                    PartyReader.AllRecords);
                foreach (var row in rows.EnumerateArray())
                {
                    if (TrytonJson.ReadDateTime(TrytonJson.Get(row, column)) is { } stamp && stamp > latest)
                    {
                        latest = stamp;
                    }
                }
            }
        }

        return latest;
    }
}
