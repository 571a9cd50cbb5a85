namespace ErpSync.Connectors;

/// <summary>A failure reported by a connector.</summary>
/// <param name="Code">The class of failure.</param>
/// <param name="Message">A message a user understands, in the context's culture when possible.</param>
/// <param name="Detail">Technical detail for logs (never a secret), or null.</param>
/// <param name="RetryAfter">For <see cref="ErrorCode.RateLimited"/>: how long to wait, if the ERP said.</param>
/// <param name="FieldErrors">For <see cref="ErrorCode.Validation"/>: messages keyed by field key.</param>
public sealed record ConnectorError(
    ErrorCode Code,
    string Message,
    string? Detail = null,
    TimeSpan? RetryAfter = null,
    IReadOnlyDictionary<string, string>? FieldErrors = null)
{
    /// <summary>Whether repeating the same call later may succeed.</summary>
    public bool IsRetryable => Code is ErrorCode.Unknown or ErrorCode.Unreachable or ErrorCode.RateLimited or ErrorCode.Transient;
}
