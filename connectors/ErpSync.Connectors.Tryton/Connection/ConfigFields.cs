namespace ErpSync.Connectors.Tryton;

/// <summary>The configuration fields of a Tryton connection.</summary>
internal static class ConfigFields
{
    public static readonly IReadOnlyList<FieldInfo> All =
    [
        new()
        {
            Key = ConfigKeys.Intro, Type = FieldType.Label, Rank = 0,
            DisplayName = "Connects to a Tryton 6.0 server over JSON-RPC. Parties in the customer category sync as customers, "
                + "in the supplier category as suppliers, in both as partners; their contact persons sync as persons.",
        },
        new()
        {
            Key = ConfigKeys.ServerUrl, Type = FieldType.Text, Rank = 10, Access = FieldAccess.Mandatory, MaxLength = 300,
            DefaultValue = FieldValue.Text("http://127.0.0.1:8000/"), DisplayName = "Server URL",
            Tooltip = "The address trytond listens on, without the database name (for example https://erp.example.com/).",
        },
        new()
        {
            Key = ConfigKeys.Database, Type = FieldType.Text, Rank = 20, Access = FieldAccess.Mandatory, MaxLength = 100,
            DisplayName = "Database", Tooltip = "The Tryton database name, as in the Tryton client's login dialog.",
        },
        new()
        {
            Key = ConfigKeys.UserName, Type = FieldType.Text, Rank = 30, Access = FieldAccess.Mandatory, MaxLength = 100,
            DisplayName = "User name", Tooltip = "A Tryton user that may read and write parties, addresses and contact mechanisms.",
        },
        new()
        {
            Key = ConfigKeys.Password, Type = FieldType.Password, Rank = 40, Access = FieldAccess.Mandatory, MaxLength = 200,
            DisplayName = "Password",
            Tooltip = "The user's password; stored encrypted. A refused password is not tried again for 5 minutes: Tryton locks a login after 5 failures.",
        },
        new()
        {
            Key = ConfigKeys.Company, Type = FieldType.List, ListName = ListNames.Companies, Rank = 50, Access = FieldAccess.Mandatory,
            DisplayName = "Company", Tooltip = "The Tryton company whose payment terms and price lists are read and written; loaded after a successful login.",
        },
        new()
        {
            Key = ConfigKeys.CustomerCategory, Type = FieldType.List, ListName = ListNames.Categories, Rank = 60, Access = FieldAccess.Mandatory,
            DisplayName = "Customer category", Tooltip = "Parties in this party category are customers (partners when also in the supplier category).",
        },
        new()
        {
            Key = ConfigKeys.SupplierCategory, Type = FieldType.List, ListName = ListNames.Categories, Rank = 70, Access = FieldAccess.Mandatory,
            DisplayName = "Supplier category", Tooltip = "Parties in this party category are suppliers (partners when also in the customer category).",
        },
        new()
        {
            Key = ConfigKeys.PersonRelation, Type = FieldType.List, ListName = ListNames.RelationTypes, Rank = 75,
            DisplayName = "Contact person relation",
            Tooltip = "The party relation type (module party_relationship) that links a person to the party they are a contact of, for example \"Contact person of\". Empty: no persons are synced.",
        },
        new()
        {
            Key = ConfigKeys.TimeoutSeconds, Type = FieldType.Integer, Rank = 80, DefaultValue = FieldValue.Integer(ConfigKeys.DefaultTimeoutSeconds),
            DisplayName = "Request timeout (s)", Tooltip = "How long one JSON-RPC call may take before it counts as a passing failure.",
        },
        new()
        {
            Key = ConfigKeys.OverlapMinutes, Type = FieldType.Integer, Rank = 90, DefaultValue = FieldValue.Integer(ConfigKeys.DefaultOverlapMinutes),
            DisplayName = "Change overlap (min)",
            Tooltip = "Tryton stamps changes with their transaction's start time, so a poll re-reads this many minutes before its cursor. Make it longer than your longest Tryton transaction.",
        },
    ];
}
