using System.Globalization;
using Microsoft.Data.Sqlite;

namespace ErpSync.Connectors.DemoErp;

/// <summary>Converts typed field values to SQLite column values and back.</summary>
internal static class SqlValues
{
    private const string DateFormat = "yyyy-MM-dd";

    public static object ToDb(FieldType type, FieldValue? value) => value switch
    {
        null => DBNull.Value,
        _ when FieldValues.IsEmpty(value) => DBNull.Value,
        TextValue t => t.Value,
        ListValue l => l.Key,
        IntegerValue i when type == FieldType.Decimal => (double)i.Value,
        IntegerValue i => i.Value,
        DecimalValue d => (double)d.Value,
        BooleanValue b => b.Value ? 1L : 0L,
        // Date fields are date-only: keep the calendar date the caller wrote, whatever its offset.
        DateValue d => FormatDate(d.Value),
        _ => value.ToInvariantString(),
    };

    public static string FormatDate(DateTimeOffset value) => value.Date.ToString(DateFormat, CultureInfo.InvariantCulture);

    public static FieldValue? FromDb(FieldType type, SqliteDataReader reader, int ordinal)
    {
        if (reader.IsDBNull(ordinal))
        {
            return null;
        }

        return type switch
        {
            FieldType.Decimal => new DecimalValue(Math.Round((decimal)reader.GetDouble(ordinal), 4)),
            FieldType.Integer => new IntegerValue(reader.GetInt64(ordinal)),
            FieldType.Checkbox => new BooleanValue(reader.GetInt64(ordinal) != 0),
            FieldType.List => new ListValue(reader.GetString(ordinal)),
            FieldType.Date => new DateValue(ParseDate(reader.GetString(ordinal))),
            _ => new TextValue(reader.GetString(ordinal)),
        };
    }

    public static DateTimeOffset ParseDate(string text) =>
        new(DateTime.ParseExact(text, DateFormat, CultureInfo.InvariantCulture), TimeSpan.Zero);

    public static string FormatMoment(DateTimeOffset value) => value.ToUniversalTime().ToString("O", CultureInfo.InvariantCulture);

    public static DateTimeOffset ParseMoment(string text) => DateTimeOffset.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind);
}
