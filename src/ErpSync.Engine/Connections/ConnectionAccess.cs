namespace ErpSync.Engine.Connections;

/// <summary>One user or group in a connection's scope, with its rights.</summary>
public sealed class ConnectionAccess
{
    public int Id { get; set; }
    public int ConnectionId { get; set; }
    public int? UserId { get; set; }
    public int? GroupId { get; set; }

    /// <summary>May link and unlink CRM records with existing ERP actors.</summary>
    public bool CanLink { get; set; } = true;

    /// <summary>May create new actors in the ERP.</summary>
    public bool CanCreate { get; set; } = true;
}
