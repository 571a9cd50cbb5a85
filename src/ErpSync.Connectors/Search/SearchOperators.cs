namespace ErpSync.Connectors;

/// <summary>The operators every connector with advanced search supports, per field type.</summary>
public static class SearchOperators
{
    private static readonly SearchOperator[] TextOperators =
    [
        SearchOperator.Equal, SearchOperator.Begins, SearchOperator.Contains, SearchOperator.Ends,
        SearchOperator.NotBegins, SearchOperator.NotContains, SearchOperator.NotEnds, SearchOperator.NotEqual, SearchOperator.Between,
    ];

    private static readonly SearchOperator[] NumberOperators =
    [
        SearchOperator.Equal, SearchOperator.GreaterThan, SearchOperator.LessThan, SearchOperator.GreaterOrEqual,
        SearchOperator.LessOrEqual, SearchOperator.NotEqual, SearchOperator.Between,
    ];

    private static readonly SearchOperator[] DateOperators =
    [
        SearchOperator.Equal, SearchOperator.Before, SearchOperator.After, SearchOperator.BeforeOrEqual,
        SearchOperator.AfterOrEqual, SearchOperator.Between,
    ];

    /// <summary>The operators for fields of <paramref name="type"/>; empty for <see cref="FieldType.Label"/> and passwords.</summary>
    public static IReadOnlyList<SearchOperator> For(FieldType type) => type switch
    {
        FieldType.Text => TextOperators,
        FieldType.Integer or FieldType.Decimal => NumberOperators,
        FieldType.Checkbox => [SearchOperator.Equal],
        FieldType.List => [SearchOperator.OneOf, SearchOperator.NotOneOf],
        FieldType.Date => DateOperators,
        _ => [],
    };

    /// <summary>How many values <paramref name="op"/> takes: (minimum, maximum).</summary>
    public static (int Min, int Max) Arity(SearchOperator op) => op switch
    {
        SearchOperator.Between => (2, 2),
        SearchOperator.OneOf or SearchOperator.NotOneOf => (1, int.MaxValue),
        _ => (1, 1),
    };
}
