namespace ErpSync.Connectors.DemoErp;

/// <summary>What the seeder needs to make believable companies and people of one country.</summary>
internal sealed record CountryProfile(
    string Code,
    string Language,
    string PhoneCode,
    string Currency,
    string Tld,
    string[] Cities,
    string[] Streets,
    string[] LegalForms,
    string[] FirstNames,
    string[] LastNames,
    Func<Random, string> Vat,
    Func<Random, string, string> Zip,
    bool StreetFirst = true);
