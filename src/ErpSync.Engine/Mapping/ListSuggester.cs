using System.Globalization;
using System.Text;
using ErpSync.Connectors;

namespace ErpSync.Engine.Mapping;

/// <summary>
/// The "Suggest" action of List mapping: pairs ERP items with CRM items whose code equals the ERP key or whose
/// name equals the ERP text, ignoring case and accents. One-to-one; choices already made are kept.
/// </summary>
public static class ListSuggester
{
    public static IReadOnlyDictionary<string, int> Suggest(IReadOnlyList<ListItem> erpItems, IReadOnlyList<CrmListItemOption> crmItems, IReadOnlyDictionary<string, int?> current)
    {
        var result = new Dictionary<string, int>(StringComparer.Ordinal);
        var taken = current.Values.Where(v => v is not null).Select(v => v!.Value).ToHashSet();
        foreach (var (key, value) in current)
        {
            if (value is { } id)
            {
                result[key] = id;
            }
        }

        foreach (var erp in erpItems.Where(e => !current.ContainsKey(e.Key) || current[e.Key] is null))
        {
            var match = crmItems.FirstOrDefault(c => !taken.Contains(c.Id) && c.Code is not null && Normalize(c.Code) == Normalize(erp.Key))
                ?? crmItems.FirstOrDefault(c => !taken.Contains(c.Id) && (Normalize(c.Name) == Normalize(erp.Text) || (c.Code is not null && Normalize(c.Code) == Normalize(erp.Text))));
            if (match is not null)
            {
                result[erp.Key] = match.Id;
                taken.Add(match.Id);
            }
        }

        return result;
    }

    /// <summary>Lower case without diacritics: "Österreich" and "osterreich" compare equal.</summary>
    public static string Normalize(string text)
    {
        var decomposed = text.Trim().Normalize(NormalizationForm.FormD);
        var builder = new StringBuilder(decomposed.Length);
        foreach (var c in decomposed.Where(c => CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark))
        {
            builder.Append(char.ToLowerInvariant(c));
        }

        return builder.ToString().Normalize(NormalizationForm.FormC);
    }

    /// <summary>ERP keys whose CRM item is also chosen for another ERP item (shown red, Save refused).</summary>
    public static IReadOnlySet<string> Duplicates(IEnumerable<ListItemInput> items) =>
        items.Where(i => i.CrmListItemId is not null).GroupBy(i => i.CrmListItemId).Where(g => g.Count() > 1)
            .SelectMany(g => g.Select(i => i.ErpKey)).ToHashSet(StringComparer.Ordinal);
}
