namespace ErpSync.Connectors.DemoErp;

/// <summary>The fixed lists and administrations every demo ERP file starts with.</summary>
internal static class SeedLists
{
    public static readonly (string Code, string Name, string Country, string Currency)[] Administrations =
    [
        ("NL01", "Demo Handel B.V. (Utrecht)", "NL", "EUR"),
        ("BE01", "Demo Trading BV (Antwerpen)", "BE", "EUR"),
        ("DE01", "Demo Handel GmbH (Köln)", "DE", "EUR"),
    ];

    public static readonly (string List, string Key, string English, string Dutch)[] Items =
    [
        (ListNames.Countries, "NL", "Netherlands", "Nederland"),
        (ListNames.Countries, "BE", "Belgium", "België"),
        (ListNames.Countries, "DE", "Germany", "Duitsland"),
        (ListNames.Countries, "FR", "France", "Frankrijk"),
        (ListNames.Countries, "LU", "Luxembourg", "Luxemburg"),
        (ListNames.Countries, "AT", "Austria", "Oostenrijk"),
        (ListNames.Countries, "CH", "Switzerland", "Zwitserland"),
        (ListNames.Countries, "GB", "United Kingdom", "Verenigd Koninkrijk"),
        (ListNames.Countries, "IE", "Ireland", "Ierland"),
        (ListNames.Countries, "DK", "Denmark", "Denemarken"),
        (ListNames.Countries, "SE", "Sweden", "Zweden"),
        (ListNames.Countries, "NO", "Norway", "Noorwegen"),
        (ListNames.Countries, "PL", "Poland", "Polen"),
        (ListNames.Countries, "ES", "Spain", "Spanje"),
        (ListNames.Countries, "IT", "Italy", "Italië"),
        (ListNames.Countries, "PT", "Portugal", "Portugal"),
        (ListNames.Countries, "US", "United States", "Verenigde Staten"),
        (ListNames.Currencies, "EUR", "Euro", "Euro"),
        (ListNames.Currencies, "GBP", "Pound sterling", "Brits pond"),
        (ListNames.Currencies, "USD", "US dollar", "Amerikaanse dollar"),
        (ListNames.Currencies, "CHF", "Swiss franc", "Zwitserse frank"),
        (ListNames.Currencies, "SEK", "Swedish krona", "Zweedse kroon"),
        (ListNames.Currencies, "DKK", "Danish krone", "Deense kroon"),
        (ListNames.Currencies, "NOK", "Norwegian krone", "Noorse kroon"),
        (ListNames.Currencies, "PLN", "Polish złoty", "Poolse zloty"),
        (ListNames.PaymentTerms, "PIA", "Payment in advance", "Vooruitbetaling"),
        (ListNames.PaymentTerms, "7D", "7 days", "7 dagen"),
        (ListNames.PaymentTerms, "14D", "14 days", "14 dagen"),
        (ListNames.PaymentTerms, "30D", "30 days", "30 dagen"),
        (ListNames.PaymentTerms, "60D", "60 days", "60 dagen"),
        (ListNames.PaymentTerms, "EOM30", "30 days end of month", "30 dagen na einde maand"),
        (ListNames.CustomerCategories, "RETAIL", "Retail", "Detailhandel"),
        (ListNames.CustomerCategories, "WHOLESALE", "Wholesale", "Groothandel"),
        (ListNames.CustomerCategories, "INDUSTRY", "Industry", "Industrie"),
        (ListNames.CustomerCategories, "GOV", "Government", "Overheid"),
        (ListNames.CustomerCategories, "EDU", "Education", "Onderwijs"),
        (ListNames.CustomerCategories, "HEALTH", "Healthcare", "Zorg"),
        (ListNames.CustomerCategories, "SERVICES", "Business services", "Zakelijke dienstverlening"),
    ];
}
