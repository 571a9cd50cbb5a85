namespace ErpSync.Connectors.Tryton;

/// <summary>The lists the connector serves, and the Tryton model each one reads.</summary>
internal static class ListNames
{
    public const string Companies = "companies";
    public const string Categories = "categories";
    public const string Countries = "countries";
    public const string Subdivisions = "subdivisions";
    public const string PaymentTerms = "paymentterms";
    public const string PriceLists = "pricelists";
    public const string Languages = "languages";
    public const string Currencies = "currencies";
    public const string RelationTypes = "relationtypes";

    /// <summary>List name → (model, key field or null for the id, text field). Keys are codes where Tryton has them: ids differ between databases.</summary>
    public static readonly IReadOnlyDictionary<string, (string Model, string? KeyField, string TextField)> Sources =
        new Dictionary<string, (string, string?, string)>(StringComparer.OrdinalIgnoreCase)
        {
            [Companies] = ("company.company", null, "rec_name"),
            [Categories] = ("party.category", null, "rec_name"),
            [Countries] = ("country.country", "code", "name"),
            [Subdivisions] = ("country.subdivision", "code", "name"),
            [PaymentTerms] = ("account.invoice.payment_term", null, "name"),
            [PriceLists] = ("product.price_list", null, "name"),
            [Languages] = ("ir.lang", "code", "name"),
            [Currencies] = ("currency.currency", "code", "name"),
            [RelationTypes] = ("party.relation.type", null, "rec_name"),
        };
}
