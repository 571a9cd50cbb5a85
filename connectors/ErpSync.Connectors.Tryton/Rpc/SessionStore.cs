using System.Collections.Concurrent;

namespace ErpSync.Connectors.Tryton;

/// <summary>
/// Sessions shared by all calls of a connector: one login per server, database, user and password, reused until
/// Tryton refuses it. A refused password is remembered for Tryton's lockout window, so a misconfigured connection
/// does not try again on every poll: more than 5 failures in 5 minutes would lock the account for everyone.
/// </summary>
internal sealed class SessionStore(TimeProvider timeProvider)
{
    private readonly ConcurrentDictionary<string, string> _sessions = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, DateTimeOffset> _refusedUntil = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, SemaphoreSlim> _loginGates = new(StringComparer.Ordinal);

    public string? Get(string loginKey) => _sessions.TryGetValue(loginKey, out var header) ? header : null;

    public void Set(string loginKey, string header) => _sessions[loginKey] = header;

    /// <summary>Forgets a session Tryton refused, unless another call has already replaced it.</summary>
    public void Drop(string loginKey, string header) => _sessions.TryRemove(new KeyValuePair<string, string>(loginKey, header));

    public SemaphoreSlim LoginGate(string loginKey) => _loginGates.GetOrAdd(loginKey, _ => new SemaphoreSlim(1, 1));

    public bool IsRefused(string loginKey) =>
        _refusedUntil.TryGetValue(loginKey, out var until) && until > timeProvider.GetUtcNow();

    public void Refused(string loginKey) => _refusedUntil[loginKey] = timeProvider.GetUtcNow() + ErrorClassifier.LoginLockout;

    /// <summary>A new password gets a new key; this clears the old one's memory when the administrator tests again.</summary>
    public void Forget(string loginKey)
    {
        _refusedUntil.TryRemove(loginKey, out _);
        _sessions.TryRemove(loginKey, out _);
    }
}
