namespace ErpSync.Connectors.DemoErp;

/// <summary>The actor types of the demo ERP, their fields, key prefixes and free-text search columns.</summary>
internal static class ActorSchema
{
    public static readonly ActorType[] Types = [ActorType.Customer, ActorType.Supplier, ActorType.Partner, ActorType.Person, ActorType.Project];

    private static readonly FieldSpec[] Customer = CompanyFields.For(withCategory: true);
    private static readonly FieldSpec[] Supplier = CompanyFields.For(withCategory: false);

    /// <summary>Every column of the actors table that holds a field value, with its SQLite type.</summary>
    public static readonly IReadOnlyList<(string Column, FieldType Type)> AllColumns =
        Customer.Concat(PersonFields.All).Concat(ProjectFields.All)
            .DistinctBy(f => f.Column).Select(f => (f.Column, f.Type)).ToArray();

    public static bool IsCompany(ActorType type) => type is ActorType.Customer or ActorType.Supplier or ActorType.Partner;

    public static IReadOnlyList<FieldSpec> Fields(ActorType type) => type switch
    {
        ActorType.Customer or ActorType.Partner => Customer,
        ActorType.Supplier => Supplier,
        ActorType.Person => PersonFields.All,
        ActorType.Project => ProjectFields.All,
        _ => [],
    };

    public static FieldSpec? Find(ActorType type, string key) =>
        Fields(type).FirstOrDefault(f => string.Equals(f.Key, key, StringComparison.OrdinalIgnoreCase));

    /// <summary>Key prefix and the first sequence number: C10001, S20001, P30001, CP40001, PR50001.</summary>
    public static (string Prefix, int FirstNumber) KeyShape(ActorType type) => type switch
    {
        ActorType.Customer => ("C", 10001),
        ActorType.Supplier => ("S", 20001),
        ActorType.Partner => ("P", 30001),
        ActorType.Person => ("CP", 40001),
        ActorType.Project => ("PR", 50001),
        _ => throw new ArgumentOutOfRangeException(nameof(type)),
    };

    /// <summary>The read-only number field every type carries, filled by the ERP on create.</summary>
    public static string? NumberColumn(ActorType type) => type switch
    {
        ActorType.Person => null,
        ActorType.Project => "\"number\"",
        _ => "\"number1\"",
    };

    /// <summary>Columns the free-text search looks in (name, number, city, email, VAT where the type has them).</summary>
    public static IReadOnlyList<string> FreeTextColumns(ActorType type) => type switch
    {
        ActorType.Person => ["\"firstname\"", "\"middlename\"", "\"lastname\"", "\"email\"", "\"position\""],
        ActorType.Project => ["\"name\"", "\"number\"", "\"text\""],
        _ => ["\"name\"", "\"number1\"", "\"streetcity\"", "\"postalcity\"", "\"email\"", "\"vatno\""],
    };

    public static ActorTypeInfo Info(ActorType type, bool dutch) => type switch
    {
        ActorType.Customer => new(type, Texts.T(dutch, "Customer", "Debiteur")),
        ActorType.Supplier => new(type, Texts.T(dutch, "Supplier", "Crediteur")),
        ActorType.Partner => new(type, Texts.T(dutch, "Partner", "Partner")),
        ActorType.Person => new(type, Texts.T(dutch, "Contact person", "Contactpersoon"), ParentTypes: [ActorType.Customer, ActorType.Supplier, ActorType.Partner]),
        _ => new(type, Texts.T(dutch, "Project", "Project")),
    };
}
