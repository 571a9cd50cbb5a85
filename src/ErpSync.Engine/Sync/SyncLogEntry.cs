using ErpSync.Engine.Connections;

namespace ErpSync.Engine.Sync;

/// <summary>One field value changed by sync, on either side.</summary>
public sealed class SyncLogEntry
{
    public long Id { get; set; }
    public int? RunId { get; set; }
    public int ConnectionId { get; set; }
    public int? LinkId { get; set; }
    public CrmEntity CrmEntity { get; set; }
    public int CrmRecordId { get; set; }
    public required string ErpKey { get; set; }
    public required string FieldKey { get; set; }
    public string? CrmField { get; set; }

    /// <summary>True when the CRM was written, false when the ERP was.</summary>
    public bool TargetIsCrm { get; set; }

    public string? OldValue { get; set; }
    public string? NewValue { get; set; }
    public DateTimeOffset At { get; set; }
}
