namespace ErpSync.Connectors.Tryton;

/// <summary>A failed Tryton call, already classified; the connector turns it into a <see cref="ConnectorError"/> at its edge.</summary>
internal sealed class TrytonException(ConnectorError error) : Exception(error.Message)
{
    public ConnectorError Error { get; } = error;
}
