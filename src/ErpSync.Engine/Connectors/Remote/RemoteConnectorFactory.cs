using ErpSync.Connectors;
using ErpSync.Engine.Secrets;

namespace ErpSync.Engine.Connectors.Remote;

/// <summary>
/// Creates <see cref="RemoteConnector"/>s for registrations over one shared, pooled HttpClient (per-call timeouts
/// are applied by the transport, so the client itself never times out).
/// </summary>
public sealed class RemoteConnectorFactory(SecretProtector secrets, TimeProvider time, ErpSyncOptions options) : IDisposable
{
    private readonly HttpClient _http = new(new SocketsHttpHandler
    {
        PooledConnectionLifetime = TimeSpan.FromMinutes(2),
        ConnectTimeout = TimeSpan.FromSeconds(10),
    })
    {
        Timeout = Timeout.InfiniteTimeSpan,
    };

    /// <summary>Calls <c>info</c> on <paramref name="url"/>, signed with <paramref name="secret"/>.</summary>
    public Task<ConnectorResult<RemoteConnector>> ConnectAsync(Uri url, string secret, CancellationToken cancellationToken) =>
        RemoteConnector.ConnectAsync(_http, new RemoteEndpoint(url, secret, TimeSpan.FromSeconds(options.RemoteCallTimeoutSeconds)), time, cancellationToken);

    /// <summary>Connects to a registered remote connector, decrypting its stored secret.</summary>
    public Task<ConnectorResult<RemoteConnector>> ConnectAsync(ConnectorRegistration registration, CancellationToken cancellationToken) =>
        registration.Url is { } url && registration.ProtectedSecret is { } secret
            ? ConnectAsync(new Uri(url), secrets.Unprotect(secret), cancellationToken)
            : Task.FromResult(ConnectorResults.Fail<RemoteConnector>(ErrorCode.InvalidConfiguration,
                Localization.Text.T("This remote connector has no URL or shared secret; register it again.",
                    "Deze externe connector heeft geen URL of gedeeld geheim; registreer hem opnieuw.")));

    public void Dispose() => _http.Dispose();
}
