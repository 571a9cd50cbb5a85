namespace ErpSync.Engine.Crm;

public sealed class CrmListItem
{
    public int Id { get; set; }
    public int ListId { get; set; }

    /// <summary>An optional code (ISO country code, currency code) that list mapping can match on.</summary>
    public string? Code { get; set; }

    public required string Name { get; set; }
    public int Rank { get; set; }

    /// <summary>Hidden from new choices; records that use it keep it.</summary>
    public bool IsDeleted { get; set; }

    public CrmList? List { get; set; }
}
