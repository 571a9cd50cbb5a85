using System.Text.Json;
using System.Text.Json.Serialization;

namespace ErpSync.Server.Hosting;

/// <summary>How exported connection files are written: indented, camelCase, enums by name (readable in a diff).</summary>
internal static class ExportJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        Converters = { new JsonStringEnumConverter() },
    };

    public static string FileName(string connectionName) =>
        "erpsync-connection-" + string.Concat(connectionName.Select(c => char.IsLetterOrDigit(c) ? char.ToLowerInvariant(c) : '-')).Trim('-') + ".json";
}
