using ErpSync.Connectors;
using ErpSync.Engine.Connections;

namespace ErpSync.Engine.Sync;

/// <summary>One page of rows and the total that matched the filter.</summary>
public sealed record MonitorPage<T>(IReadOnlyList<T> Items, int Total);

public sealed record RunQuery(int? ConnectionId = null, int Skip = 0, int Take = 25);

public sealed record RunRow(int Id, int ConnectionId, string ConnectionName, SyncRunKind Kind, SyncRunStatus Status, DateTimeOffset StartedAt, DateTimeOffset? EndedAt,
    double? DurationSeconds, int ErpChangesRead, int CrmChangesRead, int CrmWrites, int ErpWrites, int IssuesRaised, string? Message);

/// <summary>One bar of the run chart: the runs of one day and the field changes they made.</summary>
public sealed record RunChartBar(DateOnly Day, int Runs, int FailedRuns, int Changes);

public enum ConnectionSyncState
{
    Idle = 0,
    Running = 1,
    Paused = 2,
    Inactive = 3,
}

public sealed record ConnectionSyncStatus(int ConnectionId, string Name, ConnectionSyncState State, string? PausedReason, DateTimeOffset? LastRunAt, RunRow? LastRun, int OpenIssues);

public sealed record LogQuery(int? ConnectionId = null, CrmEntity? Entity = null, int? RecordId = null, string? Field = null, DateTimeOffset? From = null, DateTimeOffset? To = null,
    int Skip = 0, int Take = 50);

public sealed record LogRow(long Id, DateTimeOffset At, int ConnectionId, string ConnectionName, CrmEntity Entity, int RecordId, string RecordName, string RecordUrl, string ErpKey,
    string FieldKey, string? CrmField, bool TargetIsCrm, string Direction, string? OldValue, string? NewValue, int? RunId);

public sealed record IssueQuery(int? ConnectionId = null, SyncIssueClass? Class = null, int Skip = 0, int Take = 50);

public sealed record IssueRow(int Id, int ConnectionId, string ConnectionName, int? LinkId, CrmEntity? Entity, int? RecordId, string? RecordName, string? RecordUrl,
    ActorType ActorType, string? ErpKey, SyncIssueClass Class, string Message, string? DetailJson, int Attempts, DateTimeOffset? NextRetryAt, DateTimeOffset CreatedAt);

/// <summary>Open issues of one page, and how many are open per class (for the whole filter but the class).</summary>
public sealed record IssuePage(IReadOnlyList<IssueRow> Items, int Total, IReadOnlyDictionary<SyncIssueClass, int> OpenByClass);

public sealed record RetryRequest(IReadOnlyList<int> IssueIds);

/// <summary>What "Retry now" did for one issue: the run and whether the issue is now resolved.</summary>
public sealed record RetryResult(int IssueId, SyncRunSummary Summary, bool Resolved);

public enum ConflictWinner
{
    Crm = 0,
    Erp = 1,
}

/// <summary>A field that both sides changed to different values, with the values as they are now.</summary>
public sealed record ConflictField(string FieldKey, string Label, string? CrmValue, string? ErpValue);

public sealed record IssueConflict(int IssueId, IReadOnlyList<ConflictField> Fields);

/// <summary>Resolve an issue; for a review conflict, which side wins per ERP field key.</summary>
public sealed record ResolveRequest(IReadOnlyDictionary<string, ConflictWinner>? Choices = null);

public sealed record ResolveResult(int IssueId, bool Resolved, SyncRunSummary? Summary);
