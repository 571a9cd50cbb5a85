using ErpSync.Connectors;

namespace ErpSync.Engine.Sync;

/// <summary>
/// Translates list values between the ERP's item keys and CRM list item ids through a field's list mapping — pure.
/// A value without a mapping cannot be translated; the caller parks the record with an unmapped-value issue.
/// </summary>
public sealed class ListTranslator(IEnumerable<(string ErpKey, int? CrmItemId)> pairs)
{
    private readonly Dictionary<string, int?> _toCrm = pairs.GroupBy(p => p.ErpKey, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First().CrmItemId, StringComparer.Ordinal);

    /// <summary>True when the administrator chose "(No selection)" for this ERP item.</summary>
    public bool IsExplicitlyUnmapped(string erpKey) => _toCrm.TryGetValue(erpKey, out var id) && id is null;

    /// <summary>The CRM item for an ERP key. Ok with a null id only for an empty ERP value; unmapped and "(No selection)" items fail.</summary>
    public bool TryToCrm(FieldValue? erp, out int? crmItemId)
    {
        crmItemId = null;
        if (SyncValues.Normalize(erp) is not ListValue list)
        {
            return true;
        }

        return _toCrm.TryGetValue(list.Key, out crmItemId) && crmItemId is not null;
    }

    /// <summary>The ERP key for a CRM item; fails when no ERP item maps to it.</summary>
    public bool TryToErp(int? crmItemId, out FieldValue? erp)
    {
        erp = null;
        if (crmItemId is null)
        {
            return true;
        }

        var key = _toCrm.FirstOrDefault(p => p.Value == crmItemId).Key;
        erp = key is null ? null : new ListValue(key);
        return key is not null;
    }
}
