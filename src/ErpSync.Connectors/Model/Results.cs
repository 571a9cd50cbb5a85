namespace ErpSync.Connectors;

/// <summary>One page of a change feed.</summary>
/// <param name="Actors">Actors created or changed since the cursor, oldest change first.</param>
/// <param name="Tombstones">Actors deleted, archived or merged since the cursor.</param>
/// <param name="NextCursor">Opaque position after this page; pass it as the next <see cref="ReadChangesRequest.Cursor"/>.</param>
/// <param name="HasMore">True when another page follows right away.</param>
public sealed record ChangePage(IReadOnlyList<Actor> Actors, IReadOnlyList<Tombstone> Tombstones, string? NextCursor, bool HasMore);

/// <summary>An actor that no longer exists as it was.</summary>
/// <param name="ActorType">The actor type.</param>
/// <param name="Key">The key of the removed actor.</param>
/// <param name="ReplacedByKey">When the actor was merged into another: that actor's key.</param>
/// <param name="DeletedAt">When it happened, if known.</param>
public sealed record Tombstone(ActorType ActorType, string Key, string? ReplacedByKey = null, DateTimeOffset? DeletedAt = null);

/// <summary>One page of search results.</summary>
/// <param name="Actors">The results of this page.</param>
/// <param name="Total">The number of all matches, when the connector can count them cheaply.</param>
/// <param name="HasMore">True when more results follow this page.</param>
public sealed record SearchPage(IReadOnlyList<Actor> Actors, int? Total, bool HasMore);

/// <summary>The outcome of one item of <see cref="SaveActorsRequest"/>.</summary>
public enum SaveStatus
{
    /// <summary>Written.</summary>
    Ok = 0,

    /// <summary>The actor changed since <see cref="ActorUpdate.ExpectedVersion"/>; nothing was written.</summary>
    Conflict = 1,

    /// <summary>The ERP refused a value; see <see cref="SaveResult.Error"/>.</summary>
    Invalid = 2,

    /// <summary>No actor with this key exists.</summary>
    NotFound = 3,

    /// <summary>Any other failure; see <see cref="SaveResult.Error"/> for whether to retry.</summary>
    Failed = 4,
}

/// <summary>The result of one item of <see cref="ISyncConnector.SaveActorsAsync"/>.</summary>
/// <param name="Key">The actor's key.</param>
/// <param name="Status">What happened.</param>
/// <param name="Actor">After <see cref="SaveStatus.Ok"/>: the actor as stored, with its new version.</param>
/// <param name="Error">For other statuses: why.</param>
public sealed record SaveResult(string Key, SaveStatus Status, Actor? Actor = null, ConnectorError? Error = null);

/// <summary>The outcome of <see cref="ISyncConnector.TestConfigurationAsync"/>.</summary>
/// <param name="IsOk">True when the configuration works.</param>
/// <param name="Message">A message for the administrator, on success and on failure.</param>
/// <param name="ErrorCode">Why it failed, for programs; null on success.</param>
/// <param name="Checks">The individual checks made (login, administration, rights, …).</param>
public sealed record TestResult(bool IsOk, string Message, ErrorCode? ErrorCode, IReadOnlyList<TestCheck> Checks)
{
    /// <summary>A successful test.</summary>
    public static TestResult Success(string message, params TestCheck[] checks) => new(true, message, null, checks);

    /// <summary>A failed test.</summary>
    public static TestResult Failure(ErrorCode code, string message, params TestCheck[] checks) => new(false, message, code, checks);
}

/// <summary>One check of a configuration test.</summary>
/// <param name="Name">What was checked.</param>
/// <param name="IsOk">Whether it passed.</param>
/// <param name="Message">Details, or null.</param>
public sealed record TestCheck(string Name, bool IsOk, string? Message = null);

/// <summary>What a connector is and can do.</summary>
/// <param name="Name">Unique, stable name (for example <c>ErpSync.DemoErp</c>).</param>
/// <param name="DisplayName">The name shown in the Sync Connectors list.</param>
/// <param name="Version">The connector's version.</param>
/// <param name="Capabilities">Optional behaviours the connector supports.</param>
public sealed record ConnectorInfo(string Name, string DisplayName, string Version, ConnectorCapabilities Capabilities);

/// <summary>Optional behaviours of a connector.</summary>
[Flags]
public enum ConnectorCapabilities
{
    /// <summary>None of the optional behaviours.</summary>
    None = 0,

    /// <summary>Implements <see cref="ISearchableConnector"/>.</summary>
    Search = 1,

    /// <summary>Implements <see cref="IListProvider"/>.</summary>
    Lists = 2,

    /// <summary><see cref="ISyncConnector.CreateActorAsync"/> honours the idempotency key.</summary>
    IdempotentCreate = 4,

    /// <summary><see cref="ISyncConnector.ReadChangesAsync"/> reports deletes and merges as tombstones.</summary>
    Tombstones = 8,

    /// <summary><see cref="ISyncConnector.SaveActorsAsync"/> checks <see cref="ActorUpdate.ExpectedVersion"/>.</summary>
    OptimisticConcurrency = 16,

    /// <summary>
    /// The change feed also reports records deleted outright (the ERP keeps a delete log), so the engine never needs
    /// to look for deleted records itself. Without it the engine now and then asks <see cref="ISyncConnector.GetActorsAsync"/>
    /// for every linked key and treats the keys it leaves out as deleted.
    /// </summary>
    DeleteLog = 32,
}
