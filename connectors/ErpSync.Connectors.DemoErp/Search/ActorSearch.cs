using System.Globalization;

namespace ErpSync.Connectors.DemoErp;

/// <summary>Runs free-text and advanced searches over active actors, ordered by display name, with a total count.</summary>
internal static class ActorSearch
{
    public const int MaxTake = 1_000;

    public static Task<ConnectorResult<SearchPage>> FreeTextAsync(DemoErpSession session, SearchRequest request, CancellationToken cancellationToken)
    {
        var where = "";
        var parameters = new List<(string Name, object Value)>();
        if (!string.IsNullOrWhiteSpace(request.ParentKey))
        {
            where += " AND parent_key = @parent";
            parameters.Add(("@parent", request.ParentKey));
        }

        if (!string.IsNullOrWhiteSpace(request.Text))
        {
            where += " AND (" + string.Join(" OR ", ActorSchema.FreeTextColumns(request.ActorType).Select(c => $"instr(ulower({c}), @text) > 0")) + ")";
            parameters.Add(("@text", request.Text.Trim().ToLowerInvariant()));
        }

        return PageAsync(session, request.ActorType, where, parameters, request.Fields, request.Page, cancellationToken);
    }

    public static Task<ConnectorResult<SearchPage>> AdvancedAsync(DemoErpSession session, AdvancedSearchRequest request, CancellationToken cancellationToken)
    {
        var sql = new RestrictionSql(request.ActorType, session.Dutch);
        foreach (var restriction in request.Restrictions)
        {
            if (sql.Add(restriction) is { } problem)
            {
                return Task.FromResult(ConnectorResults.Fail<SearchPage>(ErrorCode.Validation, problem));
            }
        }

        return PageAsync(session, request.ActorType, sql.Where, sql.Parameters, request.Fields, request.Page, cancellationToken);
    }

    private static async Task<ConnectorResult<SearchPage>> PageAsync(
        DemoErpSession session, ActorType type, string where, List<(string Name, object Value)> parameters,
        IReadOnlyList<string> fields, PageRequest page, CancellationToken cancellationToken)
    {
        if (page.Skip < 0 || page.Take is < 1 or > MaxTake)
        {
            return ConnectorResults.Fail<SearchPage>(ErrorCode.Validation, Texts.T(session.Dutch,
                $"Skip must be 0 or more and take between 1 and {MaxTake}.", $"Skip moet 0 of meer zijn en take tussen 1 en {MaxTake} liggen."));
        }

        var reader = new ActorReader(type, fields);
        var filter = $"FROM actors WHERE admin = @admin AND type = @type AND status = 0{where}";
        await using var connection = await session.Database.ConnectAsync(cancellationToken);
        await using var count = ActorWriter.Command(connection, null, "SELECT COUNT(*) " + filter);
        await using var select = ActorWriter.Command(connection, null, $"SELECT {reader.SelectList} {filter} ORDER BY ulower(display_name), key LIMIT @take OFFSET @skip");
        foreach (var command in new[] { count, select })
        {
            command.Parameters.AddWithValue("@admin", session.Administration);
            command.Parameters.AddWithValue("@type", (int)type);
            foreach (var (name, value) in parameters)
            {
                command.Parameters.AddWithValue(name, value);
            }
        }

        select.Parameters.AddWithValue("@take", page.Take);
        select.Parameters.AddWithValue("@skip", page.Skip);
        var total = Convert.ToInt32(await count.ExecuteScalarAsync(cancellationToken), CultureInfo.InvariantCulture);
        var actors = new List<Actor>();
        await using (var rows = await select.ExecuteReaderAsync(cancellationToken))
        {
            while (await rows.ReadAsync(cancellationToken))
            {
                actors.Add(reader.ReadActor(rows));
            }
        }

        return new SearchPage(actors, total, page.Skip + actors.Count < total);
    }
}
