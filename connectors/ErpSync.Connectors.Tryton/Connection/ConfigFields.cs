namespace ErpSync.Connectors.Tryton;

/// <summary>The configuration fields of a Tryton connection, in English or Dutch.</summary>
internal static class ConfigFields
{
    private static readonly IReadOnlyList<FieldInfo> English = Build(false);
    private static readonly IReadOnlyList<FieldInfo> Dutch = Build(true);

    public static IReadOnlyList<FieldInfo> For(bool dutch) => dutch ? Dutch : English;

    private static FieldInfo[] Build(bool nl)
    {
        string T(string english, string dutch) => Texts.T(nl, english, dutch);
        return
        [
            new()
            {
                Key = ConfigKeys.Intro, Type = FieldType.Label, Rank = 0,
                DisplayName = T("Connects to a Tryton 6.0 server over JSON-RPC. Parties in the customer category sync as customers, "
                    + "in the supplier category as suppliers, in both as partners; their contact persons sync as persons. "
                    + "Fill in the server, database, user and password first: the company and category lists load once Tryton accepts the login.",
                    "Verbindt met een Tryton 6.0-server via JSON-RPC. Relaties in de klantcategorie synchroniseren als klanten, "
                    + "in de leverancierscategorie als leveranciers, in beide als partners; hun contactpersonen als personen. "
                    + "Vul eerst server, database, gebruiker en wachtwoord in: de lijsten met bedrijven en categorieën laden zodra Tryton de login accepteert."),
            },
            new()
            {
                Key = ConfigKeys.ServerUrl, Type = FieldType.Text, Rank = 10, Access = FieldAccess.Mandatory, MaxLength = 300,
                DefaultValue = FieldValue.Text("http://127.0.0.1:8000/"), DisplayName = T("Server URL", "Server-URL"),
                Tooltip = T("The address trytond listens on, without the database name (for example https://erp.example.com/).",
                    "Het adres waarop trytond luistert, zonder databasenaam (bijvoorbeeld https://erp.example.com/)."),
            },
            new()
            {
                Key = ConfigKeys.Database, Type = FieldType.Text, Rank = 20, Access = FieldAccess.Mandatory, MaxLength = 100,
                DisplayName = T("Database", "Database"),
                Tooltip = T("The Tryton database name, as in the Tryton client's login dialog.", "De naam van de Tryton-database, zoals in het inlogvenster van de Tryton-client."),
            },
            new()
            {
                Key = ConfigKeys.UserName, Type = FieldType.Text, Rank = 30, Access = FieldAccess.Mandatory, MaxLength = 100,
                DisplayName = T("User name", "Gebruikersnaam"),
                Tooltip = T("A Tryton user that may read and write parties, addresses and contact mechanisms.",
                    "Een Tryton-gebruiker die relaties, adressen en contactgegevens mag lezen en schrijven."),
            },
            new()
            {
                Key = ConfigKeys.Password, Type = FieldType.Password, Rank = 40, Access = FieldAccess.Mandatory, MaxLength = 200,
                DisplayName = T("Password", "Wachtwoord"),
                Tooltip = T("The user's password; stored encrypted. A refused password is not tried again for 5 minutes: Tryton locks a login after 5 failures.",
                    "Het wachtwoord van de gebruiker; versleuteld opgeslagen. Een geweigerd wachtwoord wordt 5 minuten niet opnieuw geprobeerd: Tryton blokkeert een login na 5 mislukkingen."),
            },
            new()
            {
                Key = ConfigKeys.Company, Type = FieldType.List, ListName = ListNames.Companies, Rank = 50, Access = FieldAccess.Mandatory,
                DisplayName = T("Company", "Bedrijf"),
                Tooltip = T("The Tryton company whose payment terms and price lists are read and written; loaded after a successful login.",
                    "Het Tryton-bedrijf waarvan betalingstermijnen en prijslijsten gelezen en geschreven worden; geladen na een geslaagde login."),
            },
            new()
            {
                Key = ConfigKeys.CustomerCategory, Type = FieldType.List, ListName = ListNames.Categories, Rank = 60, Access = FieldAccess.Mandatory,
                DisplayName = T("Customer category", "Klantcategorie"),
                Tooltip = T("Parties in this party category are customers (partners when also in the supplier category).",
                    "Relaties in deze categorie zijn klanten (partners als ze ook in de leverancierscategorie staan)."),
            },
            new()
            {
                Key = ConfigKeys.SupplierCategory, Type = FieldType.List, ListName = ListNames.Categories, Rank = 70, Access = FieldAccess.Mandatory,
                DisplayName = T("Supplier category", "Leverancierscategorie"),
                Tooltip = T("Parties in this party category are suppliers (partners when also in the customer category).",
                    "Relaties in deze categorie zijn leveranciers (partners als ze ook in de klantcategorie staan)."),
            },
            new()
            {
                Key = ConfigKeys.PersonRelation, Type = FieldType.List, ListName = ListNames.RelationTypes, Rank = 75,
                DisplayName = T("Contact person relation", "Contactpersoonrelatie"),
                Tooltip = T("The party relation type (module party_relationship) that links a person to the party they are a contact of, for example \"Contact person of\". Empty: no persons are synced.",
                    "Het relatietype (module party_relationship) dat een persoon koppelt aan de relatie waarvan hij contactpersoon is, bijvoorbeeld \"Contact person of\". Leeg: er worden geen personen gesynchroniseerd."),
            },
            new()
            {
                Key = ConfigKeys.TimeoutSeconds, Type = FieldType.Integer, Rank = 80, DefaultValue = FieldValue.Integer(ConfigKeys.DefaultTimeoutSeconds),
                DisplayName = T("Request timeout (s)", "Time-out per aanroep (s)"),
                Tooltip = T("How long one JSON-RPC call may take before it counts as a passing failure.", "Hoe lang één JSON-RPC-aanroep mag duren voordat hij als tijdelijke fout telt."),
            },
            new()
            {
                Key = ConfigKeys.OverlapMinutes, Type = FieldType.Integer, Rank = 90, DefaultValue = FieldValue.Integer(ConfigKeys.DefaultOverlapMinutes),
                DisplayName = T("Change overlap (min)", "Overlap wijzigingen (min)"),
                Tooltip = T("Tryton stamps changes with their transaction's start time, so a poll re-reads this many minutes before its cursor. Make it longer than your longest Tryton transaction.",
                    "Tryton stempelt wijzigingen met de starttijd van hun transactie, dus elke ronde leest zoveel minuten vóór de cursor opnieuw. Maak dit langer dan uw langste Tryton-transactie."),
            },
        ];
    }
}
