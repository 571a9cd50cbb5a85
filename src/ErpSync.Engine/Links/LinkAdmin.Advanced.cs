using ErpSync.Connectors;
using ErpSync.Engine.Connections;
using ErpSync.Engine.Mapping;
using static ErpSync.Engine.Localization.Text;

namespace ErpSync.Engine.Links;

public sealed partial class LinkAdmin
{
    /// <summary>The fields "Advanced" search offers (the connector's searchable fields), with their operators and list items.</summary>
    public async Task<IReadOnlyList<SearchableField>> SearchableFieldsAsync(int userId, CrmEntity entity, int connectionId, ActorType actorType, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var (connection, _) = await AuthorizeAsync(db, userId, connectionId, link: true, create: false, cancellationToken);
        var type = LinkableType(connection, entity, actorType);
        var session = await OpenAsync(connection, cancellationToken);
        var result = new List<SearchableField>();
        foreach (var info in type.Fields.Where(f => f.IsSearchable && !f.MissingInErp).OrderBy(f => f.Rank).Select(f => f.Info()))
        {
            IReadOnlyList<ListItem>? items = null;
            if (info.Type == FieldType.List && info.ListName is { } listName && session.Connector is IListProvider lists)
            {
                var read = await lists.GetListAsync(session.Context, listName, cancellationToken);
                items = read.IsOk ? read.Value : [];
            }

            result.Add(new SearchableField(info.Key, info.DisplayName, info.Type, info.ListName, SearchOperators.For(info.Type), items));
        }

        return result;
    }

    /// <summary>Turns the admin's criteria into typed restrictions; every problem is reported per criterion.</summary>
    internal static List<SearchRestriction> Restrictions(IReadOnlyList<FieldMapping> fields, IReadOnlyList<SearchCriterion> criteria)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.OrdinalIgnoreCase);
        var restrictions = new List<SearchRestriction>();
        foreach (var (criterion, index) in criteria.Select((c, i) => (c, i)))
        {
            var info = fields.FirstOrDefault(f => f.IsSearchable && string.Equals(f.FieldKey, criterion.FieldKey, StringComparison.OrdinalIgnoreCase))?.Info();
            var (min, max) = SearchOperators.Arity(criterion.Operator);
            var values = new List<FieldValue>();
            string? problem = info is null ? T($"{criterion.FieldKey} is not a searchable field.", $"{criterion.FieldKey} is geen doorzoekbaar veld.")
                : !SearchOperators.For(info.Type).Contains(criterion.Operator) ? T($"{info.DisplayName} cannot be searched with this operator.", $"{info.DisplayName} kan niet met deze operator worden doorzocht.")
                : criterion.Values.Count < min || criterion.Values.Count > max ? T($"{info.DisplayName}: enter {(min == max ? min.ToString(System.Globalization.CultureInfo.InvariantCulture) : "one or more")} value(s).", $"{info.DisplayName}: voer {(min == max ? min.ToString(System.Globalization.CultureInfo.InvariantCulture) : "een of meer")} waarde(n) in.")
                : null;
            foreach (var text in problem is null ? criterion.Values : [])
            {
                if (FieldValues.TryParse(info!.Type, text, out var value) && value is not null)
                {
                    values.Add(value);
                }
                else
                {
                    problem = T($"\"{text}\" is not a valid value for {info.DisplayName}.", $"\"{text}\" is geen geldige waarde voor {info.DisplayName}.");
                }
            }

            if (problem is not null)
            {
                errors[$"criteria[{index}]"] = [problem];
            }
            else
            {
                restrictions.Add(new SearchRestriction(info!.Key, criterion.Operator, values));
            }
        }

        return errors.Count > 0
            ? throw new UserErrorException(T("Some search criteria are not valid.", "Sommige zoekcriteria zijn niet geldig."), errors)
            : restrictions;
    }
}
