using System.Globalization;
using ErpSync.Connectors;
using ErpSync.Engine.Mapping;

namespace ErpSync.Engine.Sync;

/// <summary>
/// Converts between a CRM field's raw value (string, DateOnly, list item id) and a value in the ERP field's terms,
/// so both sides and the base snapshot can be compared. Pure; list values go through the field's list mapping.
/// </summary>
public static class SyncValueConverter
{
    /// <summary>The CRM value in ERP terms. False when a list item has no ERP counterpart.</summary>
    public static bool TryToErp(FieldInfo erp, CrmField crm, object? raw, ListTranslator? lists, out FieldValue? value)
    {
        value = null;
        switch (crm.Type)
        {
            case CrmFieldType.List:
                return (lists ?? new ListTranslator([])).TryToErp(raw as int?, out value);
            case CrmFieldType.Date:
                value = raw is DateOnly date ? new DateValue(new DateTimeOffset(date.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero)) : null;
                return true;
            default:
                var text = raw as string;
                if (string.IsNullOrWhiteSpace(text))
                {
                    return true;
                }

                // A number or checkbox shown in a CRM text field compares as the ERP's type when it parses.
                value = erp.Type is FieldType.Text or FieldType.Password || !FieldValues.TryParse(erp.Type, text, out var parsed) || parsed is null
                    ? new TextValue(text)
                    : parsed;
                return true;
        }
    }

    /// <summary>A date value reduced to its calendar date (in its own offset) at midnight UTC; other values unchanged.</summary>
    public static FieldValue? DatePart(FieldValue? value) =>
        value is DateValue date ? new DateValue(new DateTimeOffset(date.Value.Date, TimeSpan.Zero)) : value;

    /// <summary>The raw CRM value for an ERP value. False when a list key has no CRM counterpart.</summary>
    public static bool TryToCrm(CrmField crm, FieldValue? value, ListTranslator? lists, out object? raw)
    {
        raw = null;
        value = SyncValues.Normalize(value);
        switch (crm.Type)
        {
            case CrmFieldType.List:
                var ok = (lists ?? new ListTranslator([])).TryToCrm(value, out var id);
                raw = id;
                return ok;
            case CrmFieldType.Date:
                raw = value is DateValue date ? DateOnly.FromDateTime(date.Value.DateTime) : null;
                return value is null or DateValue;
            default:
                raw = value switch
                {
                    null => null,
                    DecimalValue d => d.Value.ToString(CultureInfo.InvariantCulture),
                    _ => FieldValues.Format(value),
                };
                return true;
        }
    }
}
