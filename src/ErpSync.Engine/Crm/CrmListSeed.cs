using ErpSync.Engine.Data;
using Microsoft.EntityFrameworkCore;

namespace ErpSync.Engine.Crm;

/// <summary>The lists every installation starts with; administrators edit them afterwards.</summary>
internal static class CrmListSeed
{
    private static readonly (string Key, string Name, (string Code, string Name)[] Items)[] Lists =
    [
        (CrmListKeys.Country, "Country", [
            ("NL", "Netherlands"), ("BE", "Belgium"), ("DE", "Germany"), ("FR", "France"), ("GB", "United Kingdom"), ("LU", "Luxembourg"),
            ("DK", "Denmark"), ("SE", "Sweden"), ("NO", "Norway"), ("ES", "Spain"), ("IT", "Italy"), ("AT", "Austria"), ("CH", "Switzerland"),
            ("PL", "Poland"), ("IE", "Ireland"), ("US", "United States")]),
        (CrmListKeys.Currency, "Currency", [("EUR", "Euro"), ("GBP", "Pound sterling"), ("USD", "US dollar"), ("CHF", "Swiss franc"), ("SEK", "Swedish krona"), ("DKK", "Danish krone"), ("NOK", "Norwegian krone"), ("PLN", "Polish złoty")]),
        (CrmListKeys.Category, "Category", [("CUST", "Customer"), ("PROS", "Prospect"), ("SUPP", "Supplier"), ("PART", "Partner"), ("COMP", "Competitor")]),
        (CrmListKeys.Business, "Business", [("RET", "Retail"), ("WHO", "Wholesale"), ("MAN", "Manufacturing"), ("ICT", "IT and software"), ("CON", "Construction"), ("FOO", "Food and hospitality"), ("HEA", "Healthcare"), ("GOV", "Government"), ("EDU", "Education"), ("LOG", "Transport and logistics")]),
    ];

    public static async Task EnsureAsync(ErpSyncDb db, CancellationToken cancellationToken)
    {
        var existing = await db.Lists.Select(l => l.Key).ToListAsync(cancellationToken);
        foreach (var (key, name, items) in Lists.Where(l => !existing.Contains(l.Key)))
        {
            db.Lists.Add(new CrmList
            {
                Key = key,
                Name = name,
                Items = items.Select((item, i) => new CrmListItem { Code = item.Code, Name = item.Name, Rank = i }).ToList(),
            });
        }

        await db.SaveChangesAsync(cancellationToken);
    }
}
