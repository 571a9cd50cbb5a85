using ErpSync.Connectors;

namespace ErpSync.Engine.Tests.Sync;

/// <summary>Wraps a connector, counts its writes, and can be told to fail the next writes (to test retries and cursors).</summary>
public sealed class CountingConnector(ErpSync.Connectors.DemoErp.DemoErpConnector inner) : ISyncConnector, ISearchableConnector, IListProvider
{
    public ErpSync.Connectors.DemoErp.DemoErpConnector Inner => inner;

    public int ErpWrites { get; private set; }

    /// <summary>How many of the next SaveActors calls fail with a transient error.</summary>
    public int FailNextSaves { get; set; }

    /// <summary>Runs once inside the next ERP save: between a cycle's read and its commit, as a user editing at that moment.</summary>
    public Func<Task>? BeforeNextSave { get; set; }

    /// <summary>Overrides the demo ERP's capabilities (for example without its delete log, as Tryton).</summary>
    public ConnectorCapabilities? Capabilities { get; set; }

    public ConnectorInfo Info => Capabilities is { } capabilities ? Inner.Info with { Capabilities = capabilities } : Inner.Info;

    public ValueTask<IReadOnlyList<FieldInfo>> GetConfigFieldsAsync(ConnectorContext context, CancellationToken cancellationToken) => Inner.GetConfigFieldsAsync(context, cancellationToken);

    public ValueTask<ErpSync.Connectors.TestResult> TestConfigurationAsync(ConnectorContext context, CancellationToken cancellationToken) => Inner.TestConfigurationAsync(context, cancellationToken);

    /// <summary>When set, <see cref="ConnectionSavedAsync"/> refuses the configuration with this message.</summary>
    public string? RefuseSaved { get; set; }

    public int SavedNotices { get; private set; }

    public ValueTask<ConnectorResult> ConnectionSavedAsync(ConnectorContext context, CancellationToken cancellationToken)
    {
        SavedNotices++;
        return RefuseSaved is { } message ? ValueTask.FromResult(ConnectorResult.Fail(ErrorCode.Validation, message)) : Inner.ConnectionSavedAsync(context, cancellationToken);
    }

    public ValueTask<ConnectorResult> ConnectionDeletedAsync(ConnectorContext context, CancellationToken cancellationToken) => Inner.ConnectionDeletedAsync(context, cancellationToken);

    public ValueTask<ConnectorResult<IReadOnlyList<ActorTypeInfo>>> GetActorTypesAsync(ConnectorContext context, CancellationToken cancellationToken) => Inner.GetActorTypesAsync(context, cancellationToken);

    public ValueTask<ConnectorResult<IReadOnlyList<FieldInfo>>> GetFieldsAsync(ConnectorContext context, ActorType actorType, CancellationToken cancellationToken) => Inner.GetFieldsAsync(context, actorType, cancellationToken);

    public ValueTask<ConnectorResult<IReadOnlyList<Actor>>> GetActorsAsync(ConnectorContext context, GetActorsRequest request, CancellationToken cancellationToken) => Inner.GetActorsAsync(context, request, cancellationToken);

    public ValueTask<ConnectorResult<ChangePage>> ReadChangesAsync(ConnectorContext context, ReadChangesRequest request, CancellationToken cancellationToken) => Inner.ReadChangesAsync(context, request, cancellationToken);

    public ValueTask<ConnectorResult<Actor>> CreateActorAsync(ConnectorContext context, CreateActorRequest request, CancellationToken cancellationToken) => Inner.CreateActorAsync(context, request, cancellationToken);

    public async ValueTask<ConnectorResult<IReadOnlyList<SaveResult>>> SaveActorsAsync(ConnectorContext context, SaveActorsRequest request, CancellationToken cancellationToken)
    {
        if (FailNextSaves > 0)
        {
            FailNextSaves--;
            return ConnectorResults.Fail<IReadOnlyList<SaveResult>>(ErrorCode.Transient, "The ERP is briefly unavailable.");
        }

        ErpWrites += request.Items.Count;
        if (BeforeNextSave is { } before)
        {
            BeforeNextSave = null;
            await before();
        }

        return await Inner.SaveActorsAsync(context, request, cancellationToken);
    }

    public ValueTask<ConnectorResult<IReadOnlyList<FieldInfo>>> GetSearchableFieldsAsync(ConnectorContext context, ActorType actorType, CancellationToken cancellationToken) => Inner.GetSearchableFieldsAsync(context, actorType, cancellationToken);

    public ValueTask<ConnectorResult<SearchPage>> SearchAsync(ConnectorContext context, SearchRequest request, CancellationToken cancellationToken) => Inner.SearchAsync(context, request, cancellationToken);

    public ValueTask<ConnectorResult<SearchPage>> SearchAdvancedAsync(ConnectorContext context, AdvancedSearchRequest request, CancellationToken cancellationToken) => Inner.SearchAdvancedAsync(context, request, cancellationToken);

    public ValueTask<ConnectorResult<IReadOnlyList<ListItem>>> GetListAsync(ConnectorContext context, string listName, CancellationToken cancellationToken) => Inner.GetListAsync(context, listName, cancellationToken);

    public ValueTask<ConnectorResult<IReadOnlyList<ListItem>>> GetListItemsAsync(ConnectorContext context, string listName, IReadOnlyList<string> keys, CancellationToken cancellationToken) => Inner.GetListItemsAsync(context, listName, keys, cancellationToken);
}
