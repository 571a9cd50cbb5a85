using System.Text.Json.Nodes;

namespace ErpSync.Connectors.Tryton;

/// <summary>
/// Translates between Tryton ids and the stable keys lists use (ISO codes for countries, subdivisions, languages and
/// currencies): ids differ between databases. Caches for the duration of one connector call.
/// </summary>
internal sealed class CodeLookup(TrytonClient client)
{
    private readonly Dictionary<(string Model, long Id), string> _codes = [];
    private readonly Dictionary<(string Model, string Code), long?> _ids = [];

    public static bool IsCoded(string model) => ListNames.Sources.Values.Any(s => s.Model == model && s.KeyField is not null);

    /// <summary>Loads the codes (or display names) of <paramref name="ids"/> in one read.</summary>
    public async Task LoadAsync(string model, string field, IEnumerable<long> ids, CancellationToken ct)
    {
        var missing = ids.Distinct().Where(id => !_codes.ContainsKey((model, id))).ToArray();
        if (missing.Length == 0)
        {
            return;
        }

        var rows = await client.ModelAsync(model, "read", [PartyReader.Ids(missing), new JsonArray(field)], ct, PartyReader.AllRecords);
        foreach (var row in rows.EnumerateArray())
        {
            _codes[(model, row.GetProperty("id").GetInt64())] = TrytonJson.ReadText(TrytonJson.Get(row, field)) ?? "";
        }
    }

    public string? Code(string model, long? id) => id is { } i && _codes.TryGetValue((model, i), out var code) ? code : null;

    /// <summary>The id of the record with <paramref name="code"/>, or null when there is none.</summary>
    public async Task<long?> IdAsync(string model, string field, string code, CancellationToken ct)
    {
        if (_ids.TryGetValue((model, code), out var known))
        {
            return known;
        }

        var found = await client.ModelAsync(model, "search", [new JsonArray(new JsonArray(field, "=", code)), 0, 1, null], ct);
        var id = TrytonJson.ReadIds(found) is [var first, ..] ? first : (long?)null;
        _ids[(model, code)] = id;
        return id;
    }
}
