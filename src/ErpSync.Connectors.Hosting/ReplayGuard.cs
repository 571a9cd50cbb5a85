using System.Collections.Concurrent;

namespace ErpSync.Connectors.Hosting;

/// <summary>
/// Remembers the nonces seen within the timestamp window, so a captured request cannot be sent again.
/// Older entries are useless to an attacker (the timestamp check refuses them), so they are dropped.
/// </summary>
internal sealed class ReplayGuard(TimeProvider time, TimeSpan window)
{
    private readonly ConcurrentDictionary<string, DateTimeOffset> _seen = new(StringComparer.Ordinal);
    private DateTimeOffset _nextPrune = DateTimeOffset.MinValue;

    /// <summary>False when the nonce was already used.</summary>
    public bool TryUse(string nonce)
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

        // Twice the window: a timestamp may lie a full window ahead of the clock.
        return _seen.TryAdd(nonce, now + window + window);
    }
}
