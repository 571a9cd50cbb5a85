namespace ErpSync.Connectors;

/// <summary>Thrown by callers (not connectors) that turn a failed <see cref="ConnectorResult{T}"/> into an exception.</summary>
public sealed class ConnectorException : Exception
{
    /// <summary>Creates the exception from a connector error.</summary>
    public ConnectorException(ConnectorError error)
        : base(error.Message) => Error = error;

    /// <summary>Creates the exception with a message.</summary>
    public ConnectorException(string message)
        : base(message) => Error = new ConnectorError(ErrorCode.Unknown, message);

    /// <summary>Creates the exception with a message and an inner exception.</summary>
    public ConnectorException(string message, Exception innerException)
        : base(message, innerException) => Error = new ConnectorError(ErrorCode.Unknown, message);

    /// <summary>Creates the exception with no message.</summary>
    public ConnectorException()
        : this("The connector call failed.")
    {
    }

    /// <summary>The error the connector reported.</summary>
    public ConnectorError Error { get; }
}
