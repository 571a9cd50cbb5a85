using ErpSync.Connectors;
using ErpSync.Engine.Connections;

namespace ErpSync.Engine.Sync;

public enum SyncIssueClass
{
    Transient = 0,
    Auth = 1,
    Validation = 2,
    Conflict = 3,
    UnmappedValue = 4,
    MissingDependency = 5,
}

/// <summary>A record that could not be synced, why, and when it is tried again. A later successful sync of the record resolves it.</summary>
public sealed class SyncIssue
{
    public int Id { get; set; }
    public int ConnectionId { get; set; }
    public int? LinkId { get; set; }
    public CrmEntity? CrmEntity { get; set; }
    public int? CrmRecordId { get; set; }
    public ActorType ActorType { get; set; }
    public string? ErpKey { get; set; }
    public SyncIssueClass Class { get; set; }
    public required string Message { get; set; }

    /// <summary>For review conflicts: the field and both values, as JSON.</summary>
    public string? DetailJson { get; set; }

    public int Attempts { get; set; }
    public DateTimeOffset? NextRetryAt { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? ResolvedAt { get; set; }
}
