using ErpSync.Connectors;
using ErpSync.Connectors.Remote;

namespace ErpSync.Engine.Connectors.Remote;

/// <summary>
/// A connector that runs in another process, reached over the signed remote connector protocol. It behaves like
/// a built-in one: every failure (timeout, refused connection, wrong secret, rate limit) is a
/// <see cref="ConnectorError"/> result. Search and lists are only called when the remote <c>info</c> announced them.
/// </summary>
public sealed class RemoteConnector : ISyncConnector, ISearchableConnector, IListProvider
{
    private static readonly ConnectorJsonContext Json = ConnectorJsonContext.Default;
    private readonly RemoteTransport _transport;

    /// <summary>Creates a client for a connector whose <paramref name="info"/> is already known (see <see cref="ConnectAsync"/>).</summary>
    public RemoteConnector(HttpClient http, RemoteEndpoint endpoint, ConnectorInfo info, TimeProvider time)
    {
        Endpoint = endpoint;
        Info = info;
        _transport = new RemoteTransport(http, endpoint, time);
    }

    /// <summary>Calls the remote <c>info</c> (signed) and returns a client for it, or why the remote cannot be used.</summary>
    public static async Task<ConnectorResult<RemoteConnector>> ConnectAsync(HttpClient http, RemoteEndpoint endpoint, TimeProvider time, CancellationToken cancellationToken)
    {
        var info = await new RemoteTransport(http, endpoint, time).CallAsync(
            RemoteVerbs.Info, new RemoteRequest(ConnectorContext.Empty()), Json.RemoteRequest, Json.ConnectorResultConnectorInfo, cancellationToken);
        return info.IsOk ? new RemoteConnector(http, endpoint, info.Value, time) : info.Error;
    }

    public RemoteEndpoint Endpoint { get; }

    public ConnectorInfo Info { get; }

    public async ValueTask<IReadOnlyList<FieldInfo>> GetConfigFieldsAsync(ConnectorContext context, CancellationToken cancellationToken) =>
        (await _transport.CallAsync(RemoteVerbs.ConfigFields, new RemoteRequest(context), Json.RemoteRequest, Json.ConnectorResultIReadOnlyListFieldInfo, cancellationToken))
        .GetValueOrThrow();

    public async ValueTask<TestResult> TestConfigurationAsync(ConnectorContext context, CancellationToken cancellationToken)
    {
        var result = await _transport.CallAsync(RemoteVerbs.Test, new RemoteRequest(context), Json.RemoteRequest, Json.ConnectorResultTestResult, cancellationToken);
        return result.IsOk ? result.Value : TestResult.Failure(result.Error.Code, result.Error.Message);
    }

    public async ValueTask<ConnectorResult> ConnectionSavedAsync(ConnectorContext context, CancellationToken cancellationToken) =>
        await _transport.CallAsync(RemoteVerbs.ConnectionSaved, new RemoteRequest(context), cancellationToken);

    public async ValueTask<ConnectorResult> ConnectionDeletedAsync(ConnectorContext context, CancellationToken cancellationToken) =>
        await _transport.CallAsync(RemoteVerbs.ConnectionDeleted, new RemoteRequest(context), cancellationToken);

    public async ValueTask<ConnectorResult<IReadOnlyList<ActorTypeInfo>>> GetActorTypesAsync(ConnectorContext context, CancellationToken cancellationToken) =>
        await _transport.CallAsync(RemoteVerbs.ActorTypes, new RemoteRequest(context), Json.RemoteRequest, Json.ConnectorResultIReadOnlyListActorTypeInfo, cancellationToken);

    public async ValueTask<ConnectorResult<IReadOnlyList<FieldInfo>>> GetFieldsAsync(ConnectorContext context, ActorType actorType, CancellationToken cancellationToken) =>
        await _transport.CallAsync(RemoteVerbs.Fields, new RemoteRequest<ActorType>(context, actorType), Json.RemoteRequestActorType, Json.ConnectorResultIReadOnlyListFieldInfo, cancellationToken);

    public async ValueTask<ConnectorResult<IReadOnlyList<Actor>>> GetActorsAsync(ConnectorContext context, GetActorsRequest request, CancellationToken cancellationToken) =>
        await _transport.CallAsync(RemoteVerbs.GetActors, new(context, request), Json.RemoteRequestGetActorsRequest, Json.ConnectorResultIReadOnlyListActor, cancellationToken);

