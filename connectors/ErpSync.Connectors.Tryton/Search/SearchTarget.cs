using System.Text.Json.Nodes;

namespace ErpSync.Connectors.Tryton;

/// <summary>
/// Where a searchable actor field lives in a <c>party.party</c> domain: a party column, or a field of a child
/// collection (addresses, contact mechanisms, identifiers, categories) matched with Tryton's <c>where</c> /
/// <c>not where</c>, so that a condition and its filter (e.g. "the mechanism is an e-mail") hold on the same row.
/// </summary>
/// <param name="Field">The field key of the actor.</param>
/// <param name="Type">The actor field type, which decides the operators.</param>
/// <param name="Path">The Tryton field, relative to <paramref name="Child"/> when there is one.</param>
/// <param name="Child">The party's x2many field holding the value, or null for a party column.</param>
/// <param name="Filter">Extra leaves the child row must match (its type), or null.</param>
internal sealed record SearchTarget(string Field, FieldType Type, string Path, string? Child = null, JsonArray? Filter = null)
{
    /// <summary>The fields advanced search offers for an actor type. Company-dependent (multivalue) fields and ACTIVE are left out: Tryton cannot search the former, and searches list active parties only.</summary>
    public static IReadOnlyList<SearchTarget> For(ActorType type) =>
        [.. PartyFields.For(type).Select(From).OfType<SearchTarget>()];

    private static SearchTarget? From(PartyField field) => field.Source switch
    {
        FieldSource.Party when field.Type == FieldType.Text => new(field.Key, field.Type, field.TrytonField),
        FieldSource.Address => new(field.Key, field.Type, field.Type == FieldType.List ? field.TrytonField + ".code" : field.TrytonField, "addresses"),
        FieldSource.Mechanism => new(field.Key, field.Type, "value", "contact_mechanisms", [new JsonArray("type", "=", field.TrytonField)]),
        FieldSource.TaxIdentifier => new(field.Key, field.Type, "code", "identifiers", [new JsonArray("type", "like", "%_vat")]),
        FieldSource.Categories => new(field.Key, field.Type, "name", "categories"),
        _ => null,
    };
}
