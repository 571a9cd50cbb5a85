using System.Globalization;
using System.Text;

namespace ErpSync.Connectors.DemoErp;

/// <summary>
/// Makes believable companies, contact persons and projects from a fixed-seed <see cref="Random"/>:
/// the same seed gives the same data on every run and machine.
/// </summary>
internal sealed class CompanyFactory(Random random, CountryProfile home)
{
    private static readonly DateTime RelationsStart = new(2008, 1, 1, 0, 0, 0, DateTimeKind.Utc);
    private static readonly string[] Categories = ["RETAIL", "WHOLESALE", "INDUSTRY", "GOV", "EDU", "HEALTH", "SERVICES"];
    private static readonly string[] Terms = ["14D", "30D", "30D", "30D", "60D", "PIA", "EOM30"];
    private static readonly int[] CreditLimits = [2500, 5000, 10000, 10000, 25000, 50000];
    private readonly HashSet<string> _names = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Mostly the administration's own country, with a share of other European accounts.</summary>
    public CountryProfile PickCountry() =>
        random.Next(10) < 7 ? home : CountryProfiles.All[random.Next(CountryProfiles.All.Length)];

    public (Dictionary<string, FieldValue?> Values, string Domain) Company(ActorType type, CountryProfile country, string? nameSuffix = null)
    {
        var activities = SeedWords.Activities(country.Language);
        string name, stem;
        var attempt = 0;
        do
        {
            var lastName = Pick(country.LastNames);
            var activity = Pick(activities);
            stem = country.StreetFirst ? $"{lastName} {activity}" : $"{activity} {lastName}";
            name = $"{stem} {Pick(country.LegalForms)}";
            if (++attempt > 20)
            {
                name += " " + attempt.ToString(CultureInfo.InvariantCulture);
            }
        }
        while (nameSuffix is null && !_names.Add(name));

        name += nameSuffix;
        var domain = Slug(stem) + (nameSuffix is null ? "" : Slug(nameSuffix)) + "." + country.Tld;
        var (zip, city) = City(country);
        var street = Street(country);
        var usePostBox = random.Next(10) < 3;
        var creditLimit = Pick(CreditLimits);
        var values = new Dictionary<string, FieldValue?>(StringComparer.OrdinalIgnoreCase)
        {
            ["NAME"] = new TextValue(name),
            ["DEPARTMENT"] = random.Next(5) == 0 ? new TextValue(country.Language == "de" ? "Einkauf" : country.Language == "nl" ? "Inkoop" : "Purchasing") : null,
            ["VATNO"] = new TextValue(country.Vat(random)),
            ["PHONE"] = new TextValue($"+{country.PhoneCode}{random.Next(1, 10)}{CountryProfiles.Digits(random, 8)}"),
            ["EMAIL"] = new TextValue((type == ActorType.Supplier ? "sales@" : "info@") + domain),
            ["URL"] = new TextValue("https://www." + domain),
            ["STREETAD1"] = new TextValue(street),
            ["STREETZIP"] = new TextValue(zip),
            ["STREETCITY"] = new TextValue(city),
            ["POSTALAD1"] = new TextValue(usePostBox ? $"{SeedWords.PostBox(country.Language)} {random.Next(100, 9999)}" : street),
            ["POSTALZIP"] = new TextValue(zip),
            ["POSTALCITY"] = new TextValue(city),
            ["COUNTRY"] = new ListValue(country.Code),
            ["CURRENCY"] = new ListValue(country.Currency),
            ["PAYMENTTERM"] = new ListValue(Pick(Terms)),
            ["CREDITLIMIT"] = new DecimalValue(creditLimit),
            ["BLOCKED"] = new BooleanValue(random.Next(15) == 0),
            ["BALANCE"] = new DecimalValue(Math.Round((decimal)random.NextDouble() * creditLimit, 2)),
            ["CUSTOMERSINCE"] = new DateValue(new DateTimeOffset(RelationsStart.AddDays(random.Next(6000)), TimeSpan.Zero)),
        };
        if (type != ActorType.Supplier)
        {
            values["CATEGORY"] = new ListValue(Pick(Categories));
        }

        return (values, domain);
    }

    public Dictionary<string, FieldValue?> Person(CountryProfile country, string domain)
    {
        var first = Pick(country.FirstNames);
        var last = Pick(country.LastNames);
        string? middle = null;

        // Dutch and Flemish surnames carry their prefix ("van den Berg") in a separate field.
        var space = last.LastIndexOf(' ');
        if (country.Language == "nl" && space > 0 && char.IsLower(last[0]))
        {
            middle = last[..space];
            last = last[(space + 1)..];
        }

        var titles = SeedWords.Titles(country.Language);
        return new Dictionary<string, FieldValue?>(StringComparer.OrdinalIgnoreCase)
        {
            ["FIRSTNAME"] = new TextValue(first),
            ["MIDDLENAME"] = middle is null ? null : new TextValue(middle),
            ["LASTNAME"] = new TextValue(last),
            ["TITLE"] = random.Next(6) == 0 ? new TextValue(Pick(titles)) : null,
            ["POSITION"] = new TextValue(Pick(SeedWords.Positions(country.Language))),
            ["EMAIL"] = new TextValue($"{Slug(first)}.{Slug(last)}@{domain}"),
            ["PHONE_DIRECT"] = new TextValue($"+{country.PhoneCode}{random.Next(1, 10)}{CountryProfiles.Digits(random, 8)}"),
            ["PHONE_MOBILE"] = new TextValue($"+{country.PhoneCode}{(country.Code == "NL" ? "6" : "7")}{CountryProfiles.Digits(random, 8)}"),
            ["BIRTHDATE"] = random.Next(3) == 0 ? null : new DateValue(new DateTimeOffset(new DateTime(1960, 1, 1, 0, 0, 0, DateTimeKind.Utc).AddDays(random.Next(14000)), TimeSpan.Zero)),
        };
    }

    public Dictionary<string, FieldValue?> Project(string name, string text, string domain, int index) => new(StringComparer.OrdinalIgnoreCase)
    {
        ["NAME"] = new TextValue(name),
        ["TEXT"] = new TextValue(text),
        ["URL"] = new TextValue($"https://projects.{domain}/{Slug(name)}"),
        ["ENDDATE"] = new DateValue(new DateTimeOffset(new DateTime(2026, 3, 31, 0, 0, 0, DateTimeKind.Utc).AddMonths(index * 2), TimeSpan.Zero)),
        ["BUDGET"] = new DecimalValue(random.Next(4, 400) * 500m),
    };

    public int Next(int min, int max) => random.Next(min, max);

    public static string Slug(string text)
    {
        var builder = new StringBuilder();
        foreach (var c in text.Replace("ß", "ss", StringComparison.Ordinal).Normalize(NormalizationForm.FormD).ToLowerInvariant())
        {
            if (c is >= 'a' and <= 'z' or >= '0' and <= '9')
            {
                builder.Append(c);
            }
            else if (c == 'ł' || c == 'ø')
            {
                builder.Append(c == 'ł' ? 'l' : 'o');
            }
        }

        return builder.ToString();
    }

    private (string Zip, string City) City(CountryProfile country)
    {
        var parts = Pick(country.Cities).Split('|');
        return (country.Zip(random, parts[0]), parts[1]);
    }

    private string Street(CountryProfile country)
    {
        var street = Pick(country.Streets);
        var number = random.Next(1, 250).ToString(CultureInfo.InvariantCulture);
        return country.StreetFirst ? $"{street} {number}" : $"{number} {street}";
    }

    private T Pick<T>(T[] items) => items[random.Next(items.Length)];
}
