using System.Text.Json;
using System.Text.Json.Nodes;

namespace ErpSync.Connectors.Tryton;

/// <summary>
/// Reads parties with their first address, contact mechanisms, VAT identifier and (for persons) the party they are a
/// contact of. The children are read per model with one <c>search_read</c> each: far cheaper than the party's
/// function fields (<c>email</c>, <c>phone</c>, …), which cost about ten times a stored column.
/// </summary>
internal static class PartyReader
{
    private static readonly string[] PartyColumns =
    [
        "name", "code", "active", "replaced_by", "categories", "lang", "customer_payment_term", "supplier_payment_term",
        "sale_price_list", "create_date", "write_date", "_timestamp",
    ];

    public static JsonObject AllRecords => new() { ["active_test"] = false };

    public static async Task<Dictionary<long, PartyRecord>> ReadAsync(TrytonClient client, IReadOnlyCollection<long> ids, long? personRelation, CancellationToken ct) =>
        ids.Count == 0
            ? []
            // "read" of a deleted id fails the whole call; search_read on the ids returns the ones that still exist, in one call.
            : (await ReadWhereAsync(client, new JsonArray(new JsonArray("id", "in", Ids(ids))), null, personRelation, ct)).Parties;

    /// <summary>Up to <paramref name="limit"/> parties (archived ones too) with an id above <paramref name="afterId"/>, by id; the ids in that order.</summary>
    public static Task<(Dictionary<long, PartyRecord> Parties, List<long> Ids)> ReadAfterAsync(TrytonClient client, long afterId, int limit, long? personRelation, CancellationToken ct) =>
        ReadWhereAsync(client, new JsonArray(new JsonArray("id", ">", afterId)), limit, personRelation, ct);

    private static async Task<(Dictionary<long, PartyRecord> Parties, List<long> Ids)> ReadWhereAsync(TrytonClient client, JsonArray domain, int? limit, long? personRelation,
        CancellationToken ct)
    {
        var parties = new Dictionary<long, PartyRecord>();
        var order = new JsonArray(new JsonArray("id", "ASC"));
        var rows = await client.ModelAsync("party.party", "search_read", [domain, 0, limit, order, Columns(PartyColumns)], ct, AllRecords);
        var found = new List<long>();
        foreach (var row in rows.EnumerateArray())
        {
            var party = new PartyRecord { Id = row.GetProperty("id").GetInt64(), Row = row };
            party.Touch(row);
            parties[party.Id] = party;
            found.Add(party.Id);
        }

        if (found.Count == 0)
        {
            return (parties, found);
        }

        await ChildrenAsync(client, "party.address", "party", found, ["street", "postal_code", "city", "country", "subdivision"], parties,
            (party, row) => party.Address ??= row, ct);
        await ChildrenAsync(client, "party.contact_mechanism", "party", found, ["type", "value"], parties,
            (party, row) => party.Mechanisms.TryAdd(row.GetProperty("type").GetString() ?? "", row), ct);
        await ChildrenAsync(client, "party.identifier", "party", found, ["type", "code"], parties, (party, row) =>
        {
            if (TrytonJson.ReadText(TrytonJson.Get(row, "type")) is { } type && type.EndsWith("_vat", StringComparison.Ordinal))
            {
                party.TaxIdentifier ??= row;
            }
        }, ct);
        if (personRelation is { } relation)
        {
            await ChildrenAsync(client, "party.relation.all", "from_", found, ["to"], parties,
                (party, row) => party.ParentId ??= TrytonJson.ReadId(TrytonJson.Get(row, "to")), ct,
                new JsonArray("type", "=", relation));
        }

        return (parties, found);
    }

    /// <summary>
    /// The actor type of each existing party of <paramref name="ids"/>, as <see cref="ActorMapper.Classify(PartyRecord, TrytonSettings, long?)"/>
    /// gives it, from the two columns it needs (categories, person relation) instead of whole parties: a search
    /// classifies up to a thousand parties to show a few.
    /// </summary>
    public static async Task<Dictionary<long, ActorType?>> ClassifyAsync(TrytonClient client, IReadOnlyCollection<long> ids, CancellationToken ct)
    {
        var types = new Dictionary<long, ActorType?>();
        if (ids.Count == 0)
        {
            return types;
        }

        var settings = client.Settings;
        var rows = await client.ModelAsync("party.party", "search_read", [new JsonArray(new JsonArray("id", "in", Ids(ids))), 0, null, null, Columns(["categories"])], ct, AllRecords);
        var categories = rows.EnumerateArray().ToDictionary(r => r.GetProperty("id").GetInt64(), r => TrytonJson.ReadIds(TrytonJson.Get(r, "categories")));
        var persons = new HashSet<long>();
        if (settings.PersonRelation is { } relation && categories.Count > 0)
        {
            var domain = new JsonArray(new JsonArray("from_", "in", Ids(categories.Keys)), new JsonArray("type", "=", relation));
            var relations = await client.ModelAsync("party.relation.all", "search_read", [domain, 0, null, new JsonArray(new JsonArray("id", "ASC")), Columns(["from_", "to"])], ct);
            foreach (var row in relations.EnumerateArray())
            {
                if (TrytonJson.ReadId(TrytonJson.Get(row, "from_")) is { } from && TrytonJson.ReadId(TrytonJson.Get(row, "to")) is not null)
                {
                    persons.Add(from);
                }
            }
        }

        foreach (var (id, partyCategories) in categories)
        {
            types[id] = ActorMapper.Classify(partyCategories, settings.PersonRelation is not null && persons.Contains(id), settings.CustomerCategory, settings.SupplierCategory);
        }

        return types;
    }

    private static async Task ChildrenAsync(
        TrytonClient client, string model, string parentField, IReadOnlyList<long> ids, string[] columns,
        Dictionary<long, PartyRecord> parties, Action<PartyRecord, JsonElement> apply, CancellationToken ct, JsonArray? extra = null)
    {
        var domain = new JsonArray(new JsonArray(parentField, "in", Ids(ids)));
        if (extra is not null)
        {
            domain.Add(extra);
        }

        var order = new JsonArray(new JsonArray("sequence", "ASC"), new JsonArray("id", "ASC"));
        if (model == "party.relation.all" || model == "party.identifier")
        {
            order = [new JsonArray("id", "ASC")];
        }

        var rows = await client.ModelAsync(model, "search_read",
            [domain, 0, null, order, Columns([parentField, .. columns, "create_date", "write_date"])], ct);
        foreach (var row in rows.EnumerateArray())
        {
            if (TrytonJson.ReadId(TrytonJson.Get(row, parentField)) is { } id && parties.TryGetValue(id, out var party))
            {
                party.Touch(row);
                apply(party, row);
            }
        }
    }

    public static JsonArray Ids(IEnumerable<long> ids) => new([.. ids.Select(i => (JsonNode)i)]);

    public static JsonArray Columns(IEnumerable<string> names) => new([.. names.Select(n => (JsonNode)n)]);
}
