namespace ErpSync.Connectors.DemoErp;

/// <summary>The configuration fields of a demo ERP connection.</summary>
internal static class ConfigFields
{
    public const string Intro = "Intro";
    public const string DatabaseFile = "DatabaseFile";
    public const string Administration = "Administration";
    public const string UserName = "UserName";
    public const string Password = "Password";
    public const string LatencyMs = "LatencyMs";
    public const string DefaultDatabaseFile = "data/demo-erp.db";
    public const string DefaultAdministration = "NL01";

    public static IReadOnlyList<FieldInfo> For(bool dutch) =>
    [
        new()
        {
            Key = Intro, Type = FieldType.Label, Rank = 0,
            DisplayName = Texts.T(dutch,
                "The demo ERP keeps its data in a local SQLite file, created with sample companies on first use. Its user and password are in the README of the demo ERP connector.",
                "Het demo-ERP bewaart zijn gegevens in een lokaal SQLite-bestand dat bij het eerste gebruik met voorbeeldbedrijven wordt gevuld. De gebruiker en het wachtwoord staan in de README van de demo-ERP-connector."),
        },
        new()
        {
            Key = DatabaseFile, Type = FieldType.Text, Rank = 10, Access = FieldAccess.Mandatory, MaxLength = 260,
            DefaultValue = FieldValue.Text(DefaultDatabaseFile),
            DisplayName = Texts.T(dutch, "Database file", "Databasebestand"),
            Tooltip = Texts.T(dutch,
                "Path of the demo ERP's SQLite file. A relative path is resolved against the server's working folder; the file is created and filled with sample data when it does not exist.",
                "Pad van het SQLite-bestand van het demo-ERP. Een relatief pad geldt vanaf de werkmap van de server; het bestand wordt aangemaakt en met voorbeeldgegevens gevuld als het nog niet bestaat."),
        },
        new()
        {
            Key = Administration, Type = FieldType.List, ListName = ListNames.Administrations, Rank = 20, Access = FieldAccess.Mandatory,
            DefaultValue = FieldValue.List(DefaultAdministration),
            DisplayName = Texts.T(dutch, "Administration", "Administratie"),
            Tooltip = Texts.T(dutch, "The company (administration) in the demo ERP this connection syncs with.", "Het bedrijf (de administratie) in het demo-ERP waarmee deze koppeling synchroniseert."),
        },
        new()
        {
            Key = UserName, Type = FieldType.Text, Rank = 30, Access = FieldAccess.Mandatory, MaxLength = 50,
            DisplayName = Texts.T(dutch, "User name", "Gebruikersnaam"),
            Tooltip = Texts.T(dutch, "An ERP user; the demo ERP has user 'demo'.", "Een ERP-gebruiker; het demo-ERP kent gebruiker 'demo'."),
        },
        new()
        {
            Key = Password, Type = FieldType.Password, Rank = 40, Access = FieldAccess.Mandatory, MaxLength = 100,
            DisplayName = Texts.T(dutch, "Password", "Wachtwoord"),
            // The password stays out of the dialog: ErpSync promises that a password never appears in a page.
            Tooltip = Texts.T(dutch, "The ERP user's password. It is stored encrypted and never shown again.", "Het wachtwoord van de ERP-gebruiker. Het wordt versleuteld opgeslagen en nooit meer getoond."),
        },
        new()
        {
            Key = LatencyMs, Type = FieldType.Integer, Rank = 50, DefaultValue = FieldValue.Integer(0),
            DisplayName = Texts.T(dutch, "Artificial latency (ms)", "Kunstmatige vertraging (ms)"),
            Tooltip = Texts.T(dutch,
                "Milliseconds added to every data call, to make the demo ERP behave like a remote one in tests and demos. 0 = none.",
                "Milliseconden die bij elke gegevensaanroep worden opgeteld, zodat het demo-ERP zich in tests en demo's als een ERP op afstand gedraagt. 0 = geen."),
        },
    ];
}
