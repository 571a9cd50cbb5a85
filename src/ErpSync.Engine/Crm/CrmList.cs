namespace ErpSync.Engine.Crm;

/// <summary>An administrator-editable list (country, currency, category, business, …).</summary>
public sealed class CrmList
{
    public int Id { get; set; }

    /// <summary>Stable key used by field metadata and list mapping, e.g. <c>country</c>.</summary>
    public required string Key { get; set; }

    public required string Name { get; set; }

    public List<CrmListItem> Items { get; set; } = [];
}
