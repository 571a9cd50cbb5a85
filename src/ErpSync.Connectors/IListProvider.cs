namespace ErpSync.Connectors;

/// <summary>
/// Optional capability: the connector serves the lists named by <see cref="FieldInfo.ListName"/>
/// (countries, currencies, payment terms, administrations, …) for configuration and actor fields.
/// </summary>
public interface IListProvider
{
    /// <summary>
    /// All items of a list. Also called for configuration lists before a connection exists, with
    /// the values entered so far in <see cref="ConnectorContext.Configuration"/>.
    /// </summary>
    ValueTask<ConnectorResult<IReadOnlyList<ListItem>>> GetListAsync(ConnectorContext context, string listName, CancellationToken cancellationToken);

    /// <summary>The items of a list with the given keys; unknown keys are left out.</summary>
    ValueTask<ConnectorResult<IReadOnlyList<ListItem>>> GetListItemsAsync(ConnectorContext context, string listName, IReadOnlyList<string> keys, CancellationToken cancellationToken);
}
