namespace ErpSync.Engine.Sync;

/// <summary>What one run did, for the caller (API, "Sync now", scheduler).</summary>
public sealed record SyncRunSummary(int? RunId, SyncRunStatus Status, int ErpChangesRead, int CrmChangesRead, int CrmWrites, int ErpWrites, int Issues, string? Message);
