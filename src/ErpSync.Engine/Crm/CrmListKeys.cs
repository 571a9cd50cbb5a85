namespace ErpSync.Engine.Crm;

/// <summary>Keys of the lists every installation has.</summary>
public static class CrmListKeys
{
    public const string Country = "country";
    public const string Currency = "currency";
    public const string Category = "category";
    public const string Business = "business";
}
