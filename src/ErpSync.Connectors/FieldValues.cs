using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace ErpSync.Connectors;

/// <summary>Converts between user input (invariant text) and typed <see cref="FieldValue"/>s, and compares values.</summary>
public static class FieldValues
{
    /// <summary>
    /// Parses invariant text into a value of <paramref name="type"/>. Blank text gives null (no value),
    /// except for text and password fields, where it gives null too: an empty text is "not set".
    /// </summary>
    /// <returns>False when <paramref name="text"/> is not a valid value of the type.</returns>
    public static bool TryParse(FieldType type, string? text, out FieldValue? value)
    {
        value = null;
        if (string.IsNullOrWhiteSpace(text))
        {
            return true;
        }

        var trimmed = text.Trim();
        switch (type)
        {
            case FieldType.Text:
            case FieldType.Password:
                value = new TextValue(text);
                return true;
            case FieldType.Integer when long.TryParse(trimmed, NumberStyles.Integer, CultureInfo.InvariantCulture, out var i):
                value = new IntegerValue(i);
                return true;
            case FieldType.Decimal when decimal.TryParse(trimmed, NumberStyles.Float, CultureInfo.InvariantCulture, out var d):
                value = new DecimalValue(d);
                return true;
            case FieldType.Checkbox when TryParseBoolean(trimmed, out var b):
                value = new BooleanValue(b);
                return true;
            case FieldType.Date when DateTimeOffset.TryParse(trimmed, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var dt):
                value = new DateValue(dt);
                return true;
            case FieldType.List:
                value = new ListValue(trimmed);
                return true;
            default:
                return false;
        }
    }

    /// <summary>The invariant text of a value as an input widget shows it (dates as <c>yyyy-MM-dd</c> when they have no time).</summary>
    public static string Format(FieldValue? value) => value switch
    {
        null => "",
        DateValue { Value: var dt } when dt.TimeOfDay == TimeSpan.Zero => dt.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        _ => value.ToInvariantString(),
    };

    /// <summary>Whether <paramref name="value"/> is of the kind a field of <paramref name="type"/> holds.</summary>
    public static bool Fits(FieldType type, [NotNullWhen(true)] FieldValue? value) => (type, value) switch
    {
        (FieldType.Text or FieldType.Password, TextValue) => true,
        (FieldType.Integer, IntegerValue) => true,
        (FieldType.Decimal, DecimalValue or IntegerValue) => true,
        (FieldType.Checkbox, BooleanValue) => true,
        (FieldType.Date, DateValue) => true,
        (FieldType.List, ListValue) => true,
        _ => false,
    };

    /// <summary>True when the value counts as empty: null, or blank text.</summary>
    public static bool IsEmpty([NotNullWhen(false)] FieldValue? value) =>
        value is null || (value is TextValue t && string.IsNullOrWhiteSpace(t.Value)) || (value is ListValue l && string.IsNullOrWhiteSpace(l.Key));

    private static bool TryParseBoolean(string text, out bool value)
    {
        switch (text.ToUpperInvariant())
        {
            case "TRUE" or "1" or "YES" or "ON":
                value = true;
                return true;
            case "FALSE" or "0" or "NO" or "OFF":
                value = false;
                return true;
            default:
                value = false;
                return false;
        }
    }
}
