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

    public static async Task<Dictionary<long, PartyRecord>> ReadAsync(TrytonClient client, IReadOnlyCollection<long> ids, long? personRelation, CancellationToken ct)
    {
        var parties = new Dictionary<long, PartyRecord>();
        if (ids.Count == 0)
        {
            return parties;
        }

        // "read" of a deleted id fails the whole call, so find the ids that still exist first.
        var inIds = new JsonArray(new JsonArray("id", "in", Ids(ids)));
        var existing = await client.ModelAsync("party.party", "search", [inIds, 0, null, null], ct, AllRecords);
        var found = TrytonJson.ReadIds(existing);
        if (found.Count == 0)
        {
            return parties;
        }

        var rows = await client.ModelAsync("party.party", "read", [Ids(found), Columns(PartyColumns)], ct, AllRecords);
        foreach (var row in rows.EnumerateArray())
        {
            var party = new PartyRecord { Id = row.GetProperty("id").GetInt64(), Row = row };
            party.Touch(row);
            parties[party.Id] = party;
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

        return parties;
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
