using ErpSync.Connectors.Remote;
using static ErpSync.Connectors.Hosting.ConnectorVerb;

namespace ErpSync.Connectors.Hosting;

/// <summary>The verb table of protocol version 1: every contract method, in contract order.</summary>
internal static class ConnectorVerbs
{
    private static readonly ConnectorJsonContext Json = ConnectorJsonContext.Default;

    public static IReadOnlyList<ConnectorVerb> All { get; } =
    [
        Of(RemoteVerbs.Info, "Name, version and capabilities of the connector", Json.RemoteRequest, Json.ConnectorResultConnectorInfo,
            (c, _, _) => ValueTask.FromResult(ConnectorResults.Ok(c.Info))),
        Of(RemoteVerbs.ConfigFields, "The configuration fields of a connection", Json.RemoteRequest, Json.ConnectorResultIReadOnlyListFieldInfo,
            async (c, r, ct) => ConnectorResults.Ok(await c.GetConfigFieldsAsync(r.Context, ct))),
        Of(RemoteVerbs.Test, "Tests a configuration without saving anything", Json.RemoteRequest, Json.ConnectorResultTestResult,
            async (c, r, ct) => ConnectorResults.Ok(await c.TestConfigurationAsync(r.Context, ct))),
        Of(RemoteVerbs.ConnectionSaved, "A connection was saved with this configuration", Json.RemoteRequest, Json.ConnectorResult,
            (c, r, ct) => c.ConnectionSavedAsync(r.Context, ct)),
        Of(RemoteVerbs.ConnectionDeleted, "A connection was deleted", Json.RemoteRequest, Json.ConnectorResult,
            (c, r, ct) => c.ConnectionDeletedAsync(r.Context, ct)),
        Of(RemoteVerbs.ActorTypes, "The actor types of the connection", Json.RemoteRequest, Json.ConnectorResultIReadOnlyListActorTypeInfo,
            (c, r, ct) => c.GetActorTypesAsync(r.Context, ct)),
        Of(RemoteVerbs.Fields, "The fields of one actor type", Json.RemoteRequestActorType, Json.ConnectorResultIReadOnlyListFieldInfo,
            (c, r, ct) => c.GetFieldsAsync(r.Context, r.Arguments, ct)),
        Of(RemoteVerbs.GetActors, "Reads actors by key", Json.RemoteRequestGetActorsRequest, Json.ConnectorResultIReadOnlyListActor,
            (c, r, ct) => c.GetActorsAsync(r.Context, r.Arguments, ct)),
        Of(RemoteVerbs.ReadChanges, "One page of the change feed after a cursor", Json.RemoteRequestReadChangesRequest, Json.ConnectorResultChangePage,
            (c, r, ct) => c.ReadChangesAsync(r.Context, r.Arguments, ct)),
        Of(RemoteVerbs.CreateActor, "Creates an actor (idempotent on the idempotency key)", Json.RemoteRequestCreateActorRequest, Json.ConnectorResultActor,
            (c, r, ct) => c.CreateActorAsync(r.Context, r.Arguments, ct)),
        Of(RemoteVerbs.SaveActors, "Writes actors with optimistic concurrency; one result per item", Json.RemoteRequestSaveActorsRequest, Json.ConnectorResultIReadOnlyListSaveResult,
            (c, r, ct) => c.SaveActorsAsync(r.Context, r.Arguments, ct)),
        Of(RemoteVerbs.SearchableFields, "Fields accepted by search-advanced (capability Search)", Json.RemoteRequestActorType, Json.ConnectorResultIReadOnlyListFieldInfo,
            (c, r, ct) => c is ISearchableConnector s ? s.GetSearchableFieldsAsync(r.Context, r.Arguments, ct) : NotSupported<IReadOnlyList<FieldInfo>>()),
        Of(RemoteVerbs.Search, "Free-text search (capability Search)", Json.RemoteRequestSearchRequest, Json.ConnectorResultSearchPage,
            (c, r, ct) => c is ISearchableConnector s ? s.SearchAsync(r.Context, r.Arguments, ct) : NotSupported<SearchPage>()),
        Of(RemoteVerbs.SearchAdvanced, "Structured search, all restrictions AND-ed (capability Search)", Json.RemoteRequestAdvancedSearchRequest, Json.ConnectorResultSearchPage,
            (c, r, ct) => c is ISearchableConnector s ? s.SearchAdvancedAsync(r.Context, r.Arguments, ct) : NotSupported<SearchPage>()),
        Of(RemoteVerbs.List, "All items of a list (capability Lists)", Json.RemoteRequestListRequest, Json.ConnectorResultIReadOnlyListListItem,
            (c, r, ct) => c is IListProvider l ? l.GetListAsync(r.Context, r.Arguments.ListName, ct) : NotSupported<IReadOnlyList<ListItem>>()),
        Of(RemoteVerbs.ListItems, "The items of a list with the given keys (capability Lists)", Json.RemoteRequestListRequest, Json.ConnectorResultIReadOnlyListListItem,
            (c, r, ct) => c is IListProvider l ? l.GetListItemsAsync(r.Context, r.Arguments.ListName, r.Arguments.Keys ?? [], ct) : NotSupported<IReadOnlyList<ListItem>>()),
    ];

    private static ValueTask<ConnectorResult<T>> NotSupported<T>() =>
        ValueTask.FromResult(ConnectorResults.Fail<T>(ErrorCode.NotSupported, "This connector does not support this call."));
}
