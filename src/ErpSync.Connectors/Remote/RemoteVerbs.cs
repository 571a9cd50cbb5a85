namespace ErpSync.Connectors.Remote;

/// <summary>
/// The paths of the remote connector protocol, version 1: one <c>POST /v1/&lt;verb&gt;</c> per contract method.
/// Every response body is a <see cref="ConnectorResult{T}"/> (or <see cref="ConnectorResult"/>).
/// </summary>
public static class RemoteVerbs
{
    /// <summary>The version prefix of every path.</summary>
    public const string Prefix = "/v1/";

    /// <summary><see cref="ISyncConnector.Info"/>: answers <see cref="ConnectorInfo"/>; ErpSync calls it to check a registration.</summary>
    public const string Info = "info";

    /// <summary><see cref="ISyncConnector.GetConfigFieldsAsync"/>.</summary>
    public const string ConfigFields = "config-fields";

    /// <summary><see cref="ISyncConnector.TestConfigurationAsync"/>.</summary>
    public const string Test = "test";

    /// <summary><see cref="ISyncConnector.ConnectionSavedAsync"/>.</summary>
    public const string ConnectionSaved = "connection-saved";

    /// <summary><see cref="ISyncConnector.ConnectionDeletedAsync"/>.</summary>
    public const string ConnectionDeleted = "connection-deleted";

    /// <summary><see cref="ISyncConnector.GetActorTypesAsync"/>.</summary>
    public const string ActorTypes = "actor-types";

    /// <summary><see cref="ISyncConnector.GetFieldsAsync"/>.</summary>
    public const string Fields = "fields";

    /// <summary><see cref="ISyncConnector.GetActorsAsync"/>.</summary>
    public const string GetActors = "get-actors";

    /// <summary><see cref="ISyncConnector.ReadChangesAsync"/>.</summary>
    public const string ReadChanges = "read-changes";

    /// <summary><see cref="ISyncConnector.CreateActorAsync"/>.</summary>
    public const string CreateActor = "create-actor";

    /// <summary><see cref="ISyncConnector.SaveActorsAsync"/>.</summary>
    public const string SaveActors = "save-actors";

    /// <summary><see cref="ISearchableConnector.GetSearchableFieldsAsync"/>.</summary>
    public const string SearchableFields = "searchable-fields";

    /// <summary><see cref="ISearchableConnector.SearchAsync"/>.</summary>
    public const string Search = "search";

    /// <summary><see cref="ISearchableConnector.SearchAdvancedAsync"/>.</summary>
    public const string SearchAdvanced = "search-advanced";

    /// <summary><see cref="IListProvider.GetListAsync"/>.</summary>
    public const string List = "list";

    /// <summary><see cref="IListProvider.GetListItemsAsync"/>.</summary>
    public const string ListItems = "list-items";

    /// <summary>The path of a verb, for example <c>/v1/read-changes</c>.</summary>
    public static string PathOf(string verb) => Prefix + verb;
}
