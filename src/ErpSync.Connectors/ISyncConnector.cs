namespace ErpSync.Connectors;

/// <summary>
/// The contract every Sync Connector implements: one kind of ERP system, serving any number of
/// ERP connections. Every call carries a <see cref="ConnectorContext"/> with the connection's id and
/// configuration, so an implementation can be stateless.
/// </summary>
/// <remarks>
/// Implementations report failures as results (<see cref="ConnectorResult{T}"/> with a
/// <see cref="ConnectorError"/>) rather than by throwing. Optional capabilities are separate
/// interfaces (<see cref="ISearchableConnector"/>, <see cref="IListProvider"/>) detected at run time.
/// </remarks>
public interface ISyncConnector
{
    /// <summary>Name, version and capabilities of this connector.</summary>
    ConnectorInfo Info { get; }

    /// <summary>
    /// The configuration fields an administrator fills in for an ERP connection. Called before any
    /// connection exists, so <see cref="ConnectorContext.ConnectionId"/> is <see cref="Guid.Empty"/>.
    /// </summary>
    ValueTask<IReadOnlyList<FieldInfo>> GetConfigFieldsAsync(ConnectorContext context, CancellationToken cancellationToken);

    /// <summary>
    /// Checks a candidate configuration without saving anything: can the ERP be reached, do the
    /// credentials work, does the chosen administration exist. Must not change ERP data.
    /// </summary>
    ValueTask<TestResult> TestConfigurationAsync(ConnectorContext context, CancellationToken cancellationToken);

    /// <summary>
    /// Tells the connector that a connection was saved with the configuration in <paramref name="context"/>.
    /// Connectors that keep no state return <see cref="ConnectorResult.Success"/>.
    /// </summary>
    ValueTask<ConnectorResult> ConnectionSavedAsync(ConnectorContext context, CancellationToken cancellationToken);

    /// <summary>Tells the connector that a connection was deleted; it may release anything kept for it.</summary>
    ValueTask<ConnectorResult> ConnectionDeletedAsync(ConnectorContext context, CancellationToken cancellationToken);

    /// <summary>The actor types this connection supports (a subset of <see cref="ActorType"/>).</summary>
    ValueTask<ConnectorResult<IReadOnlyList<ActorTypeInfo>>> GetActorTypesAsync(ConnectorContext context, CancellationToken cancellationToken);

    /// <summary>The fields of one actor type, with their types, access and list names.</summary>
    ValueTask<ConnectorResult<IReadOnlyList<FieldInfo>>> GetFieldsAsync(ConnectorContext context, ActorType actorType, CancellationToken cancellationToken);

    /// <summary>
    /// Reads actors by key. Keys that do not exist are left out of the result (not an error).
    /// </summary>
    ValueTask<ConnectorResult<IReadOnlyList<Actor>>> GetActorsAsync(ConnectorContext context, GetActorsRequest request, CancellationToken cancellationToken);

    /// <summary>
    /// Reads actors changed since <see cref="ReadChangesRequest.Cursor"/> (all actors when it is null),
    /// one page at a time. The engine stores <see cref="ChangePage.NextCursor"/> only after it has
    /// committed the page, so a page may be delivered again and must be safe to re-read.
    /// </summary>
    ValueTask<ConnectorResult<ChangePage>> ReadChangesAsync(ConnectorContext context, ReadChangesRequest request, CancellationToken cancellationToken);

    /// <summary>
    /// Creates an actor. A second call with the same <see cref="CreateActorRequest.IdempotencyKey"/>
    /// must return the actor created by the first call instead of creating another one (see
    /// <see cref="ConnectorCapabilities.IdempotentCreate"/>).
    /// </summary>
    ValueTask<ConnectorResult<Actor>> CreateActorAsync(ConnectorContext context, CreateActorRequest request, CancellationToken cancellationToken);

    /// <summary>
    /// Writes field values to existing actors. Each item carries the version the engine based its
    /// change on; the connector refuses a stale write with <see cref="SaveStatus.Conflict"/>.
    /// Returns one result per item, in the order of the request.
    /// </summary>
    ValueTask<ConnectorResult<IReadOnlyList<SaveResult>>> SaveActorsAsync(ConnectorContext context, SaveActorsRequest request, CancellationToken cancellationToken);
}
