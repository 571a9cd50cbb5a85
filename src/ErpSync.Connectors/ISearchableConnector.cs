namespace ErpSync.Connectors;

/// <summary>Optional capability: the connector can search its actors.</summary>
public interface ISearchableConnector
{
    /// <summary>Fields of <paramref name="actorType"/> that <see cref="SearchAdvancedAsync"/> accepts in restrictions.</summary>
    ValueTask<ConnectorResult<IReadOnlyList<FieldInfo>>> GetSearchableFieldsAsync(ConnectorContext context, ActorType actorType, CancellationToken cancellationToken);

    /// <summary>
    /// Free-text search. A blank <see cref="SearchRequest.Text"/> lists all actors of the type.
    /// Matching is case-insensitive; how many fields the text is matched against is up to the connector.
    /// </summary>
    ValueTask<ConnectorResult<SearchPage>> SearchAsync(ConnectorContext context, SearchRequest request, CancellationToken cancellationToken);

    /// <summary>
    /// Structured search: every restriction must hold (AND). Operators per field type are listed by
    /// <see cref="SearchOperators.For(FieldType)"/>; string comparisons are case-insensitive.
    /// </summary>
    ValueTask<ConnectorResult<SearchPage>> SearchAdvancedAsync(ConnectorContext context, AdvancedSearchRequest request, CancellationToken cancellationToken);
}
