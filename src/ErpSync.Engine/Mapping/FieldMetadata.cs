using System.Text.Json;
using ErpSync.Connectors;
using ErpSync.Engine.Connections;

namespace ErpSync.Engine.Mapping;

internal static class FieldMetadata
{
    /// <summary>The connector's description of the field, as cached when the fields were last read.</summary>
    public static FieldInfo Info(this FieldMapping row)
    {
        var info = JsonSerializer.Deserialize(row.MetadataJson, ConnectorJsonContext.Default.FieldInfo)
            ?? new FieldInfo { Key = row.FieldKey, DisplayName = row.FieldKey, Type = FieldType.Text };
        return Localization.Text.IsDutch && row.DutchName is { } dutch ? info with { DisplayName = dutch, Tooltip = row.DutchTooltip ?? info.Tooltip } : info;
    }

    public static FieldValue? DefaultValue(this FieldMapping row) =>
        row.DefaultValueJson is { } json ? JsonSerializer.Deserialize(json, ConnectorJsonContext.Default.FieldValue) : null;
}
