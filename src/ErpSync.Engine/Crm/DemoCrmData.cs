using ErpSync.Engine.Data;
using Microsoft.EntityFrameworkCore;

namespace ErpSync.Engine.Crm;

/// <summary>Demo companies, persons and projects for an empty CRM (quick start).</summary>
internal static class DemoCrmData
{
    private static readonly (string Name, string City, string Zip, string Street, string Country, string Vat, string Phone, string Web, string[] Persons)[] Companies =
    [
        ("Bakkerij De Gouden Korst", "Utrecht", "3511 AB", "Oudegracht 112", "NL", "NL812345678B01", "+31302345678", "goudenkorst.nl", ["Anneke de Vries", "Joost Bakker"]),
        ("Van Dijk Installatietechniek B.V.", "Amersfoort", "3811 LL", "Stationsplein 4", "NL", "NL856789012B01", "+31334567890", "vandijk-installatie.nl", ["Pieter van Dijk"]),
        ("Brouwerij Het Anker", "Mechelen", "2800", "Guido Gezellelaan 49", "BE", "BE0412345678", "+3215287141", "hetanker.be", ["Charlotte Peeters", "Wim Janssens"]),
        ("Müller Maschinenbau GmbH", "Köln", "50667", "Hohe Straße 52", "DE", "DE123456789", "+492211234567", "mueller-maschinenbau.de", ["Katrin Müller", "Jonas Weber"]),
        ("Atelier Lumière SARL", "Lille", "59000", "Rue Faidherbe 21", "FR", "FR12345678901", "+33320123456", "atelier-lumiere.fr", ["Camille Laurent"]),
        ("Noordzee Logistiek B.V.", "Rotterdam", "3011 AD", "Wijnhaven 65", "NL", "NL823456789B01", "+31104567890", "noordzeelogistiek.nl", ["Sanne Jansen", "Ruben Visser"]),
        ("Hansen & Co ApS", "Aarhus", "8000", "Søndergade 12", "DK", "DK12345678", "+4586123456", "hansen-co.dk", ["Mette Hansen"]),
        ("Thames Office Supplies Ltd", "London", "EC2A 4NE", "12 Worship Street", "GB", "GB123456789", "+442071234567", "thamesoffice.co.uk", ["Oliver Smith", "Emily Clarke"]),
        ("Zorggroep Het Baken", "Zwolle", "8011 CW", "Melkmarkt 30", "NL", "NL834567890B01", "+31384567890", "hetbaken.nl", ["Femke Mulder"]),
        ("Fietsenfabriek Vélo Batave", "Deventer", "7411 JN", "Brink 88", "NL", "NL845678901B01", "+31570123456", "velobatave.nl", ["Bram de Boer", "Lotte Smit"]),
    ];

    public static async Task SeedAsync(ErpSyncDb db, CancellationToken cancellationToken)
    {
        var countries = await db.ListItems.Where(i => i.List!.Key == CrmListKeys.Country).ToDictionaryAsync(i => i.Code!, i => i.Id, cancellationToken);
        foreach (var c in Companies)
        {
            var company = new Company
            {
                Name = c.Name,
                StreetAddress1 = c.Street,
                StreetZip = c.Zip,
                StreetCity = c.City,
                PostalAddress1 = c.Street,
                PostalZip = c.Zip,
                PostalCity = c.City,
                CountryId = countries.GetValueOrDefault(c.Country),
                VatNumber = c.Vat,
                Phone = c.Phone,
                Website = "https://www." + c.Web,
                Email = "info@" + c.Web,
            };
            foreach (var fullName in c.Persons)
            {
                var parts = fullName.Split(' ', 2);
                var (middle, last) = parts[1].StartsWith("de ", StringComparison.Ordinal) || parts[1].StartsWith("van ", StringComparison.Ordinal)
                    ? (parts[1][..parts[1].LastIndexOf(' ')], parts[1][(parts[1].LastIndexOf(' ') + 1)..])
                    : ((string?)null, parts[1]);
                company.Persons.Add(new Person
                {
                    FirstName = parts[0],
                    MiddleName = middle,
                    LastName = last,
                    Email = $"{parts[0].ToLowerInvariant()}.{last.ToLowerInvariant()}@{c.Web}",
                    PhoneDirect = c.Phone[..^2] + "10",
                    CountryId = company.CountryId,
                });
            }

            db.Companies.Add(company);
        }

        await db.SaveChangesAsync(cancellationToken);
        var first = await db.Companies.OrderBy(c => c.Id).Take(3).ToListAsync(cancellationToken);
        db.Projects.AddRange(
            new Project { Name = "Nieuwe ovenlijn 2027", Number = "PRJ-1001", CompanyId = first[0].Id, Description = "Vervanging van de ovenlijn in de bakkerij.", EndDate = new DateOnly(2027, 6, 30) },
            new Project { Name = "Klimaatinstallatie kantoor Amersfoort", Number = "PRJ-1002", CompanyId = first[1].Id, Description = "Ontwerp en installatie van warmtepompen.", EndDate = new DateOnly(2027, 3, 31) },
            new Project { Name = "Brewery expansion Mechelen", Number = "PRJ-1003", CompanyId = first[2].Id, Description = "Second brewing hall and bottling line." });
        await db.SaveChangesAsync(cancellationToken);
    }
}
