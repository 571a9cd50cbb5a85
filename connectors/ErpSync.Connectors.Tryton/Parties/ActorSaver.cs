using System.Text.Json.Nodes;

namespace ErpSync.Connectors.Tryton;

/// <summary>
/// Writes actors in batches of <see cref="BatchSize"/> with one <c>write</c> call each (<c>[ids, values, ids, values, …]</c>).
/// A batch is one Tryton transaction, so when it fails the items are written one by one to find the culprit.
/// Stale versions are refused before writing; Tryton's <c>_timestamp</c> check closes the race after the read.
/// </summary>
internal static class ActorSaver
{
    public const int BatchSize = 100;

    public static async Task<ConnectorResult<IReadOnlyList<SaveResult>>> SaveAsync(TrytonClient client, SaveActorsRequest request, CancellationToken ct)
    {
        var results = new SaveResult?[request.Items.Count];
        for (var start = 0; start < request.Items.Count; start += BatchSize)
        {
            var batch = Enumerable.Range(start, Math.Min(BatchSize, request.Items.Count - start)).ToArray();
            await SaveBatchAsync(client, request, batch, results, ct);
        }

        return results.Select(r => r!).ToArray();
    }

    private static async Task SaveBatchAsync(TrytonClient client, SaveActorsRequest request, int[] batch, SaveResult?[] results, CancellationToken ct)
    {
        var settings = client.Settings;
        var ids = batch.Select(i => TrytonJson.ParseKey(request.Items[i].Key)).OfType<long>().Distinct().ToArray();
        var parties = await PartyReader.ReadAsync(client, ids, settings.PersonRelation, ct);
        var writer = new PartyWriter(new CodeLookup(client), client.Dutch);
        var writes = new List<(int Index, long Id, JsonObject Values, string? Stamp)>();
        foreach (var i in batch)
        {
            var item = request.Items[i];
            if (TrytonJson.ParseKey(item.Key) is not { } id || !parties.TryGetValue(id, out var party) || !party.Active
                || ActorMapper.Classify(party, settings, settings.PersonRelation) != request.ActorType)
            {
                results[i] = new SaveResult(item.Key, SaveStatus.NotFound, Error: new ConnectorError(ErrorCode.NotFound,
                    client.T($"Tryton has no active {request.ActorType} {item.Key}.", $"Tryton heeft geen actieve {request.ActorType} {item.Key}.")));
                continue;
            }

            if (item.ExpectedVersion is not null && item.ExpectedVersion != party.Version)
            {
                results[i] = Conflict(item.Key, client.Dutch);
                continue;
            }

            var (values, problems) = await writer.BuildAsync(request.ActorType, item.Fields, party, ct);
            if (problems.Count > 0)
            {
                results[i] = new SaveResult(item.Key, SaveStatus.Invalid, Error: new ConnectorError(ErrorCode.Validation, string.Join(" ", problems.Values), FieldErrors: problems));
                continue;
            }

            writes.Add((i, id, values, party.TrytonTimestamp));
        }

        if (writes.Count > 0 && !await TryWriteAsync(client, writes, ct))
        {
            foreach (var write in writes)
            {
                try
                {
                    await WriteAsync(client, [write], ct);
                }
                catch (TrytonException e)
                {
                    results[write.Index] = Failed(request.Items[write.Index].Key, e.Error, client.Dutch);
                }
            }
        }

        var written = writes.Where(w => results[w.Index] is null).ToList();
        var after = await PartyReader.ReadAsync(client, written.Select(w => w.Id).ToArray(), settings.PersonRelation, ct);
        var codes = new CodeLookup(client);
        await ActorMapper.LoadCodesAsync(codes, after.Values, ct);
        foreach (var write in written)
        {
            results[write.Index] = new SaveResult(request.Items[write.Index].Key, SaveStatus.Ok, ActorMapper.ToActor(after[write.Id], request.ActorType, [], codes));
        }
    }

    /// <summary>Writes the whole batch; false when Tryton refused it for a reason that one item may cause (validation, conflict).</summary>
    private static async Task<bool> TryWriteAsync(TrytonClient client, List<(int Index, long Id, JsonObject Values, string? Stamp)> writes, CancellationToken ct)
    {
        if (writes.Count == 1)
        {
            return false;
        }

        try
        {
            await WriteAsync(client, writes, ct);
            return true;
        }
        catch (TrytonException e) when (e.Error.Code is ErrorCode.Validation or ErrorCode.Conflict)
        {
            return false;
        }
    }

    private static async Task WriteAsync(TrytonClient client, List<(int Index, long Id, JsonObject Values, string? Stamp)> writes, CancellationToken ct)
    {
        var args = new JsonArray();
        var stamps = new JsonObject();
        foreach (var (_, id, values, stamp) in writes.Where(w => w.Values.Count > 0))
        {
            args.Add(new JsonArray(id));
            args.Add(values.DeepClone());
            if (stamp is not null)
            {
                stamps[$"party.party,{id}"] = stamp;
            }
        }

        if (args.Count > 0)
        {
            await client.ModelAsync("party.party", "write", args, ct, new JsonObject { ["_timestamp"] = stamps });
        }
    }

    private static SaveResult Conflict(string key, bool dutch) =>
        new(key, SaveStatus.Conflict, Error: new ConnectorError(ErrorCode.Conflict, Texts.T(dutch, "The party was changed in Tryton since the version the change is based on.",
            "De relatie is in Tryton gewijzigd na de versie waarop de wijziging is gebaseerd.")));

    private static SaveResult Failed(string key, ConnectorError error, bool dutch) => error.Code switch
    {
        ErrorCode.Conflict => Conflict(key, dutch),
        ErrorCode.Validation => new SaveResult(key, SaveStatus.Invalid, Error: error),
        _ => new SaveResult(key, SaveStatus.Failed, Error: error),
    };
}
