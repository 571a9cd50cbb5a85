namespace ErpSync.Connectors.Tryton;

/// <summary>The fields of each actor type; labels, required and read-only flags are taken from Tryton's <c>fields_get</c>.</summary>
internal static class PartyFields
{
    public const string Code = "CODE";
    public const string Name = "NAME";

    private static readonly PartyField[] Company =
    [
        new(Code, FieldType.Text, FieldSource.Party, "code", Access: FieldAccess.ReadOnly, IsKey: true),
        new(Name, FieldType.Text, FieldSource.Party, "name", Access: FieldAccess.Mandatory),
        new("VATNO", FieldType.Text, FieldSource.TaxIdentifier, "code"),
        new("EMAIL", FieldType.Text, FieldSource.Mechanism, "email"),
        new("PHONE", FieldType.Text, FieldSource.Mechanism, "phone"),
        new("MOBILE", FieldType.Text, FieldSource.Mechanism, "mobile"),
        new("WEBSITE", FieldType.Text, FieldSource.Mechanism, "website"),
        new("STREET", FieldType.Text, FieldSource.Address, "street"),
        new("ZIP", FieldType.Text, FieldSource.Address, "postal_code"),
        new("CITY", FieldType.Text, FieldSource.Address, "city"),
        new("COUNTRY", FieldType.List, FieldSource.Address, "country", ListNames.Countries),
        new("SUBDIVISION", FieldType.List, FieldSource.Address, "subdivision", ListNames.Subdivisions),
        new("LANGUAGE", FieldType.List, FieldSource.Party, "lang", ListNames.Languages),
        new("CUSTOMER_PAYMENT_TERM", FieldType.List, FieldSource.Party, "customer_payment_term", ListNames.PaymentTerms),
        new("SUPPLIER_PAYMENT_TERM", FieldType.List, FieldSource.Party, "supplier_payment_term", ListNames.PaymentTerms),
        new("PRICE_LIST", FieldType.List, FieldSource.Party, "sale_price_list", ListNames.PriceLists),
        new("CATEGORIES", FieldType.Text, FieldSource.Categories, "categories", Access: FieldAccess.ReadOnly),
        new("ACTIVE", FieldType.Checkbox, FieldSource.Party, "active", Access: FieldAccess.ReadOnly),
    ];

    private static readonly PartyField[] Person =
    [
        new(Code, FieldType.Text, FieldSource.Party, "code", Access: FieldAccess.ReadOnly, IsKey: true),
        new(Name, FieldType.Text, FieldSource.Party, "name", Access: FieldAccess.Mandatory),
        new("EMAIL", FieldType.Text, FieldSource.Mechanism, "email"),
        new("PHONE", FieldType.Text, FieldSource.Mechanism, "phone"),
        new("MOBILE", FieldType.Text, FieldSource.Mechanism, "mobile"),
        new("LANGUAGE", FieldType.List, FieldSource.Party, "lang", ListNames.Languages),
        new("ACTIVE", FieldType.Checkbox, FieldSource.Party, "active", Access: FieldAccess.ReadOnly),
    ];

    public static IReadOnlyList<PartyField> For(ActorType type) => type == ActorType.Person ? Person : Company;

    public static PartyField? Find(ActorType type, string key) =>
        For(type).FirstOrDefault(f => string.Equals(f.Key, key, StringComparison.OrdinalIgnoreCase));
}
