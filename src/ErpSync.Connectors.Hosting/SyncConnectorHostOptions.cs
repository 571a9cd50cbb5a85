using ErpSync.Connectors.Remote;

namespace ErpSync.Connectors.Hosting;

/// <summary>How <see cref="SyncConnectorEndpoints.MapSyncConnector"/> serves a connector.</summary>
public sealed record SyncConnectorHostOptions
{
    /// <summary>The shared secret registered for this connector in ErpSync; every request must be signed with it.</summary>
    public required string Secret { get; init; }

    /// <summary>How far a request's timestamp may lie from this host's clock, either way. Default 5 minutes.</summary>
    public TimeSpan SignatureWindow { get; init; } = RequestSignature.DefaultWindow;

    /// <summary>The clock used to check timestamps; <see cref="TimeProvider.System"/> when null.</summary>
    public TimeProvider? TimeProvider { get; init; }

    /// <summary>
    /// Where accepted nonces are remembered; in memory when null. Give every instance the same shared store when
    /// several instances of the connector serve one URL (see <see cref="INonceStore"/>).
    /// </summary>
    public INonceStore? NonceStore { get; init; }

    /// <summary>Largest accepted request body in bytes. Default 16 MiB.</summary>
    public int MaxRequestBytes { get; init; } = 16 * 1024 * 1024;
}
