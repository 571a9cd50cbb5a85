using ErpSync.Connectors;
using ErpSync.Engine.Connections;
using static ErpSync.Engine.Localization.Text;

namespace ErpSync.Engine.Mapping;

/// <summary>
/// What must hold before a connection may be activated (issue 3, "Activation rules"), as a pure check over
/// the stored mapping and the ERP items of its mapped list fields.
/// </summary>
public static class ActivationRules
{
    /// <param name="connection">The connection with actor types, fields and list item mappings loaded.</param>
    /// <param name="erpListKeys">ERP item keys of each mapped list field's list, by list name.</param>
    public static IReadOnlyList<string> Check(Connection connection, IReadOnlyDictionary<string, IReadOnlyList<string>> erpListKeys)
    {
        var problems = new List<string>();
        foreach (var type in connection.ActorTypes.Where(a => a.IsActive).OrderBy(a => a.ActorType))
        {
            var prefix = $"{type.LocalizedName}: ";
            if (type.MissingInErp)
            {
                problems.Add(prefix + T("the connector no longer offers this actor type; switch its sync off.", "de connector biedt dit actortype niet meer aan; schakel de synchronisatie ervan uit."));
                continue;
            }

            foreach (var field in type.Fields.OrderBy(f => f.Rank))
            {
                var info = field.Info();
                if (field.MissingInErp && (field.CrmField is not null || field.HasDefault || field.AskUser))
                {
                    problems.Add(prefix + T($"the field {info.DisplayName} is mapped but missing in the ERP; remove its mapping.", $"het veld {info.DisplayName} is toegewezen maar ontbreekt in het ERP; verwijder de toewijzing."));
                    continue;
                }

                if (type.CanCreate && info.IsMandatory && !info.IsReadOnly && !info.IsKey && !field.MissingInErp && !field.ToErp && !field.HasDefault && !field.AskUser)
                {
                    problems.Add(prefix + T($"the ERP requires {info.DisplayName}; map it from the CRM to the ERP, or give it a default or \"ask user\".",
                        $"het ERP vereist {info.DisplayName}; wijs het toe van CRM naar ERP, of geef het een standaardwaarde of \"gebruiker vragen\"."));
                }

                if (info.Type == FieldType.List && field.CrmField is not null && field.Direction != FieldDirection.None && info.ListName is { } listName)
                {
                    var reviewed = field.ListItems.Select(i => i.ErpItemKey).ToHashSet(StringComparer.Ordinal);
                    var open = erpListKeys.GetValueOrDefault(listName, []).Where(k => !reviewed.Contains(k)).ToList();
                    if (open.Count > 0)
                    {
                        problems.Add(prefix + T($"{open.Count} item(s) of the list {info.DisplayName} are not mapped yet ({Preview(open)}); map them or choose \"(No selection)\" in List mapping.",
                            $"{open.Count} item(s) van de lijst {info.DisplayName} zijn nog niet toegewezen ({Preview(open)}); wijs ze toe of kies \"(Geen selectie)\" in Lijsttoewijzing."));
                    }
                }
            }
        }

        return problems;
    }

    private static string Preview(IReadOnlyList<string> keys) => string.Join(", ", keys.Take(5)) + (keys.Count > 5 ? ", …" : "");
}
