using System.Globalization;
using System.Text.Json.Nodes;

namespace ErpSync.Connectors.Tryton;

/// <summary>
/// Translates advanced-search restrictions into a <c>party.party</c> domain (pure). All restrictions are ANDed, which
/// is what a domain list means. Text compares case-insensitively with <c>ilike</c> (wildcards in the value escaped);
/// a negation on a child collection becomes <c>not where</c>: "has no e-mail containing x", not "has some mechanism
/// that does not contain x".
/// </summary>
internal static class DomainTranslator
{
    /// <summary>The domain, or a user-facing reason (English or Dutch) why a restriction cannot be applied.</summary>
    public static (JsonArray? Domain, string? Error) Translate(IReadOnlyList<SearchTarget> targets, IReadOnlyList<SearchRestriction> restrictions, long? personRelation, bool dutch)
    {
        var domain = new JsonArray();
        foreach (var restriction in restrictions)
        {
            var (min, max) = SearchOperators.Arity(restriction.Operator);
            if (restriction.Values is null || restriction.Values.Count < min || restriction.Values.Count > max)
            {
                return (null, Texts.T(dutch, $"Operator {restriction.Operator} on '{restriction.FieldKey}' needs {Count(min, max)} value(s).",
                    $"Operator {restriction.Operator} op '{restriction.FieldKey}' vraagt {Count(min, max)} waarde(n)."));
            }

            var error = restriction.FieldKey == SearchRestriction.ParentKeyField
                ? AddParent(domain, restriction, personRelation, dutch)
                : restriction.FieldKey == SearchRestriction.ParentTypeField
                    ? Texts.T(dutch, "Tryton search cannot restrict persons by the type of their organisation.", "Zoeken in Tryton kan personen niet beperken op het type van hun organisatie.")
                    : AddField(domain, targets, restriction, dutch);
            if (error is not null)
            {
                return (null, error);
            }
        }

        return (domain, null);
    }

    private static string? AddField(JsonArray domain, IReadOnlyList<SearchTarget> targets, SearchRestriction restriction, bool dutch)
    {
        var target = targets.FirstOrDefault(t => string.Equals(t.Field, restriction.FieldKey, StringComparison.OrdinalIgnoreCase));
        if (target is null)
        {
            return Texts.T(dutch, $"'{restriction.FieldKey}' is not a searchable field.", $"'{restriction.FieldKey}' is geen zoekbaar veld.");
        }

        if (!SearchOperators.For(target.Type).Contains(restriction.Operator))
        {
            return Texts.T(dutch, $"Operator {restriction.Operator} does not apply to '{target.Field}' ({target.Type}).",
                $"Operator {restriction.Operator} past niet bij '{target.Field}' ({target.Type}).");
        }

        var values = new List<JsonNode?>();
        foreach (var value in restriction.Values)
        {
            if (ToJson(target.Type, value) is not { } json)
            {
                return Texts.T(dutch, $"'{value?.ToInvariantString()}' is not a {target.Type} value for '{target.Field}'.",
                    $"'{value?.ToInvariantString()}' is geen waarde van type {target.Type} voor '{target.Field}'.");
            }

            values.Add(json);
        }

        var (leaves, negated) = Leaves(target.Path, restriction.Operator, values);
        if (target.Child is null)
        {
            foreach (var leaf in negated ? Negate(leaves) : leaves)
            {
                domain.Add(leaf);
            }

            return null;
        }

        var inner = new JsonArray();
        foreach (var leaf in (target.Filter ?? []).Select(f => f!.DeepClone()).Concat(leaves))
        {
            inner.Add(leaf);
        }

        domain.Add(new JsonArray(target.Child, negated ? "not where" : "where", inner));
        return null;
    }

