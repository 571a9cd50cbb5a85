namespace ErpSync.Engine.Connectors;

/// <summary>A Sync Connector as registered in the "Sync Connectors" list.</summary>
public sealed class ConnectorRegistration
{
    public int Id { get; set; }
    public required string Name { get; set; }
    public ConnectorKind Kind { get; set; }

    /// <summary>For built-in connectors: the <see cref="ErpSync.Connectors.ConnectorInfo.Name"/> it resolves to.</summary>
    public string? BuiltInName { get; set; }

    /// <summary>For remote connectors: the base URL of the connector service.</summary>
    public string? Url { get; set; }

    /// <summary>For remote connectors: the shared signing secret, encrypted with <see cref="Secrets.SecretProtector"/>; never returned by the API.</summary>
    public string? ProtectedSecret { get; set; }

    public bool IsDeleted { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
}
