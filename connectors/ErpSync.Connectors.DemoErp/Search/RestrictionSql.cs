using System.Globalization;

namespace ErpSync.Connectors.DemoErp;

/// <summary>
/// Translates advanced-search restrictions into a parameterized WHERE fragment. Column names come only from
/// the field whitelist; every value travels as a parameter. Text compares case-insensitively via <c>ulower</c>;
/// date fields are date-only, so dates compare by calendar day.
/// </summary>
internal sealed class RestrictionSql(ActorType type, bool dutch)
{
    private readonly List<string> _conditions = [];

    public List<(string Name, object Value)> Parameters { get; } = [];

    public string Where => _conditions.Count == 0 ? "" : " AND " + string.Join(" AND ", _conditions);

    /// <summary>Adds one restriction, or returns why it cannot be applied.</summary>
    public string? Add(SearchRestriction restriction)
    {
        var (min, max) = SearchOperators.Arity(restriction.Operator);
        if (restriction.Values is null || restriction.Values.Count < min || restriction.Values.Count > max)
        {
            return Texts.T(dutch, $"Operator {restriction.Operator} on '{restriction.FieldKey}' needs {Count(min, max)} value(s).",
                $"Operator {restriction.Operator} op '{restriction.FieldKey}' vraagt {Count(min, max)} waarde(n).");
        }

        if (restriction.FieldKey is SearchRestriction.ParentKeyField or SearchRestriction.ParentTypeField)
        {
            return AddParent(restriction);
        }

        var spec = ActorSchema.Find(type, restriction.FieldKey);
        if (spec is null)
        {
            return Texts.T(dutch, $"{type} has no searchable field '{restriction.FieldKey}'.", $"{type} heeft geen zoekbaar veld '{restriction.FieldKey}'.");
        }

        if (!SearchOperators.For(spec.Type).Contains(restriction.Operator))
        {
            return Texts.T(dutch, $"Operator {restriction.Operator} does not apply to '{spec.Key}' ({spec.Type}).", $"Operator {restriction.Operator} past niet bij '{spec.Key}' ({spec.Type}).");
        }

        var values = new List<object>();
        foreach (var value in restriction.Values)
        {
            if (ToParameter(spec.Type, value) is not { } parameter)
            {
                return Texts.T(dutch, $"'{value?.ToInvariantString()}' is not a {spec.Type} value for '{spec.Key}'.", $"'{value?.ToInvariantString()}' is geen waarde van type {spec.Type} voor '{spec.Key}'.");
            }

            values.Add(parameter);
        }

        var column = spec.Type switch
        {
            FieldType.Text => $"ulower({spec.Column})",
            FieldType.Checkbox => $"coalesce({spec.Column}, 0)",
            _ => spec.Column,
        };
        _conditions.Add(Condition(column, restriction.Operator, values.Select(Param).ToArray()));
        return null;
    }

    private string? AddParent(SearchRestriction restriction)
    {
        if (restriction.Operator is not (SearchOperator.Equal or SearchOperator.NotEqual or SearchOperator.OneOf or SearchOperator.NotOneOf))
        {
            return Texts.T(dutch, $"Operator {restriction.Operator} does not apply to '{restriction.FieldKey}'.", $"Operator {restriction.Operator} past niet bij '{restriction.FieldKey}'.");
        }

        var isType = restriction.FieldKey == SearchRestriction.ParentTypeField;
        var values = new List<string>();
        foreach (var value in restriction.Values)
        {
            var text = value?.ToInvariantString().Trim() ?? "";
            if (isType)
            {
                if (!Enum.TryParse<ActorType>(text, ignoreCase: true, out var parsed) || !ActorSchema.IsCompany(parsed))
                {
                    return Texts.T(dutch, $"'{text}' is not a parent actor type.", $"'{text}' is geen actortype voor een ouder.");
                }

                text = parsed.ToString();
            }

            values.Add(text);
        }

        _conditions.Add(Condition(isType ? "parent_type" : "parent_key", restriction.Operator, values.Select(v => Param(v)).ToArray()));
        return null;
    }

    private static string Condition(string column, SearchOperator op, string[] p) => op switch
    {
        SearchOperator.Equal => $"{column} = {p[0]}",
        SearchOperator.NotEqual => $"({column} IS NULL OR {column} <> {p[0]})",
        SearchOperator.Begins => $"substr({column}, 1, length({p[0]})) = {p[0]}",
        SearchOperator.NotBegins => $"substr({column}, 1, length({p[0]})) <> {p[0]}",
        SearchOperator.Contains => $"instr({column}, {p[0]}) > 0",
        SearchOperator.NotContains => $"instr({column}, {p[0]}) = 0",
        SearchOperator.Ends => $"(length({p[0]}) = 0 OR substr({column}, -length({p[0]})) = {p[0]})",
        SearchOperator.NotEnds => $"NOT (length({p[0]}) = 0 OR substr({column}, -length({p[0]})) = {p[0]})",
        SearchOperator.GreaterThan or SearchOperator.After => $"{column} > {p[0]}",
        SearchOperator.LessThan or SearchOperator.Before => $"{column} < {p[0]}",
        SearchOperator.GreaterOrEqual or SearchOperator.AfterOrEqual => $"{column} >= {p[0]}",
        SearchOperator.LessOrEqual or SearchOperator.BeforeOrEqual => $"{column} <= {p[0]}",
        SearchOperator.Between => $"{column} BETWEEN {p[0]} AND {p[1]}",
        SearchOperator.OneOf => $"{column} IN ({string.Join(", ", p)})",
        SearchOperator.NotOneOf => $"({column} IS NULL OR {column} NOT IN ({string.Join(", ", p)}))",
        _ => throw new ArgumentOutOfRangeException(nameof(op)),
    };

    private static object? ToParameter(FieldType fieldType, FieldValue? value) => (fieldType, value) switch
    {
        (FieldType.Text, TextValue t) => t.Value.ToLowerInvariant(),
        (FieldType.Integer or FieldType.Decimal, IntegerValue i) => (double)i.Value,
        (FieldType.Integer or FieldType.Decimal, DecimalValue d) => (double)d.Value,
        (FieldType.Checkbox, BooleanValue b) => b.Value ? 1L : 0L,
        (FieldType.Date, DateValue d) => SqlValues.FormatDate(d.Value),
        (FieldType.List, ListValue l) => l.Key,
        (FieldType.List, TextValue t) => t.Value,
        _ => null,
    };

    private string Param(object value)
    {
        var name = "@r" + Parameters.Count.ToString(CultureInfo.InvariantCulture);
        Parameters.Add((name, value));
        return name;
    }

    private static string Count(int min, int max) => max == int.MaxValue ? $"{min}+" : min == max ? $"{min}" : $"{min}-{max}";
}
