using System.Runtime.CompilerServices;
using ErpSync.Connectors;
using static ErpSync.Engine.Localization.Text;

namespace ErpSync.Engine.Import;

/// <summary>One row of the criteria grid (functional spec §3.14 step 4): values as text, parsed by the field's type; list values are item keys.</summary>
public sealed record ImportCriterion(string FieldKey, SearchOperator Operator, IReadOnlyList<string?> Values);

/// <summary>A searchable ERP field with the operators its type allows.</summary>
public sealed record ImportSearchField(string Key, string Name, FieldType Type, IReadOnlyList<SearchOperator> Operators);

public sealed partial class ImportAdmin
{
    /// <summary>The connector's searchable fields of the actor type; empty when it cannot search.</summary>
    public async Task<IReadOnlyList<ImportSearchField>> SearchFieldsAsync(int connectionId, ActorType actorType, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var (connection, _) = await LoadAsync(db, connectionId, actorType, cancellationToken);
        var session = await OpenAsync(connection, cancellationToken);
        return (await SearchableFieldsAsync(session, actorType, cancellationToken)).Select(f => new ImportSearchField(f.Key, f.DisplayName, f.Type, SearchOperators.For(f.Type))).ToList();
    }

    private static async Task<IReadOnlyList<FieldInfo>> SearchableFieldsAsync(Session session, ActorType actorType, CancellationToken cancellationToken) =>
        session.Connector is ISearchableConnector searchable ? Check(await searchable.GetSearchableFieldsAsync(session.Context, actorType, cancellationToken)) : [];

    /// <summary>The criteria as connector restrictions; refuses unknown fields, operators the type does not allow, wrong value counts and unparsable values.</summary>
    private static async Task<IReadOnlyList<SearchRestriction>> RestrictionsAsync(Session session, ActorType actorType, IReadOnlyList<ImportCriterion> criteria,
        CancellationToken cancellationToken)
    {
        var fields = (await SearchableFieldsAsync(session, actorType, cancellationToken)).ToDictionary(f => f.Key, StringComparer.OrdinalIgnoreCase);
        var result = new List<SearchRestriction>();
        foreach (var criterion in criteria)
        {
            if (!fields.TryGetValue(criterion.FieldKey, out var field))
            {
                throw UserErrorException.Field(criterion.FieldKey, T($"{criterion.FieldKey} cannot be searched.", $"Op {criterion.FieldKey} kan niet worden gezocht."));
            }

            var (min, max) = SearchOperators.Arity(criterion.Operator);
            var texts = criterion.Values.Where(v => !string.IsNullOrWhiteSpace(v)).ToList();
            if (!SearchOperators.For(field.Type).Contains(criterion.Operator) || texts.Count < min || texts.Count > max)
            {
                throw UserErrorException.Field(criterion.FieldKey, T($"Check the operator and value of {field.DisplayName}.", $"Controleer de operator en waarde van {field.DisplayName}."));
            }

            var values = new List<FieldValue>();
            foreach (var text in texts)
            {
                if (!FieldValues.TryParse(field.Type, text!.Trim(), out var value) || value is null)
                {
                    throw UserErrorException.Field(criterion.FieldKey, T($"\"{text}\" is not a valid value for {field.DisplayName}.", $"\"{text}\" is geen geldige waarde voor {field.DisplayName}."));
                }

                values.Add(value);
            }

            result.Add(new SearchRestriction(field.Key, criterion.Operator, values));
        }

        return result;
    }

    private static async IAsyncEnumerable<IReadOnlyList<Actor>> AdvancedPagesAsync(Session session, ActorType actorType, IReadOnlyList<SearchRestriction> restrictions,
        IReadOnlyList<string> fields, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var searchable = (ISearchableConnector)session.Connector;
        var skip = 0;
        while (true)
        {
            var page = Check(await searchable.SearchAdvancedAsync(session.Context, new AdvancedSearchRequest(actorType, restrictions, [], new PageRequest(skip, PageSize)), cancellationToken));
            if (page.Actors.Count > 0)
            {
                yield return Check(await session.Connector.GetActorsAsync(session.Context, new GetActorsRequest(actorType, page.Actors.Select(a => a.Key).ToList(), fields), cancellationToken));
            }

            if (!page.HasMore || page.Actors.Count == 0)
            {
                yield break;
            }

            skip += page.Actors.Count;
        }
    }

    private static async Task<int?> CountAsync(Session session, ActorType actorType, ImportSelection selection, CancellationToken cancellationToken)
    {
        if (selection.Keys is { } keys)
        {
            return keys.Distinct(StringComparer.Ordinal).Count();
        }

        if (session.Connector is not ISearchableConnector searchable)
        {
            return null;
        }

        var first = selection.Criteria is { Count: > 0 } criteria
            ? await searchable.SearchAdvancedAsync(session.Context, new AdvancedSearchRequest(actorType, await RestrictionsAsync(session, actorType, criteria, cancellationToken), [], new PageRequest(0, 1)), cancellationToken)
            : await searchable.SearchAsync(session.Context, new SearchRequest(actorType, selection.Text?.Trim(), [], new PageRequest(0, 1)), cancellationToken);
        return first.IsOk ? first.Value.Total : null;
    }

}
