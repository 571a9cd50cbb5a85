using ErpSync.Engine.Connections;
using ErpSync.Engine.Crm;

namespace ErpSync.Engine.Sync;

/// <summary>
/// Reads and writes the CRM fields of <see cref="Mapping.CrmFieldCatalog"/> on the entities by key. Values are
/// <see cref="string"/> for text fields, <see cref="DateOnly"/> for dates and <see cref="int"/> (list item id) for lists.
/// </summary>
public static class CrmFieldAccess
{
    private sealed record Accessor(Func<object, object?> Get, Action<object, object?> Set);

    private static Accessor Text<T>(Func<T, string?> get, Action<T, string?> set) =>
        new(o => get((T)o), (o, v) => set((T)o, v as string));

    private static Accessor Item<T>(Func<T, int?> get, Action<T, int?> set) =>
        new(o => get((T)o), (o, v) => set((T)o, v as int?));

    private static Accessor Date<T>(Func<T, DateOnly?> get, Action<T, DateOnly?> set) =>
        new(o => get((T)o), (o, v) => set((T)o, v as DateOnly?));

    private static readonly Dictionary<string, Accessor> Company = new(StringComparer.OrdinalIgnoreCase)
    {
        ["name"] = Text<Company>(c => c.Name, (c, v) => c.Name = v ?? ""),
        ["department"] = Text<Company>(c => c.Department, (c, v) => c.Department = v),
        ["number"] = Text<Company>(c => c.Number, (c, v) => c.Number = v),
        ["code"] = Text<Company>(c => c.Code, (c, v) => c.Code = v),
        ["vatNumber"] = Text<Company>(c => c.VatNumber, (c, v) => c.VatNumber = v),
        ["phone"] = Text<Company>(c => c.Phone, (c, v) => c.Phone = v),
        ["fax"] = Text<Company>(c => c.Fax, (c, v) => c.Fax = v),
        ["email"] = Text<Company>(c => c.Email, (c, v) => c.Email = v),
        ["website"] = Text<Company>(c => c.Website, (c, v) => c.Website = v),
        ["postalAddress1"] = Text<Company>(c => c.PostalAddress1, (c, v) => c.PostalAddress1 = v),
        ["postalAddress2"] = Text<Company>(c => c.PostalAddress2, (c, v) => c.PostalAddress2 = v),
        ["postalAddress3"] = Text<Company>(c => c.PostalAddress3, (c, v) => c.PostalAddress3 = v),
        ["postalZip"] = Text<Company>(c => c.PostalZip, (c, v) => c.PostalZip = v),
        ["postalCity"] = Text<Company>(c => c.PostalCity, (c, v) => c.PostalCity = v),
        ["postalState"] = Text<Company>(c => c.PostalState, (c, v) => c.PostalState = v),
        ["streetAddress1"] = Text<Company>(c => c.StreetAddress1, (c, v) => c.StreetAddress1 = v),
        ["streetAddress2"] = Text<Company>(c => c.StreetAddress2, (c, v) => c.StreetAddress2 = v),
        ["streetAddress3"] = Text<Company>(c => c.StreetAddress3, (c, v) => c.StreetAddress3 = v),
        ["streetZip"] = Text<Company>(c => c.StreetZip, (c, v) => c.StreetZip = v),
        ["streetCity"] = Text<Company>(c => c.StreetCity, (c, v) => c.StreetCity = v),
        ["streetState"] = Text<Company>(c => c.StreetState, (c, v) => c.StreetState = v),
        ["country"] = Item<Company>(c => c.CountryId, (c, v) => c.CountryId = v),
        ["category"] = Item<Company>(c => c.CategoryId, (c, v) => c.CategoryId = v),
        ["business"] = Item<Company>(c => c.BusinessId, (c, v) => c.BusinessId = v),
        ["notes"] = Text<Company>(c => c.Notes, (c, v) => c.Notes = v),
    };

