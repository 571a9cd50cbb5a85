namespace ErpSync.Engine.Connections;

/// <summary>
/// One configuration value. Plain values are stored as typed JSON; secrets (password fields) only as
/// <see cref="ProtectedValue"/>, encrypted with the shared Data Protection key ring.
/// </summary>
public sealed class ConnectionConfigValue
{
    public int Id { get; set; }
    public int ConnectionId { get; set; }
    public required string FieldKey { get; set; }
    public string? ValueJson { get; set; }
    public string? ProtectedValue { get; set; }
}
