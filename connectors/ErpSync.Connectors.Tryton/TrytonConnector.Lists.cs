using System.Text.Json.Nodes;

namespace ErpSync.Connectors.Tryton;

/// <summary>Lists: companies, categories, countries, subdivisions, payment terms, price lists, languages, currencies, relation types.</summary>
public sealed partial class TrytonConnector
{
    /// <inheritdoc/>
    /// <remarks>The configuration lists (companies, categories, relation types) need only a working login: the company is not chosen yet.</remarks>
    public async ValueTask<ConnectorResult<IReadOnlyList<ListItem>>> GetListAsync(ConnectorContext context, string listName, CancellationToken cancellationToken)
    {
        if (!ListNames.Sources.TryGetValue(listName, out var source))
        {
            return ConnectorResults.Fail<IReadOnlyList<ListItem>>(ErrorCode.NotSupported,
                context.T($"The Tryton connector has no list '{listName}'.", $"De Tryton-connector heeft geen lijst '{listName}'."));
        }

        var settings = SettingsParser.Parse(context.Configuration, needCompany: false, context.IsDutch);
        if (!settings.IsOk)
        {
            return settings.Error;
        }

        try
        {
            var client = new TrytonClient(Http, _sessions, settings.Value, context.IsDutch);
            var columns = source.KeyField is null ? new JsonArray(source.TextField) : new JsonArray(source.KeyField, source.TextField);
            var rows = await client.ModelAsync(source.Model, "search_read",
                [new JsonArray(), 0, null, new JsonArray(new JsonArray(source.KeyField ?? "id", "ASC")), columns], cancellationToken);
            return rows.EnumerateArray()
                .Select(r => new ListItem(
                    source.KeyField is null ? TrytonJson.Key(r.GetProperty("id").GetInt64()) : TrytonJson.ReadText(TrytonJson.Get(r, source.KeyField)) ?? "",
                    TrytonJson.ReadText(TrytonJson.Get(r, source.TextField)) ?? ""))
                .Where(i => i.Key.Length > 0)
                .ToArray();
        }
        catch (TrytonException e)
        {
            return e.Error;
        }
    }

    /// <inheritdoc/>
    public async ValueTask<ConnectorResult<IReadOnlyList<ListItem>>> GetListItemsAsync(ConnectorContext context, string listName, IReadOnlyList<string> keys, CancellationToken cancellationToken)
    {
        var all = await GetListAsync(context, listName, cancellationToken);
        if (!all.IsOk)
        {
            return all;
        }

        var wanted = keys.ToHashSet(StringComparer.Ordinal);
        return all.Value.Where(i => wanted.Contains(i.Key)).ToArray();
    }
}
