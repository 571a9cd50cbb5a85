namespace ErpSync.Connectors.Remote;

/// <summary>
/// Body of a remote protocol call that takes no arguments besides the context
/// (<c>info</c>, <c>config-fields</c>, <c>test</c>, <c>connection-saved</c>, <c>connection-deleted</c>, <c>actor-types</c>).
/// </summary>
/// <param name="Context">The connection id, its configuration (secrets decrypted) and the user's culture; sent with every call.</param>
public sealed record RemoteRequest(ConnectorContext Context);
