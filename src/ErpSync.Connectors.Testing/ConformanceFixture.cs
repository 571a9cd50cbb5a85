namespace ErpSync.Connectors.Testing;

/// <summary>
/// Describes one connector to <see cref="ConnectorConformanceTests{TFixture}"/>: the connector, contexts
/// pointing at data of its own, sample payloads and a way to act as an ERP user. xunit creates one
/// fixture per test class (<c>IClassFixture</c>), so each test class gets fresh, isolated data.
/// </summary>
/// <remarks>
/// The tests run one after another within a class but share the fixture's data: every test makes its
/// own actors, marked with a unique text, and only asserts on those.
/// </remarks>
public abstract class ConformanceFixture : IAsyncLifetime
{
    /// <summary>The connector under test.</summary>
    public abstract ISyncConnector Connector { get; }

    /// <summary>
    /// The capabilities the tests hold the connector to; by default what <see cref="ConnectorInfo.Capabilities"/> declares.
    /// A deliberate divergence is an override here, with a comment saying why.
    /// </summary>
    public virtual ConnectorCapabilities Capabilities => Connector.Info.Capabilities;

    /// <summary>
    /// The actor types the write and change-feed tests exercise; each needs <see cref="NewActor"/> and
    /// <see cref="Update"/>. Defaults to customers.
    /// </summary>
    public virtual IReadOnlyList<ActorType> ActorTypes => [ActorType.Customer];

    /// <summary>The page size of the change-feed paging tests; small, so a handful of changes spans several pages.</summary>
    public virtual int ChangeFeedPageSize => 3;

    /// <summary>A key no actor of any type has.</summary>
    public virtual string UnknownKey => "erpsync-conformance-no-such-key";

    /// <summary>A valid configuration that reaches this fixture's isolated data.</summary>
    public abstract ConnectorContext CreateContext();

    /// <summary>The configuration of <see cref="CreateContext"/> with a wrong password.</summary>
    public abstract ConnectorContext CreateWrongPasswordContext();

    /// <summary>
    /// A valid create payload of <paramref name="actorType"/>. <paramref name="marker"/> is unique per call and must be put
    /// in a field the free-text search matches (usually the name), so the tests can find the actor again.
    /// </summary>
    public abstract SampleActor NewActor(ActorType actorType, string marker);

    /// <summary>Writable field values to apply to an actor of <paramref name="actorType"/>; <paramref name="marker"/> is unique per call.</summary>
    public abstract IReadOnlyDictionary<string, FieldValue?> Update(ActorType actorType, string marker);

    /// <summary>Changes the actor as a user of the ERP would, outside the connector, so that it shows up in the change feed with a new version.</summary>
    public abstract Task ChangeAsErpUserAsync(ActorType actorType, string key, string marker, CancellationToken cancellationToken);

    /// <summary>
    /// Archives or deletes the actor as an ERP user would, so the change feed reports a tombstone. Required when
    /// <see cref="Capabilities"/> has <see cref="ConnectorCapabilities.Tombstones"/>; the default throws.
    /// </summary>
    public virtual Task ArchiveAsErpUserAsync(ActorType actorType, string key, CancellationToken cancellationToken) =>
        throw new NotSupportedException($"{GetType().Name} must override {nameof(ArchiveAsErpUserAsync)} when the connector declares tombstones.");

    /// <summary>Prepares the fixture's data (start a server, copy a database); called once per test class.</summary>
    public virtual ValueTask InitializeAsync() => ValueTask.CompletedTask;

    /// <summary>Releases the fixture's data.</summary>
    public virtual ValueTask DisposeAsync()
    {
        GC.SuppressFinalize(this);
        return ValueTask.CompletedTask;
    }
}
