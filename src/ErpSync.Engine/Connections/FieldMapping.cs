namespace ErpSync.Engine.Connections;

/// <summary>
/// One ERP field of an actor type: the connector's metadata (cached as JSON) and how it is mapped.
/// Directions stay off until an administrator sets them.
/// </summary>
public sealed class FieldMapping
{
    public int Id { get; set; }
    public int ActorTypeMappingId { get; set; }
    public required string FieldKey { get; set; }
    public required string MetadataJson { get; set; }
    public string? CrmField { get; set; }
    public bool ToCrm { get; set; }
    public bool ToErp { get; set; }
    public bool ShowInSearch { get; set; }
    public bool ShowInErpTab { get; set; }
    public bool IsSearchable { get; set; }
    public int Rank { get; set; }
    public bool MissingInErp { get; set; }
}
