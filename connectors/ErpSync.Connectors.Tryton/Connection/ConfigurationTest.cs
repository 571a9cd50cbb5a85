using System.Text.Json.Nodes;

namespace ErpSync.Connectors.Tryton;

/// <summary>The configuration test: server, database, login, company, categories and rights, one check each, stopping at the first failure.</summary>
internal static class ConfigurationTest
{
    private static readonly string[] SyncModels = ["party.party", "party.address", "party.contact_mechanism", "party.identifier"];
    private static readonly string[] Rights = ["read", "write", "create"];

    public static async Task<TestResult> RunAsync(TrytonClient client, CancellationToken ct)
    {
        var checks = new List<TestCheck> { new(client.T("Configuration complete", "Configuratie compleet"), true) };
        var settings = client.Settings;
        var step = client.T("Server", "Server");
        try
        {
            var version = await client.RootAsync("common.server.version", ct);
            checks.Add(new(step, true, $"Tryton {version.GetString()}"));

            step = client.T("Database", "Database");
            var databases = await client.RootAsync("common.db.list", ct);
            if (!databases.EnumerateArray().Any(d => d.GetString() == settings.Database))
            {
                return Fail(checks, step, ErrorCode.InvalidConfiguration, client.T($"The server has no database '{settings.Database}'.", $"De server heeft geen database '{settings.Database}'."));
            }

            checks.Add(new(step, true, settings.Database));
            step = client.T("Login", "Inloggen");
            await client.LoginAsync(null, ct);
            checks.Add(new(step, true, settings.User));

            step = client.T("Company", "Bedrijf");
            if (settings.Company is not { } company)
            {
                return Fail(checks, step, ErrorCode.InvalidConfiguration, client.T("Choose the Tryton company this connection syncs with.", "Kies het Tryton-bedrijf waarmee deze verbinding synchroniseert."));
            }

            var companyName = await NameAsync(client, "company.company", company, ct);
            if (companyName is null)
            {
                return Fail(checks, step, ErrorCode.InvalidConfiguration, client.T($"Tryton has no company {company}.", $"Tryton heeft geen bedrijf {company}."));
            }

            checks.Add(new(step, true, companyName));
            step = client.T("Party categories", "Relatiecategorieën");
            foreach (var category in new[] { settings.CustomerCategory, settings.SupplierCategory })
            {
                if (category is null || await NameAsync(client, "party.category", category.Value, ct) is null)
                {
                    return Fail(checks, step, ErrorCode.InvalidConfiguration, client.T("Choose existing party categories for customers and suppliers.", "Kies bestaande relatiecategorieën voor klanten en leveranciers."));
                }
            }

            checks.Add(new(step, true));
            step = client.T("Rights", "Rechten");
            var models = settings.PersonRelation is null ? SyncModels : [.. SyncModels, "party.relation.all"];
            var access = await client.ModelAsync("ir.model.access", "get_access", [new JsonArray([.. models.Select(m => (JsonNode)m)])], ct);
            var missing = models.Where(m => !(access.TryGetProperty(m, out var a)
                && Rights.All(r => TrytonJson.ReadBoolean(TrytonJson.Get(a, r))))).ToArray();
            if (missing.Length > 0)
            {
                return Fail(checks, step, ErrorCode.Forbidden, client.T($"The user may not read, write and create {string.Join(", ", missing)}.", $"De gebruiker mag {string.Join(", ", missing)} niet lezen, schrijven en aanmaken."));
            }

            checks.Add(new(step, true, client.T("read, write and create ", "lezen, schrijven en aanmaken: ") + string.Join(", ", models)));
            return TestResult.Success(client.T($"Connected to Tryton {version.GetString()}, database {settings.Database}, company {companyName}.",
                $"Verbonden met Tryton {version.GetString()}, database {settings.Database}, bedrijf {companyName}."), [.. checks]);
        }
        catch (TrytonException e)
        {
            return Fail(checks, step, e.Error.Code, e.Error.Message);
        }
    }

    private static async Task<string?> NameAsync(TrytonClient client, string model, long id, CancellationToken ct)
    {
        var rows = await client.ModelAsync(model, "search_read", [new JsonArray(new JsonArray("id", "=", id)), 0, 1, null, new JsonArray("rec_name")], ct);
        return rows.GetArrayLength() == 1 ? TrytonJson.ReadText(TrytonJson.Get(rows[0], "rec_name")) : null;
    }

    private static TestResult Fail(List<TestCheck> checks, string step, ErrorCode code, string message)
    {
        checks.Add(new TestCheck(step, false, message));
        return TestResult.Failure(code, message, [.. checks]);
    }
}
