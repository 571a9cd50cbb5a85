namespace ErpSync.Connectors.DemoErp;

/// <summary>Searching and lists.</summary>
public sealed partial class DemoErpConnector
{
    /// <inheritdoc/>
    public ValueTask<ConnectorResult<IReadOnlyList<FieldInfo>>> GetSearchableFieldsAsync(ConnectorContext context, ActorType actorType, CancellationToken cancellationToken) =>
        GetFieldsAsync(context, actorType, cancellationToken);

    /// <inheritdoc/>
    public ValueTask<ConnectorResult<SearchPage>> SearchAsync(ConnectorContext context, SearchRequest request, CancellationToken cancellationToken) =>
        RunAsync(context, session => UnsupportedType(session, request.ActorType) is { } error
            ? Task.FromResult<ConnectorResult<SearchPage>>(error)
            : ActorSearch.FreeTextAsync(session, request, cancellationToken), cancellationToken);

    /// <inheritdoc/>
    public ValueTask<ConnectorResult<SearchPage>> SearchAdvancedAsync(ConnectorContext context, AdvancedSearchRequest request, CancellationToken cancellationToken) =>
        RunAsync(context, session => UnsupportedType(session, request.ActorType) is { } error
            ? Task.FromResult<ConnectorResult<SearchPage>>(error)
            : ActorSearch.AdvancedAsync(session, request, cancellationToken), cancellationToken);

    /// <inheritdoc/>
    /// <remarks>The administrations list needs only the database file: the configuration dialog loads it before the credentials are filled in.</remarks>
    public async ValueTask<ConnectorResult<IReadOnlyList<ListItem>>> GetListAsync(ConnectorContext context, string listName, CancellationToken cancellationToken)
    {
        if (!ListNames.All.Contains(listName, StringComparer.OrdinalIgnoreCase))
        {
            return ConnectorResults.Fail<IReadOnlyList<ListItem>>(ErrorCode.NotSupported,
                context.T($"The demo ERP has no list '{listName}'.", $"Het demo-ERP heeft geen lijst '{listName}'."));
        }

        if (!string.Equals(listName, ListNames.Administrations, StringComparison.OrdinalIgnoreCase))
        {
            return await RunAsync<IReadOnlyList<ListItem>>(context, async session =>
            {
                await using var connection = await session.Database.ConnectAsync(cancellationToken);
                return await ErpDirectory.ListAsync(connection, listName, session.Dutch, cancellationToken);
            }, cancellationToken);
        }

        try
        {
            var opened = await SessionOpener.OpenDatabaseAsync(context, _timeProvider, cancellationToken);
            if (!opened.IsOk)
            {
                return opened.Error;
            }

            await using var connection = await opened.Value.ConnectAsync(cancellationToken);
            return await ErpDirectory.ListAsync(connection, listName, context.IsDutch, cancellationToken);
        }
        catch (Microsoft.Data.Sqlite.SqliteException e)
        {
            return DatabaseFailed(context, e);
        }
    }

    /// <inheritdoc/>
    public async ValueTask<ConnectorResult<IReadOnlyList<ListItem>>> GetListItemsAsync(ConnectorContext context, string listName, IReadOnlyList<string> keys, CancellationToken cancellationToken)
    {
        var all = await GetListAsync(context, listName, cancellationToken);
        if (!all.IsOk)
        {
            return all;
        }

        var wanted = keys.ToHashSet(StringComparer.Ordinal);
        return all.Value.Where(i => wanted.Contains(i.Key)).ToArray();
    }
}
