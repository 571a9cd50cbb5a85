using System.Collections.Concurrent;

namespace ErpSync.Connectors.Hosting;

/// <summary>
/// The in-memory <see cref="INonceStore"/>: remembers the nonces seen within the timestamp window. Older entries are
/// useless to an attacker (the timestamp check refuses them), so they are dropped.
/// </summary>
internal sealed class ReplayGuard(TimeProvider time) : INonceStore
{
    private readonly ConcurrentDictionary<string, DateTimeOffset> _seen = new(StringComparer.Ordinal);
    private DateTimeOffset _nextPrune = DateTimeOffset.MinValue;

    public ValueTask<bool> TryUseAsync(string nonce, DateTimeOffset keepUntil, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        if (now >= _nextPrune)
        {
            _nextPrune = now + TimeSpan.FromSeconds(30);
            foreach (var (key, expires) in _seen)
            {
                if (expires < now)
                {
                    _seen.TryRemove(key, out _);
                }
            }
        }

        return ValueTask.FromResult(_seen.TryAdd(nonce, keepUntil));
    }
}
