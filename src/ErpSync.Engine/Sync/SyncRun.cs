namespace ErpSync.Engine.Sync;

public enum SyncRunKind
{
    Scheduled = 0,
    Manual = 1,
    Record = 2,
    Resync = 3,
    Import = 4,
}

public enum SyncRunStatus
{
    Running = 0,
    Succeeded = 1,
    SucceededWithIssues = 2,
    Failed = 3,
}

/// <summary>One sync cycle of one connection, with what it did.</summary>
public sealed class SyncRun
{
    public int Id { get; set; }
    public int ConnectionId { get; set; }
    public SyncRunKind Kind { get; set; }
    public SyncRunStatus Status { get; set; }
    public DateTimeOffset StartedAt { get; set; }
    public DateTimeOffset? EndedAt { get; set; }
    public int ErpChangesRead { get; set; }
    public int CrmChangesRead { get; set; }
    public int CrmWrites { get; set; }
    public int ErpWrites { get; set; }
    public int IssuesRaised { get; set; }
    public string? Message { get; set; }

    /// <summary>Which server process ran it (machine and process id), so operators of a cluster can tell.</summary>
    public string? Node { get; set; }
}
