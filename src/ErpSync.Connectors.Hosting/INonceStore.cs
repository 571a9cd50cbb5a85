namespace ErpSync.Connectors.Hosting;

/// <summary>
/// Where a connector host remembers the nonces of accepted requests, so a captured request cannot be sent again.
/// The default keeps them in memory, which is right for one process. Several instances of a connector behind one
/// URL need one shared store (a database table with the nonce as unique key, a cache with atomic add), or else a
/// request captured on its way to one instance could be replayed to another within the signature window.
/// </summary>
public interface INonceStore
{
    /// <summary>Records <paramref name="nonce"/> until <paramref name="keepUntil"/>; false when it was recorded already.</summary>
    ValueTask<bool> TryUseAsync(string nonce, DateTimeOffset keepUntil, CancellationToken cancellationToken);
}
