namespace ErpSync.Connectors.DemoErp;

/// <summary>The names of the lists the demo ERP serves.</summary>
internal static class ListNames
{
    public const string Administrations = "administrations";
    public const string Countries = "countries";
    public const string Currencies = "currencies";
    public const string PaymentTerms = "paymentterms";
    public const string CustomerCategories = "customercategories";

    public static readonly string[] All = [Administrations, Countries, Currencies, PaymentTerms, CustomerCategories];
}
