using System.Globalization;
using System.Text;

namespace ErpSync.Engine.Sync;

/// <summary>CSV for spreadsheets: RFC 4180 quoting, and cells that a spreadsheet would run as a formula are made text.</summary>
public static class SyncCsv
{
    private static readonly char[] FormulaStarts = ['=', '+', '-', '@', '\t', '\r'];
    private static readonly char[] NeedsQuotes = [',', ';', '"', '\r', '\n'];

    public static string Escape(string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return "";
        }

        if (Array.IndexOf(FormulaStarts, value[0]) >= 0)
        {
            // A leading apostrophe makes Excel and LibreOffice show the cell as text instead of evaluating it.
            value = "'" + value;
        }

        return value.IndexOfAny(NeedsQuotes) >= 0 || value != value.Trim() ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : value;
    }

    public static string Line(IEnumerable<string?> cells) => string.Join(",", cells.Select(Escape));

    /// <summary>The log rows as CSV with a header line, times in UTC ISO 8601.</summary>
    public static string Log(IEnumerable<LogRow> rows)
    {
        var csv = new StringBuilder();
        csv.Append(Line(["Time (UTC)", "Connection", "Record type", "Record id", "Record", "ERP key", "Field", "CRM field", "Direction", "Old value", "New value", "Run"])).Append("\r\n");
        foreach (var row in rows)
        {
            csv.Append(Line([
                row.At.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture), row.ConnectionName, row.Entity.ToString(),
                row.RecordId.ToString(CultureInfo.InvariantCulture), row.RecordName, row.ErpKey, row.FieldKey, row.CrmField, row.Direction, row.OldValue, row.NewValue,
                row.RunId?.ToString(CultureInfo.InvariantCulture),
            ])).Append("\r\n");
        }

        return csv.ToString();
    }
}
