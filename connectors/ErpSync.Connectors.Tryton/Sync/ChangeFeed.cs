using System.Text.Json.Nodes;

namespace ErpSync.Connectors.Tryton;

/// <summary>
/// The change feed on <c>create_date</c>/<c>write_date</c>. Tryton does not bump a party's <c>write_date</c> when an
/// address, contact mechanism, identifier or relation is edited directly, so those models are polled too and their
/// rows mapped back to the party. Archived parties and merged ones (<c>replaced_by</c>) are tombstones; Tryton keeps
/// no record of deleted parties, so those are not reported.
/// </summary>
internal static class ChangeFeed
{
    public const int MaxPageSize = 10_000;

    /// <summary>The most parties read in one batch (one <c>in</c> domain per model), however large the page.</summary>
    private const int MaxReadChunk = 500;

    private const int MinReadChunk = 100;

    private static readonly (string Model, string PartyField)[] Children =
        [("party.address", "party"), ("party.contact_mechanism", "party"), ("party.identifier", "party")];

    public static async Task<ConnectorResult<ChangePage>> ReadAsync(TrytonClient client, ReadChangesRequest request, CancellationToken ct)
    {
        if (request.PageSize is < 1 or > MaxPageSize)
        {
            return ConnectorResults.Fail<ChangePage>(ErrorCode.Validation, client.T($"The page size must be between 1 and {MaxPageSize}.", $"De paginagrootte moet tussen 1 en {MaxPageSize} liggen."));
        }

        // From no cursor every party is delivered: paged by id, which costs one read per page (see InitialPass).
        var pass = request.Cursor is null ? null : PassCursor.Decode(request.Cursor);
        if (request.Cursor is null || pass is not null)
        {
            return await InitialPass.ReadAsync(client, request, pass, ct);
        }

        var cursor = ChangeCursor.Decode(request.Cursor);
        if (cursor is null)
        {
            return ConnectorResults.Fail<ChangePage>(ErrorCode.Validation, client.T($"'{request.Cursor}' is not a Tryton connector cursor.", $"'{request.Cursor}' is geen cursor van de Tryton-connector."));
        }

        var settings = client.Settings;
        var since = cursor.ReadFrom(settings.Overlap);
        var rows = new List<PartyChange>();
        await CollectAsync(client, "party.party", "id", since, null, rows, ct);
        foreach (var (model, field) in Children)
        {
            await CollectAsync(client, model, field, since, null, rows, ct);
        }

        if (settings.PersonRelation is { } relation)
        {
            await CollectAsync(client, "party.relation.all", "from_", since, new JsonArray("type", "=", relation), rows, ct);
        }

        var changes = ChangeSelector.Order(rows, cursor);
        var actors = new List<Actor>();
        var tombstones = new List<Tombstone>();
        var codes = new CodeLookup(client);
        var examined = 0;
        while (examined < changes.Count && actors.Count + tombstones.Count < request.PageSize)
        {
            // As many parties as the page still needs in one batch of calls (every call costs a round trip and Tryton's
            // per-call overhead), but never fewer than a small chunk, so parties of other types do not cause tiny batches.
            var chunkSize = Math.Clamp(request.PageSize - actors.Count - tombstones.Count, Math.Min(MinReadChunk, request.PageSize * 2), MaxReadChunk);
            var chunk = changes.Skip(examined).Take(chunkSize).ToList();
            var parties = await PartyReader.ReadAsync(client, chunk.Select(c => c.PartyId).ToArray(), settings.PersonRelation, ct);
            await ActorMapper.LoadCodesAsync(codes, parties.Values, ct, request.Fields);
            foreach (var change in chunk)
            {
                examined++;
                if (parties.TryGetValue(change.PartyId, out var party))
                {
                    Report(party, request, settings, codes, actors, tombstones);
                }

                if (actors.Count + tombstones.Count == request.PageSize)
                {
                    break;
                }
            }
        }

        var hasMore = examined < changes.Count;
        var last = examined > 0 ? changes[examined - 1] : new PartyChange(cursor.Timestamp, cursor.PartyId);
        var next = hasMore
            ? new ChangeCursor(last.Timestamp, last.PartyId, false)
            : new ChangeCursor(last.Timestamp > cursor.Timestamp ? last.Timestamp : cursor.Timestamp, last.PartyId, true);
        return new ChangePage(actors, tombstones, next.Encode(), hasMore);
    }

    /// <summary>Reads the (time, party) of every row of <paramref name="model"/> created or written since <paramref name="since"/>; stored columns only, so it is cheap.</summary>
    private static async Task CollectAsync(TrytonClient client, string model, string partyField, DateTime since, JsonArray? extra, List<PartyChange> rows, CancellationToken ct)
    {
        var domain = new JsonArray();
        if (since > DateTime.MinValue)
        {
            // write_date is null until the first write, so both columns are asked; a write_date is never before create_date.
            domain.Add(new JsonArray("OR", new JsonArray("create_date", ">=", TrytonJson.DateTime(since)), new JsonArray("write_date", ">=", TrytonJson.DateTime(since))));
        }

        if (extra is not null)
        {
            domain.Add(extra);
        }

        string[] columns = partyField == "id" ? ["create_date", "write_date"] : [partyField, "create_date", "write_date"];
        var result = await client.ModelAsync(model, "search_read", [domain, 0, null, null, PartyReader.Columns(columns)], ct, PartyReader.AllRecords);
        foreach (var row in result.EnumerateArray())
        {
            var party = TrytonJson.ReadId(TrytonJson.Get(row, partyField));
            var stamp = TrytonJson.ReadDateTime(TrytonJson.Get(row, "write_date")) ?? TrytonJson.ReadDateTime(TrytonJson.Get(row, "create_date"));
            if (party is { } id && stamp is { } ts)
            {
                rows.Add(new PartyChange(ts, id));
            }
        }
    }

    /// <summary>
    /// A party of the requested type as a change: an actor while it is active, a tombstone once archived or merged
    /// (<c>replaced_by</c>). Parties of other types are not reported. Shared by the feed and its first pass.
    /// </summary>
    internal static void Report(PartyRecord party, ReadChangesRequest request, TrytonSettings settings, CodeLookup codes, List<Actor> actors, List<Tombstone> tombstones)
    {
        if (ActorMapper.Classify(party, settings, settings.PersonRelation) != request.ActorType)
        {
            return;
        }

        if (party.Active)
        {
            actors.Add(ActorMapper.ToActor(party, request.ActorType, request.Fields, codes));
        }
        else
        {
            tombstones.Add(new Tombstone(request.ActorType, TrytonJson.Key(party.Id),
                party.ReplacedBy is { } into ? TrytonJson.Key(into) : null, new DateTimeOffset(party.ChangedAt, TimeSpan.Zero)));
        }
    }
}
