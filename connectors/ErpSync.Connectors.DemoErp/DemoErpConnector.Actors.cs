namespace ErpSync.Connectors.DemoErp;

/// <summary>Reading and writing actors.</summary>
public sealed partial class DemoErpConnector
{
    /// <inheritdoc/>
    public ValueTask<ConnectorResult<IReadOnlyList<Actor>>> GetActorsAsync(ConnectorContext context, GetActorsRequest request, CancellationToken cancellationToken) =>
        RunAsync<IReadOnlyList<Actor>>(context, async session =>
        {
            if (UnsupportedType(session, request.ActorType) is { } error)
            {
                return error;
            }

            await using var connection = await session.Database.ConnectAsync(cancellationToken);
            return await new ActorReader(request.ActorType, request.Fields).ReadByKeysAsync(connection, session.Administration, request.Keys, cancellationToken);
        }, cancellationToken);

    /// <inheritdoc/>
    public ValueTask<ConnectorResult<ChangePage>> ReadChangesAsync(ConnectorContext context, ReadChangesRequest request, CancellationToken cancellationToken) =>
        RunAsync(context, session => UnsupportedType(session, request.ActorType) is { } error
            ? Task.FromResult<ConnectorResult<ChangePage>>(error)
            : ChangeFeed.ReadAsync(session, request, cancellationToken), cancellationToken);

    /// <inheritdoc/>
    public ValueTask<ConnectorResult<Actor>> CreateActorAsync(ConnectorContext context, CreateActorRequest request, CancellationToken cancellationToken) =>
        RunAsync(context, session => UnsupportedType(session, request.ActorType) is { } error
            ? Task.FromResult<ConnectorResult<Actor>>(error)
            : ActorCreator.CreateAsync(session, request, cancellationToken), cancellationToken);

    /// <inheritdoc/>
    public ValueTask<ConnectorResult<IReadOnlyList<SaveResult>>> SaveActorsAsync(ConnectorContext context, SaveActorsRequest request, CancellationToken cancellationToken) =>
        RunAsync(context, session => UnsupportedType(session, request.ActorType) is { } error
            ? Task.FromResult<ConnectorResult<IReadOnlyList<SaveResult>>>(error)
            : ActorSaver.SaveAsync(session, request, cancellationToken), cancellationToken);
}
