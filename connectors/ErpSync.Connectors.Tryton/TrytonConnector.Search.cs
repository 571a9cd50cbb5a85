using System.Text.Json.Nodes;

namespace ErpSync.Connectors.Tryton;

/// <summary>Searching and lists.</summary>
public sealed partial class TrytonConnector
{
    /// <summary>How many matching parties a search classifies at most; the actor type is told apart after reading.</summary>
    private const int SearchWindow = 1000;

    /// <inheritdoc/>
    public ValueTask<ConnectorResult<IReadOnlyList<FieldInfo>>> GetSearchableFieldsAsync(ConnectorContext context, ActorType actorType, CancellationToken cancellationToken) =>
        RunAsync<IReadOnlyList<FieldInfo>>(context, async client => Unsupported(client, actorType) is { } error
            ? error
            : (await FieldCatalog.ReadAsync(client, actorType, cancellationToken))
                .Where(f => SearchTarget.For(actorType).Any(t => t.Field == f.Key)).ToArray());

    /// <inheritdoc/>
    /// <remarks>Matches the text against the party's name and code (Tryton's <c>rec_name</c>), e-mail and phone values.</remarks>
    public ValueTask<ConnectorResult<SearchPage>> SearchAsync(ConnectorContext context, SearchRequest request, CancellationToken cancellationToken) =>
        RunAsync(context, client =>
        {
            var domain = new JsonArray();
            if (!string.IsNullOrWhiteSpace(request.Text))
            {
                var like = "%" + request.Text.Trim() + "%";
                domain.Add(new JsonArray("OR", new JsonArray("rec_name", "ilike", like), new JsonArray("contact_mechanisms.value", "ilike", like)));
            }

            if (request.ParentKey is not null && client.Settings.PersonRelation is { } relation)
            {
                domain.Add(new JsonArray("relations.to", "=", TrytonJson.ParseKey(request.ParentKey) ?? 0));
                domain.Add(new JsonArray("relations.type", "=", relation));
            }

            return SearchAsync(client, request.ActorType, domain, request.Fields, request.Page, cancellationToken);
        });

    /// <inheritdoc/>
    /// <remarks>Restrictions become a Tryton domain (<see cref="DomainTranslator"/>); the actor type is told apart after reading, as in free-text search.</remarks>
    public ValueTask<ConnectorResult<SearchPage>> SearchAdvancedAsync(ConnectorContext context, AdvancedSearchRequest request, CancellationToken cancellationToken) =>
        RunAsync(context, client =>
        {
            var (domain, problem) = DomainTranslator.Translate(SearchTarget.For(request.ActorType), request.Restrictions, client.Settings.PersonRelation, context.IsDutch);
            return domain is null
                ? Task.FromResult(ConnectorResults.Fail<SearchPage>(ErrorCode.Validation, problem!))
                : SearchAsync(client, request.ActorType, domain, request.Fields, request.Page, cancellationToken);
        });

    private async Task<ConnectorResult<SearchPage>> SearchAsync(TrytonClient client, ActorType type, JsonArray domain, IReadOnlyList<string> fields, PageRequest page, CancellationToken ct)
    {
        if (Unsupported(client, type) is { } error)
        {
            return error;
        }

        var found = await client.ModelAsync("party.party", "search", [domain, 0, SearchWindow, new JsonArray(new JsonArray("name", "ASC"), new JsonArray("id", "ASC"))], ct);
        var ids = TrytonJson.ReadIds(found);

        // Classify the whole window from two light columns, then read whole parties only for the page shown: a count
        // (one row asked for) used to read a thousand parties with all their children.
        var types = await PartyReader.ClassifyAsync(client, ids, ct);
        var matching = ids.Where(id => types.TryGetValue(id, out var t) && t == type).ToList();
        var shown = matching.Skip(page.Skip).Take(page.Take).ToList();
        var parties = await PartyReader.ReadAsync(client, shown, client.Settings.PersonRelation, ct);
        var window = shown.Where(parties.ContainsKey).Select(id => parties[id]).ToList();
        var codes = new CodeLookup(client);
        await ActorMapper.LoadCodesAsync(codes, window, ct, fields);
        return new SearchPage([.. window.Select(p => ActorMapper.ToActor(p, type, fields, codes))], ids.Count < SearchWindow ? matching.Count : null,
            page.Skip + window.Count < matching.Count);
    }
}
