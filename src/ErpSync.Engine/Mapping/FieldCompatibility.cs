using ErpSync.Connectors;
using static ErpSync.Engine.Localization.Text;

namespace ErpSync.Engine.Mapping;

/// <summary>Which directions an ERP field and a CRM field can sync in, and why the others are not offered.</summary>
/// <param name="Directions">The directions that may be chosen (besides None).</param>
/// <param name="Reason">Why some or all directions are disabled; null when all are allowed.</param>
public sealed record Compatibility(IReadOnlySet<FieldDirection> Directions, string? Reason)
{
    public bool CanMap => Directions.Count > 0;

    public bool Allows(FieldDirection direction) => direction == FieldDirection.None || Directions.Contains(direction);
}

/// <summary>
/// The type rules of the Mappings dialog (functional-spec §3.7, B24–B25): lists only to lists, dates to
/// dates, numbers to numbers (or one way into text), checkboxes two-way only with checkboxes; read-only and
/// key fields of the ERP can only flow into the CRM; passwords and labels never map.
/// </summary>
public static class FieldCompatibility
{
    private static readonly HashSet<FieldDirection> All = [FieldDirection.ToCrm, FieldDirection.ToErp, FieldDirection.Both];
    private static readonly HashSet<FieldDirection> IntoCrmOnly = [FieldDirection.ToCrm];
    private static readonly HashSet<FieldDirection> NoneAllowed = [];

    public static Compatibility Check(FieldInfo erp, CrmField crm)
    {
        var byType = ByType(erp.Type, crm.Type);
        if (byType.Directions.Count == 0 || (!erp.IsReadOnly && !erp.IsKey))
        {
            return byType;
        }

        var reason = erp.IsKey
            ? T("This field identifies the ERP record; it can only be copied into the CRM.", "Dit veld identificeert het ERP-record; het kan alleen naar het CRM worden gekopieerd.")
            : T("This field is read-only in the ERP; it can only be copied into the CRM.", "Dit veld is alleen-lezen in het ERP; het kan alleen naar het CRM worden gekopieerd.");
        return new Compatibility(byType.Directions.Intersect(IntoCrmOnly).ToHashSet(), reason);
    }

    /// <summary>The CRM fields an ERP field may be mapped to.</summary>
    public static IEnumerable<CrmField> Candidates(FieldInfo erp, IEnumerable<CrmField> crmFields) =>
        crmFields.Where(c => Check(erp, c).CanMap);

    private static Compatibility ByType(FieldType erp, CrmFieldType crm) => (erp, crm) switch
    {
        (FieldType.Text, CrmFieldType.Text) => new(All, null),
        (FieldType.Integer or FieldType.Decimal, CrmFieldType.Integer or CrmFieldType.Decimal) => new(All, null),
        (FieldType.Integer or FieldType.Decimal, CrmFieldType.Text) => OneWay(T("A number can be copied into a text field, but text cannot be sent back as a number.", "Een getal kan naar een tekstveld worden gekopieerd, maar tekst kan niet als getal worden teruggestuurd.")),
        (FieldType.Checkbox, CrmFieldType.Checkbox) => new(All, null),
        (FieldType.Checkbox, CrmFieldType.Text) => OneWay(T("A checkbox can be copied into a text field, but not synced both ways.", "Een selectievakje kan naar een tekstveld worden gekopieerd, maar niet in beide richtingen worden gesynchroniseerd.")),
        (FieldType.Date, CrmFieldType.Date) => new(All, null),
        (FieldType.List, CrmFieldType.List) => new(All, null),
        (FieldType.Password or FieldType.Label, _) => new(NoneAllowed, T("This kind of field is never synced.", "Dit soort veld wordt nooit gesynchroniseerd.")),
        _ => new(NoneAllowed, T("The field types do not match.", "De veldtypen komen niet overeen.")),
    };

    private static Compatibility OneWay(string reason) => new(IntoCrmOnly, reason);
}
