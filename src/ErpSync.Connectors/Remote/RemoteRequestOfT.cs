namespace ErpSync.Connectors.Remote;

/// <summary>Body of a remote protocol call: the context plus the method's arguments.</summary>
/// <typeparam name="TArguments">The SDK request record of the method (for example <see cref="ReadChangesRequest"/>), or <see cref="ActorType"/>.</typeparam>
/// <param name="Context">The connection id, its configuration (secrets decrypted) and the user's culture; sent with every call.</param>
/// <param name="Arguments">The method's arguments.</param>
public sealed record RemoteRequest<TArguments>(ConnectorContext Context, TArguments Arguments);