    /// <summary>
    /// The positive leaves for <paramref name="op"/> and whether the condition is their negation. On a party column
    /// the negation is expressed directly (<c>not ilike</c>, <c>!=</c>, <c>not in</c>), so it is never "negated".
    /// </summary>
    internal static (JsonArray[] Leaves, bool Negated) Leaves(string path, SearchOperator op, IReadOnlyList<JsonNode?> v)
    {
        // For children, negations are "no row matches the positive condition"; for columns, the negated operator.
        JsonArray Leaf(string o, JsonNode? value) => new(path, o, value?.DeepClone());
        string Like(JsonNode? value) => Escape(value!.GetValue<string>());
        return op switch
        {
            SearchOperator.Equal when v[0] is JsonValue s && s.TryGetValue<string>(out var text) => ([Leaf("ilike", Escape(text))], false),
            SearchOperator.Equal => ([Leaf("=", v[0])], false),
            SearchOperator.NotEqual when v[0] is JsonValue s && s.TryGetValue<string>(out var text) => ([Leaf("ilike", Escape(text))], true),
            SearchOperator.NotEqual => ([Leaf("=", v[0])], true),
            SearchOperator.Begins => ([Leaf("ilike", Like(v[0]) + "%")], false),
            SearchOperator.Contains => ([Leaf("ilike", "%" + Like(v[0]) + "%")], false),
            SearchOperator.Ends => ([Leaf("ilike", "%" + Like(v[0]))], false),
            SearchOperator.NotBegins => ([Leaf("ilike", Like(v[0]) + "%")], true),
            SearchOperator.NotContains => ([Leaf("ilike", "%" + Like(v[0]) + "%")], true),
            SearchOperator.NotEnds => ([Leaf("ilike", "%" + Like(v[0]))], true),
            SearchOperator.GreaterThan or SearchOperator.After => ([Leaf(">", v[0])], false),
            SearchOperator.LessThan or SearchOperator.Before => ([Leaf("<", v[0])], false),
            SearchOperator.GreaterOrEqual or SearchOperator.AfterOrEqual => ([Leaf(">=", v[0])], false),
            SearchOperator.LessOrEqual or SearchOperator.BeforeOrEqual => ([Leaf("<=", v[0])], false),
            SearchOperator.Between => ([Leaf(">=", v[0]), Leaf("<=", v[1])], false),
            SearchOperator.OneOf => ([Leaf("in", new JsonArray([.. v.Select(x => x?.DeepClone())]))], false),
            SearchOperator.NotOneOf => ([Leaf("in", new JsonArray([.. v.Select(x => x?.DeepClone())]))], true),
            _ => throw new ArgumentOutOfRangeException(nameof(op)),
        };
    }

    /// <summary>Applies a negation to party-column leaves: Tryton has the negated operators, and NULL counts as "not equal".</summary>
    internal static JsonArray[] Negate(JsonArray[] leaves) => [.. leaves.Select(l => new JsonArray(
        l[0]!.DeepClone(),
        l[1]!.GetValue<string>() switch { "ilike" => "not ilike", "=" => "!=", "in" => "not in", var other => other },
        l[2]?.DeepClone()))];

    private static string? AddParent(JsonArray domain, SearchRestriction restriction, long? personRelation, bool dutch)
    {
        if (restriction.Operator is not (SearchOperator.Equal or SearchOperator.OneOf) || personRelation is not { } relation)
        {
            return Texts.T(dutch, $"Operator {restriction.Operator} does not apply to '{restriction.FieldKey}'.", $"Operator {restriction.Operator} past niet bij '{restriction.FieldKey}'.");
        }

        var ids = new JsonArray();
        foreach (var value in restriction.Values)
        {
            if (TrytonJson.ParseKey(value?.ToInvariantString().Trim() ?? "") is not { } id)
            {
                return Texts.T(dutch, $"'{value?.ToInvariantString()}' is not a Tryton party key.", $"'{value?.ToInvariantString()}' is geen Tryton-partijsleutel.");
            }

            ids.Add(id);
        }

        domain.Add(new JsonArray("relations", "where", new JsonArray(new JsonArray("to", "in", ids), new JsonArray("type", "=", relation))));
        return null;
    }

    private static JsonNode? ToJson(FieldType type, FieldValue? value) => (type, value) switch
    {
        (FieldType.Text, TextValue t) => JsonValue.Create(t.Value),
        (FieldType.Integer, IntegerValue i) => JsonValue.Create(i.Value),
        (FieldType.Decimal, IntegerValue i) => Decimal(i.Value),
        (FieldType.Decimal, DecimalValue d) => Decimal(d.Value),
        (FieldType.Checkbox, BooleanValue b) => JsonValue.Create(b.Value),
        (FieldType.Date, DateValue d) => TrytonJson.DateTime(d.Value.UtcDateTime),
        (FieldType.List, ListValue l) => JsonValue.Create(l.Key),
        (FieldType.List, TextValue t) => JsonValue.Create(t.Value),
        _ => null,
    };

    private static JsonObject Decimal(decimal value) => new() { ["__class__"] = "Decimal", ["decimal"] = value.ToString(CultureInfo.InvariantCulture) };

    /// <summary>Tryton's <c>like</c> escapes with a backslash (python-sql's default).</summary>
    internal static string Escape(string value) => value.Replace("\\", "\\\\", StringComparison.Ordinal)
        .Replace("%", "\\%", StringComparison.Ordinal).Replace("_", "\\_", StringComparison.Ordinal);

    private static string Count(int min, int max) => max == int.MaxValue ? $"{min}+" : min == max ? $"{min}" : $"{min}-{max}";
}
