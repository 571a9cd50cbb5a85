namespace ErpSync.Engine.Connections;

/// <summary>
/// How one ERP list item translates to a CRM list item. A row with no <see cref="CrmListItemId"/> is an
/// explicit "(No selection)"; an ERP item without a row has not been reviewed yet.
/// </summary>
public sealed class ListItemMapping
{
    public int Id { get; set; }
    public int FieldMappingId { get; set; }
    public required string ErpItemKey { get; set; }
    public int? CrmListItemId { get; set; }
}
