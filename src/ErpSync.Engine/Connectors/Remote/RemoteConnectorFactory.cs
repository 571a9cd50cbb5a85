using System.Collections.Concurrent;
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

    /// <summary>How long a remote's <c>info</c> answer is reused by <see cref="ConnectCachedAsync"/>.</summary>
    public static readonly TimeSpan InfoLifetime = TimeSpan.FromSeconds(60);

    private readonly ConcurrentDictionary<(int Id, string Url, string Secret), (RemoteConnector Connector, DateTimeOffset At)> _known = new();

    /// <summary>
    /// For the engine's many resolves (every sync cycle, ERP tab, import page): a remote whose <c>info</c> answered within
    /// the last minute is reused instead of paying one more signed round trip each time. A changed URL or secret is a new
    /// key; a remote that stops is noticed by the next call itself (an Unreachable result), and the connectors list and
    /// "Test" still ask <c>info</c> every time (<see cref="ConnectAsync(ConnectorRegistration, CancellationToken)"/>).
    /// </summary>
    public async Task<ConnectorResult<RemoteConnector>> ConnectCachedAsync(ConnectorRegistration registration, CancellationToken cancellationToken)
    {
        var key = (registration.Id, registration.Url ?? "", registration.ProtectedSecret ?? "");
        if (_known.TryGetValue(key, out var known) && time.GetUtcNow() - known.At < InfoLifetime)
        {
            return known.Connector;
        }

        var result = await ConnectAsync(registration, cancellationToken);
        if (result.IsOk)
        {
            _known[key] = (result.Value, time.GetUtcNow());
        }
        else
        {
            _known.TryRemove(key, out _);
        }

        return result;
    }

    public void Dispose() => _http.Dispose();
}
