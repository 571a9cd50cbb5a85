namespace ErpSync.Engine.Connections;

/// <summary>An ERP connection: a connector plus configuration, scope and (later) mappings.</summary>
public sealed class Connection
{
    public int Id { get; set; }

    /// <summary>The only id ever sent to the connector.</summary>
    public Guid PublicId { get; set; }

    public int ConnectorId { get; set; }
    public required string Name { get; set; }
    public string? Description { get; set; }
    public bool IsActive { get; set; }
    public bool IsDeleted { get; set; }

    /// <summary>Scope "Everyone"; otherwise <see cref="Access"/> lists the users and groups.</summary>
    public bool AllAccess { get; set; } = true;

    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
    public DateTimeOffset? DeletedAt { get; set; }

    /// <summary>When the actor types and fields were last read from the connector.</summary>
    public DateTimeOffset? FieldsReadAt { get; set; }

    /// <summary>The ERP change-feed cursor per actor type (JSON object), advanced only after a page is committed.</summary>
    public string? ErpCursorsJson { get; set; }

    /// <summary>The highest CRM change sequence this connection has synced.</summary>
    public long CrmSequenceSeen { get; set; }

    /// <summary>Set when sync stopped itself (for example refused credentials); shown on the Synchronize tab.</summary>
    public string? PausedReason { get; set; }

    public DateTimeOffset? LastRunAt { get; set; }

    public Connectors.ConnectorRegistration? Connector { get; set; }
    public List<ConnectionConfigValue> ConfigValues { get; set; } = [];
    public List<ConnectionAccess> Access { get; set; } = [];
    public List<ActorTypeMapping> ActorTypes { get; set; } = [];
}
