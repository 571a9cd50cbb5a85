namespace ErpSync.Engine.Crm;

/// <summary>The single row holding the last CRM change sequence number handed out.</summary>
public sealed class CrmSequence
{
    public int Id { get; set; }
    public long Value { get; set; }
}
