using System.Text.Json;

namespace ErpSync.Connectors.Tryton;

/// <summary>Turns party records into actors: classification by the configured categories, field values by <see cref="PartyFields"/>.</summary>
internal static class ActorMapper
{
    /// <summary>
    /// The actor type of a party: a contact person (through the person relation) is a Person; else the customer
    /// category makes a Customer, the supplier category a Supplier, both a Partner; a party in neither is not synced.
    /// </summary>
    public static ActorType? Classify(IReadOnlyCollection<long> categories, bool isPerson, long? customerCategory, long? supplierCategory)
    {
        if (isPerson)
        {
            return ActorType.Person;
        }

        var customer = customerCategory is { } c && categories.Contains(c);
        var supplier = supplierCategory is { } s && categories.Contains(s);
        return (customer, supplier) switch
        {
            (true, true) => ActorType.Partner,
            (true, false) => ActorType.Customer,
            (false, true) => ActorType.Supplier,
            _ => null,
        };
    }

    public static ActorType? Classify(PartyRecord party, TrytonSettings settings, long? personRelation) =>
        Classify(party.Categories, personRelation is not null && party.ParentId is not null, settings.CustomerCategory, settings.SupplierCategory);

    /// <summary>
    /// Loads the codes the records' list fields need, in one read per model; with <paramref name="wanted"/> (the
    /// fields asked for, all when empty) only for those fields: each model read is a round trip per page.
    /// </summary>
    public static async Task LoadCodesAsync(CodeLookup codes, IEnumerable<PartyRecord> parties, CancellationToken ct, IReadOnlyList<string>? wanted = null)
    {
        bool Needs(string key) => wanted is not { Count: > 0 } || wanted.Contains(key, StringComparer.OrdinalIgnoreCase);
        var list = parties.ToList();
        if (Needs("COUNTRY"))
        {
            await codes.LoadAsync("country.country", "code", list.Select(p => Id(p.Address, "country")).OfType<long>(), ct);
        }

        if (Needs("SUBDIVISION"))
        {
            await codes.LoadAsync("country.subdivision", "code", list.Select(p => Id(p.Address, "subdivision")).OfType<long>(), ct);
        }

        if (Needs("LANGUAGE"))
        {
            await codes.LoadAsync("ir.lang", "code", list.Select(p => Id(p.Row, "lang")).OfType<long>(), ct);
        }

        if (Needs("CATEGORIES"))
        {
            await codes.LoadAsync("party.category", "rec_name", list.SelectMany(p => p.Categories), ct);
        }
    }

    public static Actor ToActor(PartyRecord party, ActorType type, IReadOnlyList<string> wanted, CodeLookup codes)
    {
        var fields = new Dictionary<string, FieldValue?>(StringComparer.OrdinalIgnoreCase);
        foreach (var field in PartyFields.For(type))
        {
            if (wanted.Count == 0 || wanted.Contains(field.Key, StringComparer.OrdinalIgnoreCase))
            {
                fields[field.Key] = Value(party, field, codes);
            }
        }

        return new Actor
        {
            Type = type,
            Key = TrytonJson.Key(party.Id),
            Version = party.Version,
            ChangedAt = new DateTimeOffset(party.ChangedAt, TimeSpan.Zero),
            DisplayName = party.Name,
            ParentKey = party.ParentId is { } parent ? TrytonJson.Key(parent) : null,
            Fields = fields,
        };
    }

    private static FieldValue? Value(PartyRecord party, PartyField field, CodeLookup codes) => field.Source switch
    {
        FieldSource.Party when field.Type == FieldType.Checkbox => FieldValue.Boolean(TrytonJson.ReadBoolean(TrytonJson.Get(party.Row, field.TrytonField))),
        FieldSource.Party when field.ListName == ListNames.Languages => List(codes.Code("ir.lang", Id(party.Row, field.TrytonField))),
        FieldSource.Party when field.Type == FieldType.List => List(Id(party.Row, field.TrytonField) is { } id ? TrytonJson.Key(id) : null),
        FieldSource.Party => Text(TrytonJson.ReadText(TrytonJson.Get(party.Row, field.TrytonField))),
        FieldSource.Address when field.ListName == ListNames.Countries => List(codes.Code("country.country", Id(party.Address, "country"))),
        FieldSource.Address when field.ListName == ListNames.Subdivisions => List(codes.Code("country.subdivision", Id(party.Address, "subdivision"))),
        FieldSource.Address => Text(party.Address is { } a ? TrytonJson.ReadText(TrytonJson.Get(a, field.TrytonField)) : null),
        FieldSource.Mechanism => Text(party.Mechanisms.TryGetValue(field.TrytonField, out var m) ? TrytonJson.ReadText(TrytonJson.Get(m, "value")) : null),
        FieldSource.TaxIdentifier => Text(party.TaxIdentifier is { } t ? TrytonJson.ReadText(TrytonJson.Get(t, "code")) : null),
        FieldSource.Categories => Text(string.Join(", ", party.Categories.Select(c => codes.Code("party.category", c)).OfType<string>().Order(StringComparer.Ordinal))),
        _ => null,
    };

    private static long? Id(JsonElement? row, string name) => row is { } r ? TrytonJson.ReadId(TrytonJson.Get(r, name)) : null;

    private static FieldValue? Text(string? text) => string.IsNullOrEmpty(text) ? null : FieldValue.Text(text);

    private static FieldValue? List(string? key) => string.IsNullOrEmpty(key) ? null : FieldValue.List(key);
}
