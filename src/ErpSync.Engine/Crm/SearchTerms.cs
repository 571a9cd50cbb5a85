namespace ErpSync.Engine.Crm;

/// <summary>
/// Splits a free-text search into lower-case words; every word must match some searched column.
/// Columns are compared with ToLower() in the query, which both SQLite and PostgreSQL translate
/// to lower(): provider-specific ILIKE or collations would make the two databases disagree.
/// </summary>
internal static class SearchTerms
{
    public static IReadOnlyList<string> Parse(string? search) =>
        string.IsNullOrWhiteSpace(search)
            ? []
            : search.Trim().ToLowerInvariant().Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Take(5).ToList();
}
