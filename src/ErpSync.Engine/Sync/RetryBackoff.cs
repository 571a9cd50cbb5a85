namespace ErpSync.Engine.Sync;

/// <summary>Exponential backoff with jitter for transient failures; honours a server's Retry-After. Pure but for the jitter source.</summary>
public static class RetryBackoff
{
    private static readonly TimeSpan Base = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan Max = TimeSpan.FromHours(1);

    /// <param name="attempt">1 for the first retry.</param>
    /// <param name="retryAfter">What the ERP asked for, if anything; never retried sooner than that.</param>
    /// <param name="jitter">A number in [0, 1); defaults to a random one.</param>
    public static TimeSpan Delay(int attempt, TimeSpan? retryAfter, double? jitter = null)
    {
        var exponential = Base * Math.Pow(2, Math.Clamp(attempt - 1, 0, 16));
        var capped = exponential > Max ? Max : exponential;
        // "Equal jitter": half fixed, half random, so retries spread out but never collapse to zero.
        var delay = capped / 2 + capped / 2 * (jitter ?? Random.Shared.NextDouble());
        return retryAfter is { } after && after > delay ? after : delay;
    }
}
