namespace ErpSync.Connectors.DemoErp;

/// <summary>Fields of projects.</summary>
internal static class ProjectFields
{
    public static readonly FieldSpec[] All =
    [
        new("NAME", FieldType.Text, "Name", "Naam", "Project name.", "Naam van het project.", 100, FieldAccess.Mandatory),
        new("NUMBER", FieldType.Text, "Project number", "Projectnummer", "Assigned by the ERP on create; never changes.", "Door het ERP toegekend bij aanmaken; wijzigt nooit.", 20, FieldAccess.ReadOnly, IsKey: true),
        new("TEXT", FieldType.Text, "Description", "Omschrijving", "What the project is about.", "Waar het project over gaat.", 500),
        new("URL", FieldType.Text, "Project site", "Projectsite", "Link to the project site or folder.", "Link naar de projectsite of -map.", 100),
        new("ENDDATE", FieldType.Date, "End date", "Einddatum", "Planned end date.", "Geplande einddatum.", 0),
        new("BUDGET", FieldType.Decimal, "Budget", "Budget", "Approved budget in euro.", "Goedgekeurd budget in euro.", 0),
    ];
}