    public async ValueTask<ConnectorResult<ChangePage>> ReadChangesAsync(ConnectorContext context, ReadChangesRequest request, CancellationToken cancellationToken) =>
        await _transport.CallAsync(RemoteVerbs.ReadChanges, new(context, request), Json.RemoteRequestReadChangesRequest, Json.ConnectorResultChangePage, cancellationToken);

    public async ValueTask<ConnectorResult<Actor>> CreateActorAsync(ConnectorContext context, CreateActorRequest request, CancellationToken cancellationToken) =>
        await _transport.CallAsync(RemoteVerbs.CreateActor, new(context, request), Json.RemoteRequestCreateActorRequest, Json.ConnectorResultActor, cancellationToken);

    public async ValueTask<ConnectorResult<IReadOnlyList<SaveResult>>> SaveActorsAsync(ConnectorContext context, SaveActorsRequest request, CancellationToken cancellationToken) =>
        await _transport.CallAsync(RemoteVerbs.SaveActors, new(context, request), Json.RemoteRequestSaveActorsRequest, Json.ConnectorResultIReadOnlyListSaveResult, cancellationToken);

    public async ValueTask<ConnectorResult<IReadOnlyList<FieldInfo>>> GetSearchableFieldsAsync(ConnectorContext context, ActorType actorType, CancellationToken cancellationToken) =>
        !Can(ConnectorCapabilities.Search) ? NotSupported<IReadOnlyList<FieldInfo>>()
        : await _transport.CallAsync(RemoteVerbs.SearchableFields, new RemoteRequest<ActorType>(context, actorType), Json.RemoteRequestActorType, Json.ConnectorResultIReadOnlyListFieldInfo, cancellationToken);

    public async ValueTask<ConnectorResult<SearchPage>> SearchAsync(ConnectorContext context, SearchRequest request, CancellationToken cancellationToken) =>
        !Can(ConnectorCapabilities.Search) ? NotSupported<SearchPage>()
        : await _transport.CallAsync(RemoteVerbs.Search, new(context, request), Json.RemoteRequestSearchRequest, Json.ConnectorResultSearchPage, cancellationToken);

    public async ValueTask<ConnectorResult<SearchPage>> SearchAdvancedAsync(ConnectorContext context, AdvancedSearchRequest request, CancellationToken cancellationToken) =>
        !Can(ConnectorCapabilities.Search) ? NotSupported<SearchPage>()
        : await _transport.CallAsync(RemoteVerbs.SearchAdvanced, new(context, request), Json.RemoteRequestAdvancedSearchRequest, Json.ConnectorResultSearchPage, cancellationToken);

    public async ValueTask<ConnectorResult<IReadOnlyList<ListItem>>> GetListAsync(ConnectorContext context, string listName, CancellationToken cancellationToken) =>
        !Can(ConnectorCapabilities.Lists) ? NotSupported<IReadOnlyList<ListItem>>()
        : await _transport.CallAsync(RemoteVerbs.List, new RemoteRequest<ListRequest>(context, new ListRequest(listName)), Json.RemoteRequestListRequest, Json.ConnectorResultIReadOnlyListListItem, cancellationToken);

    public async ValueTask<ConnectorResult<IReadOnlyList<ListItem>>> GetListItemsAsync(ConnectorContext context, string listName, IReadOnlyList<string> keys, CancellationToken cancellationToken) =>
        !Can(ConnectorCapabilities.Lists) ? NotSupported<IReadOnlyList<ListItem>>()
        : await _transport.CallAsync(RemoteVerbs.ListItems, new RemoteRequest<ListRequest>(context, new ListRequest(listName, keys)), Json.RemoteRequestListRequest, Json.ConnectorResultIReadOnlyListListItem, cancellationToken);

    private bool Can(ConnectorCapabilities capability) => Info.Capabilities.HasFlag(capability);

    private static ConnectorResult<T> NotSupported<T>() =>
        ConnectorResults.Fail<T>(ErrorCode.NotSupported, "The remote connector does not offer this capability.");
}
