using ErpSync.Engine.Connections;
using ErpSync.Engine.Crm;

namespace ErpSync.Engine.Mapping;

/// <summary>The CRM fields of each entity that can take part in sync. Keys match the automatic-mapping table.</summary>
public static class CrmFieldCatalog
{
    private static readonly CrmField[] PostalAddress =
    [
        new("postalAddress1", "Postal address 1", "Postadres 1", CrmFieldType.Text),
        new("postalAddress2", "Postal address 2", "Postadres 2", CrmFieldType.Text),
        new("postalAddress3", "Postal address 3", "Postadres 3", CrmFieldType.Text),
        new("postalZip", "Postal code", "Postcode", CrmFieldType.Text),
        new("postalCity", "City", "Plaats", CrmFieldType.Text),
        new("postalState", "State / province", "Provincie", CrmFieldType.Text),
    ];

    private static readonly CrmField[] Company =
    [
        new("name", "Name", "Naam", CrmFieldType.Text, MaxLength: Crm.Company.NameMaxLength),
        new("department", "Department", "Afdeling", CrmFieldType.Text),
        new("number", "Number", "Nummer", CrmFieldType.Text),
        new("code", "Code", "Code", CrmFieldType.Text),
        new("vatNumber", "VAT number", "Btw-nummer", CrmFieldType.Text),
        new("phone", "Phone", "Telefoon", CrmFieldType.Text),
        new("fax", "Fax", "Fax", CrmFieldType.Text),
        new("email", "E-mail", "E-mail", CrmFieldType.Text),
        new("website", "Website", "Website", CrmFieldType.Text),
        .. PostalAddress,
        new("streetAddress1", "Street address 1", "Bezoekadres 1", CrmFieldType.Text),
        new("streetAddress2", "Street address 2", "Bezoekadres 2", CrmFieldType.Text),
        new("streetAddress3", "Street address 3", "Bezoekadres 3", CrmFieldType.Text),
        new("streetZip", "Street postal code", "Postcode bezoekadres", CrmFieldType.Text),
        new("streetCity", "Street city", "Plaats bezoekadres", CrmFieldType.Text),
        new("streetState", "Street state / province", "Provincie bezoekadres", CrmFieldType.Text),
        new("country", "Country", "Land", CrmFieldType.List, CrmListKeys.Country),
        new("category", "Category", "Categorie", CrmFieldType.List, CrmListKeys.Category),
        new("business", "Business", "Branche", CrmFieldType.List, CrmListKeys.Business),
        new("notes", "Notes", "Notities", CrmFieldType.Text),
    ];

    private static readonly CrmField[] Person =
    [
        new("firstName", "First name", "Voornaam", CrmFieldType.Text),
        new("middleName", "Middle name", "Tussenvoegsel", CrmFieldType.Text),
        new("lastName", "Last name", "Achternaam", CrmFieldType.Text, MaxLength: Crm.Person.LastNameMaxLength),
        new("title", "Title", "Titel", CrmFieldType.Text),
        new("position", "Position", "Functie", CrmFieldType.Text),
        new("number", "Number", "Nummer", CrmFieldType.Text),
        new("email", "E-mail", "E-mail", CrmFieldType.Text),
        new("email2", "E-mail 2", "E-mail 2", CrmFieldType.Text),
        new("phoneDirect", "Direct phone", "Direct telefoonnummer", CrmFieldType.Text),
        new("phoneMobile", "Mobile", "Mobiel", CrmFieldType.Text),
        new("phonePrivate", "Private phone", "Privételefoon", CrmFieldType.Text),
        new("phoneOther", "Other phone", "Ander telefoonnummer", CrmFieldType.Text),
        new("birthDate", "Birth date", "Geboortedatum", CrmFieldType.Date),
        new("website", "Website", "Website", CrmFieldType.Text),
        .. PostalAddress,
        new("country", "Country", "Land", CrmFieldType.List, CrmListKeys.Country),
    ];

    private static readonly CrmField[] Project =
    [
        new("name", "Name", "Naam", CrmFieldType.Text, MaxLength: Crm.Project.NameMaxLength),
        new("number", "Number", "Nummer", CrmFieldType.Text),
        new("description", "Description", "Beschrijving", CrmFieldType.Text),
        new("endDate", "End date", "Einddatum", CrmFieldType.Date),
        new("url", "URL", "URL", CrmFieldType.Text),
    ];

    public static IReadOnlyList<CrmField> For(CrmEntity entity) => entity switch
    {
        CrmEntity.Company => Company,
        CrmEntity.Person => Person,
        _ => Project,
    };

    public static CrmField? Find(CrmEntity entity, string? key) =>
        key is null ? null : For(entity).FirstOrDefault(f => string.Equals(f.Key, key, StringComparison.OrdinalIgnoreCase));
}
