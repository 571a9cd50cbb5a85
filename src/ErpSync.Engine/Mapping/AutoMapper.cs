using System.Text.Json;
using ErpSync.Engine.Connections;

namespace ErpSync.Engine.Mapping;

/// <summary>
/// The known ERP field names (functional-spec §3.7, shipped as data in automap.json) and the CRM field
/// each maps to. Automatic mapping pairs fields but never sets a direction.
/// </summary>
public static class AutoMapper
{
    private static readonly Lazy<Dictionary<CrmEntity, Dictionary<string, string>>> Table = new(Load);

    /// <summary>The CRM field for an ERP field key (case-insensitive), or null.</summary>
    public static string? CrmFieldFor(CrmEntity entity, string erpFieldKey) =>
        Table.Value.TryGetValue(entity, out var map) ? map.GetValueOrDefault(erpFieldKey) : null;

    private static Dictionary<CrmEntity, Dictionary<string, string>> Load()
    {
        using var stream = typeof(AutoMapper).Assembly.GetManifestResourceStream("ErpSync.automap.json")
            ?? throw new InvalidOperationException("automap.json is not embedded.");
        var raw = JsonSerializer.Deserialize<Dictionary<string, Dictionary<string, string>>>(stream) ?? [];
        return raw.ToDictionary(
            p => Enum.Parse<CrmEntity>(p.Key),
            p => new Dictionary<string, string>(p.Value, StringComparer.OrdinalIgnoreCase));
    }
}
