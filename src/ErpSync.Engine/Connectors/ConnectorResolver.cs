using ErpSync.Connectors;
using ErpSync.Engine.Connectors.Remote;
using static ErpSync.Engine.Localization.Text;

namespace ErpSync.Engine.Connectors;

/// <summary>
/// Turns a registration into a callable connector, or says why it cannot be called. A remote connector's <c>info</c>
/// (a signed call) is reused for a minute (<see cref="RemoteConnectorFactory.ConnectCachedAsync"/>); a re-keyed remote
/// is a new cache key, a stopped one fails its next call.
/// </summary>
public sealed class ConnectorResolver(ConnectorCatalog catalog, RemoteConnectorFactory remotes)
{
    public async Task<ISyncConnector> ResolveAsync(ConnectorRegistration registration, CancellationToken cancellationToken)
    {
        var resolved = await TryResolveAsync(registration, cancellationToken);
        return resolved.Connector ?? throw new UserErrorException(resolved.Reason);
    }

    public async Task<ResolvedConnector> TryResolveAsync(ConnectorRegistration registration, CancellationToken cancellationToken)
    {
        if (registration.Kind == ConnectorKind.Remote)
        {
            var remote = await remotes.ConnectCachedAsync(registration, cancellationToken);
            return remote.IsOk ? new(remote.Value, "") : new(null, NotReachable(registration.Name, remote.Error));
        }

        return registration.BuiltInName is { } name && catalog.Find(name) is { } connector
            ? new(connector, "")
            : new(null, T($"The built-in connector \"{registration.BuiltInName}\" is not installed on this server.",
                $"De ingebouwde connector \"{registration.BuiltInName}\" is niet op deze server geïnstalleerd."));
    }

    public static string NotReachable(string name, ConnectorError error) => error.Code == ErrorCode.AuthenticationFailed
        ? T($"The connector \"{name}\" refused the signature: check the shared secret.", $"De connector \"{name}\" weigerde de handtekening: controleer het gedeelde geheim.")
        : T($"The connector \"{name}\" is not reachable: {error.Message}", $"De connector \"{name}\" is niet bereikbaar: {error.Message}");

    public static string BuiltInStatus(ConnectorRegistration registration, ConnectorCatalog catalog) =>
        registration.BuiltInName is { } n && catalog.Find(n) is not null ? T("Built in", "Ingebouwd") : T("Not installed", "Niet geïnstalleerd");
}
