using ErpSync.Connectors;
using ErpSync.Engine.Connections;

namespace ErpSync.Engine.Sync;

public enum OutboxState
{
    Pending = 0,
    Completed = 1,
    Failed = 2,
}

/// <summary>
/// A create the engine is about to send to the ERP, stored (and committed) before the call with its idempotency
/// key, so a retry after a crash sends the same key and never makes a second ERP record (design.md §5.4).
/// </summary>
public sealed class OutboxIntent
{
    public int Id { get; set; }
    public int ConnectionId { get; set; }
    public CrmEntity CrmEntity { get; set; }
    public int CrmRecordId { get; set; }
    public ActorType ActorType { get; set; }
    public required string IdempotencyKey { get; set; }
    public required string PayloadJson { get; set; }
    public string? ParentKey { get; set; }
    public OutboxState State { get; set; }
    public string? ErpKey { get; set; }
    public string? Error { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? CompletedAt { get; set; }
}