    private static readonly Dictionary<string, Accessor> Person = new(StringComparer.OrdinalIgnoreCase)
    {
        ["firstName"] = Text<Person>(p => p.FirstName, (p, v) => p.FirstName = v),
        ["middleName"] = Text<Person>(p => p.MiddleName, (p, v) => p.MiddleName = v),
        ["lastName"] = Text<Person>(p => p.LastName, (p, v) => p.LastName = v ?? ""),
        ["title"] = Text<Person>(p => p.Title, (p, v) => p.Title = v),
        ["position"] = Text<Person>(p => p.Position, (p, v) => p.Position = v),
        ["number"] = Text<Person>(p => p.Number, (p, v) => p.Number = v),
        ["email"] = Text<Person>(p => p.Email, (p, v) => p.Email = v),
        ["email2"] = Text<Person>(p => p.Email2, (p, v) => p.Email2 = v),
        ["phoneDirect"] = Text<Person>(p => p.PhoneDirect, (p, v) => p.PhoneDirect = v),
        ["phoneMobile"] = Text<Person>(p => p.PhoneMobile, (p, v) => p.PhoneMobile = v),
        ["phonePrivate"] = Text<Person>(p => p.PhonePrivate, (p, v) => p.PhonePrivate = v),
        ["phoneOther"] = Text<Person>(p => p.PhoneOther, (p, v) => p.PhoneOther = v),
        ["birthDate"] = Date<Person>(p => p.BirthDate, (p, v) => p.BirthDate = v),
        ["website"] = Text<Person>(p => p.Website, (p, v) => p.Website = v),
        ["postalAddress1"] = Text<Person>(p => p.PostalAddress1, (p, v) => p.PostalAddress1 = v),
        ["postalAddress2"] = Text<Person>(p => p.PostalAddress2, (p, v) => p.PostalAddress2 = v),
        ["postalAddress3"] = Text<Person>(p => p.PostalAddress3, (p, v) => p.PostalAddress3 = v),
        ["postalZip"] = Text<Person>(p => p.PostalZip, (p, v) => p.PostalZip = v),
        ["postalCity"] = Text<Person>(p => p.PostalCity, (p, v) => p.PostalCity = v),
        ["postalState"] = Text<Person>(p => p.PostalState, (p, v) => p.PostalState = v),
        ["country"] = Item<Person>(p => p.CountryId, (p, v) => p.CountryId = v),
    };

    private static readonly Dictionary<string, Accessor> Project = new(StringComparer.OrdinalIgnoreCase)
    {
        ["name"] = Text<Project>(p => p.Name, (p, v) => p.Name = v ?? ""),
        ["number"] = Text<Project>(p => p.Number, (p, v) => p.Number = v),
        ["description"] = Text<Project>(p => p.Description, (p, v) => p.Description = v),
        ["endDate"] = Date<Project>(p => p.EndDate, (p, v) => p.EndDate = v),
        ["url"] = Text<Project>(p => p.Url, (p, v) => p.Url = v),
    };

    private static Dictionary<string, Accessor> For(CrmEntity entity) => entity switch
    {
        CrmEntity.Company => Company,
        CrmEntity.Person => Person,
        _ => Project,
    };

    public static object? Get(CrmEntity entity, object record, string crmField) =>
        For(entity).TryGetValue(crmField, out var accessor) ? accessor.Get(record) : throw new ArgumentException($"Unknown CRM field {entity}.{crmField}.", nameof(crmField));

    public static void Set(CrmEntity entity, object record, string crmField, object? value)
    {
        if (!For(entity).TryGetValue(crmField, out var accessor))
        {
            throw new ArgumentException($"Unknown CRM field {entity}.{crmField}.", nameof(crmField));
        }

        accessor.Set(record, value is string text && string.IsNullOrWhiteSpace(text) ? null : value);
    }

    public static bool Knows(CrmEntity entity, string crmField) => For(entity).ContainsKey(crmField);
}
