namespace ErpSync.Connectors.Hosting.Tests;

/// <summary>A connector whose actor-types call does what a test needs (wait, throw); everything else is empty.</summary>
internal sealed class StubConnector(Func<CancellationToken, Task<ConnectorResult<IReadOnlyList<ActorTypeInfo>>>> actorTypes) : ISyncConnector
{
    public ConnectorInfo Info { get; } = new("Tests.Stub", "Stub", "0.1.0", ConnectorCapabilities.None);

    public ValueTask<IReadOnlyList<FieldInfo>> GetConfigFieldsAsync(ConnectorContext context, CancellationToken cancellationToken) => ValueTask.FromResult<IReadOnlyList<FieldInfo>>([]);

    public ValueTask<TestResult> TestConfigurationAsync(ConnectorContext context, CancellationToken cancellationToken) => ValueTask.FromResult(TestResult.Success("ok"));

    public ValueTask<ConnectorResult> ConnectionSavedAsync(ConnectorContext context, CancellationToken cancellationToken) => ValueTask.FromResult(ConnectorResult.Success);

    public ValueTask<ConnectorResult> ConnectionDeletedAsync(ConnectorContext context, CancellationToken cancellationToken) => ValueTask.FromResult(ConnectorResult.Success);

    public async ValueTask<ConnectorResult<IReadOnlyList<ActorTypeInfo>>> GetActorTypesAsync(ConnectorContext context, CancellationToken cancellationToken) => await actorTypes(cancellationToken);

    public ValueTask<ConnectorResult<IReadOnlyList<FieldInfo>>> GetFieldsAsync(ConnectorContext context, ActorType actorType, CancellationToken cancellationToken) => new(ConnectorResults.Ok<IReadOnlyList<FieldInfo>>([]));

    public ValueTask<ConnectorResult<IReadOnlyList<Actor>>> GetActorsAsync(ConnectorContext context, GetActorsRequest request, CancellationToken cancellationToken) => new(ConnectorResults.Ok<IReadOnlyList<Actor>>([]));

    public ValueTask<ConnectorResult<ChangePage>> ReadChangesAsync(ConnectorContext context, ReadChangesRequest request, CancellationToken cancellationToken) => new(ConnectorResults.Ok(new ChangePage([], [], null, false)));

    public ValueTask<ConnectorResult<Actor>> CreateActorAsync(ConnectorContext context, CreateActorRequest request, CancellationToken cancellationToken) => new(ConnectorResults.Fail<Actor>(ErrorCode.NotSupported, "no"));

    public ValueTask<ConnectorResult<IReadOnlyList<SaveResult>>> SaveActorsAsync(ConnectorContext context, SaveActorsRequest request, CancellationToken cancellationToken) => new(ConnectorResults.Ok<IReadOnlyList<SaveResult>>([]));
}
