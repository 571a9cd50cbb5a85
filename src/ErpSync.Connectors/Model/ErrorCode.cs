namespace ErpSync.Connectors;

/// <summary>Why a connector call failed. The engine decides retries and pauses from it.</summary>
public enum ErrorCode
{
    /// <summary>Unclassified; treated as transient.</summary>
    Unknown = 0,

    /// <summary>The configuration is incomplete or wrong (a missing file, an unknown administration).</summary>
    InvalidConfiguration = 1,

    /// <summary>The credentials were refused. The engine pauses the connection instead of retrying.</summary>
    AuthenticationFailed = 2,

    /// <summary>The ERP cannot be reached.</summary>
    Unreachable = 3,

    /// <summary>The ERP refused a value.</summary>
    Validation = 4,

    /// <summary>The actor does not exist.</summary>
    NotFound = 5,

    /// <summary>The actor changed since the expected version.</summary>
    Conflict = 6,

    /// <summary>Too many requests; see <see cref="ConnectorError.RetryAfter"/>.</summary>
    RateLimited = 7,

    /// <summary>A passing fault; retry with backoff.</summary>
    Transient = 8,

    /// <summary>The connector does not support this call or actor type.</summary>
    NotSupported = 9,

    /// <summary>The user lacks rights in the ERP for this operation.</summary>
    Forbidden = 10,
}
