using System.Text.Json.Serialization;

namespace ErpSync.Connectors;

/// <summary>Comparison operators of <see cref="SearchRestriction"/>. Which ones apply to a field type: <see cref="SearchOperators.For"/>.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<SearchOperator>))]
public enum SearchOperator
{
    /// <summary>Equal (case-insensitive for text).</summary>
    Equal,

    /// <summary>Not equal.</summary>
    NotEqual,

    /// <summary>Text starts with the value.</summary>
    Begins,

    /// <summary>Text contains the value.</summary>
    Contains,

    /// <summary>Text ends with the value.</summary>
    Ends,

    /// <summary>Text does not start with the value.</summary>
    NotBegins,

    /// <summary>Text does not contain the value.</summary>
    NotContains,

    /// <summary>Text does not end with the value.</summary>
    NotEnds,

    /// <summary>Greater than.</summary>
    GreaterThan,

    /// <summary>Less than.</summary>
    LessThan,

    /// <summary>Greater than or equal.</summary>
    GreaterOrEqual,

    /// <summary>Less than or equal.</summary>
    LessOrEqual,

    /// <summary>Between the first and second value, both included.</summary>
    Between,

    /// <summary>A list value is one of the values.</summary>
    OneOf,

    /// <summary>A list value is none of the values.</summary>
    NotOneOf,

    /// <summary>A date before the value.</summary>
    Before,

    /// <summary>A date after the value.</summary>
    After,

    /// <summary>A date on or before the value.</summary>
    BeforeOrEqual,

    /// <summary>A date on or after the value.</summary>
    AfterOrEqual,
}
