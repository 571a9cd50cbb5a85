namespace ErpSync.Connectors.Tryton;

/// <summary>Reading and writing actors.</summary>
public sealed partial class TrytonConnector
{
    /// <inheritdoc/>
    public ValueTask<ConnectorResult<IReadOnlyList<Actor>>> GetActorsAsync(ConnectorContext context, GetActorsRequest request, CancellationToken cancellationToken) =>
        RunAsync<IReadOnlyList<Actor>>(context, async client =>
        {
            if (Unsupported(client, request.ActorType) is { } error)
            {
                return error;
            }

            var ids = request.Keys.Select(TrytonJson.ParseKey).OfType<long>().Distinct().ToArray();
            var parties = await PartyReader.ReadAsync(client, ids, client.Settings.PersonRelation, cancellationToken);
            var codes = new CodeLookup(client);
            await ActorMapper.LoadCodesAsync(codes, parties.Values, cancellationToken, request.Fields);

            // A key of another actor type, or of an archived party, is "not found": it is left out.
            return parties.Values
                .Where(p => p.Active && ActorMapper.Classify(p, client.Settings, client.Settings.PersonRelation) == request.ActorType)
                .Select(p => ActorMapper.ToActor(p, request.ActorType, request.Fields, codes))
                .ToArray();
        });

    /// <inheritdoc/>
    public ValueTask<ConnectorResult<ChangePage>> ReadChangesAsync(ConnectorContext context, ReadChangesRequest request, CancellationToken cancellationToken) =>
        RunAsync(context, client => Unsupported(client, request.ActorType) is { } error
            ? Task.FromResult<ConnectorResult<ChangePage>>(error)
            : ChangeFeed.ReadAsync(client, request, cancellationToken));

    /// <inheritdoc/>
    public ValueTask<ConnectorResult<Actor>> CreateActorAsync(ConnectorContext context, CreateActorRequest request, CancellationToken cancellationToken) =>
        RunAsync(context, client => Unsupported(client, request.ActorType) is { } error
            ? Task.FromResult<ConnectorResult<Actor>>(error)
            : ActorCreator.CreateAsync(client, request, cancellationToken));

    /// <inheritdoc/>
    public ValueTask<ConnectorResult<IReadOnlyList<SaveResult>>> SaveActorsAsync(ConnectorContext context, SaveActorsRequest request, CancellationToken cancellationToken) =>
        RunAsync(context, client => Unsupported(client, request.ActorType) is { } error
            ? Task.FromResult<ConnectorResult<IReadOnlyList<SaveResult>>>(error)
            : ActorSaver.SaveAsync(client, request, cancellationToken));
}
