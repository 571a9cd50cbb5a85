using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using ErpSync.Connectors;
using ErpSync.Engine;
using ErpSync.Engine.Connections;
using ErpSync.Engine.Connectors;
using ErpSync.Engine.Crm;
using ErpSync.Engine.Data;
using ErpSync.Engine.Mapping;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace ErpSync.Server.Tests.Cli;

/// <summary>
/// <c>erpsync import</c> run as a process against a server on an empty CRM (and, in direct mode, against a copy of its
/// SQLite database): preview, customers then persons, settings file, plain and JSON output, usage errors.
/// </summary>
public sealed partial class CliImportTests(KestrelErpSyncApp app) : IClassFixture<KestrelErpSyncApp>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Preview_ShowsCountsAndRows_AndWritesNothing()
    {
        var (id, name) = await ConnectionAsync();
        var before = await CountAsync();

        var preview = await RunAsync("import", "--connection", name, "--actor-type", "Customer", "--company-match", "None", "--preview");
        var json = await RunAsync("import", "-c", Text(id), "-a", "Customer", "--company-match", "None", "--dry-run", "--output", "json");

        preview.ExitCode.ShouldBe(0, preview.Error);
        var created = int.Parse(CountsLine().Match(preview.Output).Groups[1].Value, CultureInfo.InvariantCulture);
        created.ShouldBeGreaterThan(0);
        preview.Output.ShouldContain("Outcome\tERP key\tName\tCRM id\tDetails");
        preview.Output.ShouldContain("New\tC10001\t");
        preview.Output.ShouldContain("-> \"");
        json.ExitCode.ShouldBe(0, json.Error);
        using var doc = JsonDocument.Parse(json.Output);
        doc.RootElement.GetProperty("counts").GetProperty("new").GetInt32().ShouldBe(created);
        (await CountAsync()).ShouldBe(before);
    }

    [Fact]
    public async Task CustomersThenPersons_CreatesLinkedRecords_AndAReRunCreatesNothing()
    {
        var (id, _) = await ConnectionAsync();

        var customers = await RunAsync("import", "-c", Text(id), "-a", "Customer", "--company-match", "None");
        var persons = await RunAsync("import", "-c", Text(id), "-a", "Person", "--person-match", "Email", "--missing-company", "Skip");
        var again = await RunAsync("import", "-c", Text(id), "-a", "Person", "--person-match", "Email");

        customers.ExitCode.ShouldBe(0, customers.Output + customers.Error);
        customers.Error.ShouldMatch(@"Import \d+ (Queued|Running): \d+/");
        var summary = Summary().Match(customers.Output.TrimEnd().Split('\n')[^1]);
        summary.Success.ShouldBeTrue(customers.Output);
        int.Parse(summary.Groups["created"].Value, CultureInfo.InvariantCulture).ShouldBeGreaterThan(0);
        persons.ExitCode.ShouldBe(0, persons.Output + persons.Error);
        var personsCreated = int.Parse(Summary().Match(persons.Output).Groups["created"].Value, CultureInfo.InvariantCulture);
        personsCreated.ShouldBeGreaterThan(0);
        persons.Output.ShouldMatch(@"\n  skipped \d+: \S", "persons of suppliers have no company in the CRM; the reason is shown");
        again.ExitCode.ShouldBe(0, again.Output + again.Error);
        Summary().Match(again.Output).Groups["created"].Value.ShouldBe("0");

        await using var db = await app.GetService<IDbContextFactory<ErpSyncDb>>().CreateDbContextAsync(Ct);
        var links = await db.Links.AsNoTracking().Where(l => l.ConnectionId == id).ToListAsync(Ct);
        links.Count(l => l.ActorType == ActorType.Person).ShouldBe(personsCreated);
        using var client = Client();
        var person = await client.GetFromJsonAsync<PersonDetails>($"/api/persons/{links.First(l => l.ActorType == ActorType.Person).CrmRecordId}", ApiJson.Options, Ct);
        links.ShouldContain(l => l.ActorType == ActorType.Customer && l.CrmRecordId == person!.Values.CompanyId);
    }

    [Fact]
    public async Task SettingsFile_FlagsOverrideIt_UnknownSettingsPassThrough_AndJsonParses()
    {
        var (id, _) = await ConnectionAsync();
        await using (var crm = await app.GetService<IDbContextFactory<ErpSyncDb>>().CreateDbContextAsync(Ct))
        {
            // A namesake of C10001: matched by name (the file's setting) it would be skipped; --company-match None creates it.
            crm.Companies.Add(new Company { Name = (await Resync.DemoConnection.ErpNameAsync(app, id, "C10001"))! });
            await crm.SaveChangesAsync(Ct);
        }

        var file = Path.Combine(Path.GetTempPath(), $"erpsync-cli-import-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(file, $$"""
            {
              "connectionId": {{id}},
              "actorType": "Customer",
              "selection": { "keys": ["C10001", "C10002"] },
              "settings": { "CompanyMatch": "Name", "onMatch": "Skip", "aSettingFromTheFuture": { "kept": true } }
            }
            """, Ct);
        try
        {
            var result = await RunAsync("import", "--settings-file", file, "--company-match", "None", "--output", "json");

            result.ExitCode.ShouldBe(0, result.Error);
            using var doc = JsonDocument.Parse(result.Output);
            var job = doc.RootElement.GetProperty("job");
            job.GetProperty("state").GetString().ShouldBe("Completed");
            (job.GetProperty("created").GetInt32(), job.GetProperty("done").GetInt32()).ShouldBe((2, 2));
            doc.RootElement.GetProperty("failedRows").GetArrayLength().ShouldBe(0);
            await using var db = await app.GetService<IDbContextFactory<ErpSyncDb>>().CreateDbContextAsync(Ct);
            (await db.Links.Where(l => l.ConnectionId == id).Select(l => l.ErpKey).OrderBy(k => k).ToListAsync(Ct)).ShouldBe(["C10001", "C10002"]);
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public async Task AmbiguousRow_PreviewShowsTheCandidates_AndPickLinksTheChosenOne()
    {
        var (id, _) = await ConnectionAsync();
        var erpName = (await Resync.DemoConnection.ErpNameAsync(app, id, "C10003"))!;
        int first, second;
        await using (var crm = await app.GetService<IDbContextFactory<ErpSyncDb>>().CreateDbContextAsync(Ct))
        {
            var a = crm.Companies.Add(new Company { Name = erpName }).Entity;
            var b = crm.Companies.Add(new Company { Name = erpName }).Entity;
            await crm.SaveChangesAsync(Ct);
            (first, second) = (a.Id, b.Id);
        }

        var preview = await RunAsync("import", "-c", Text(id), "-a", "Customer", "--keys", "C10003", "--company-match", "Name", "--preview");
        var import = await RunAsync("import", "-c", Text(id), "-a", "Customer", "--keys", "C10003", "--company-match", "Name", "--pick", $"C10003={second}");

        preview.ExitCode.ShouldBe(0, preview.Error);
        preview.Output.ShouldContain("ambiguous 1");
        // Other tests of the class may import namesakes too; these two must be among the candidates.
        var candidates = preview.Output.Split('\n').Single(l => l.StartsWith("Ambiguous\tC10003\t", StringComparison.Ordinal));
        candidates.ShouldContain($"candidates: ");
        candidates.ShouldContain($"{first} {erpName}");
        candidates.ShouldContain($"{second} {erpName}");
        preview.Output.ShouldContain("--pick ERPKEY=CRMID");
        import.ExitCode.ShouldBe(0, import.Output + import.Error);
        await using var db = await app.GetService<IDbContextFactory<ErpSyncDb>>().CreateDbContextAsync(Ct);
        (await db.Links.SingleAsync(l => l.ConnectionId == id, Ct)).CrmRecordId.ShouldBe(second);
    }

    [Fact]
    public async Task NoWait_PrintsTheJob_StatusReportsIt_CancelOfAFinishedJobChangesNothing()
    {
        var (id, _) = await ConnectionAsync();

        var started = await RunAsync("import", "-c", Text(id), "-a", "Customer", "--keys", "C10004", "--company-match", "None", "--no-wait", "--output", "json");
        started.ExitCode.ShouldBe(0, started.Error);
        var job = JsonDocument.Parse(started.Output).RootElement.GetProperty("id").GetInt32();
        CliResult status;
        var polls = 0;
        do
        {
            await Task.Delay(300, Ct);
            status = await RunAsync("import", "status", Text(job));
        }
        while (!status.Output.Contains("Completed", StringComparison.Ordinal) && ++polls < 30);
        var cancel = await RunAsync("import", "cancel", Text(job));
        var unknown = await RunAsync("import", "status", "987654");

        status.ExitCode.ShouldBe(0, status.Error);
        status.Output.ShouldStartWith($"Import {job} Completed: created 1,");
        cancel.ExitCode.ShouldBe(0, cancel.Error);
        cancel.Output.ShouldBe($"Import {job}: Completed.\n");
        unknown.ExitCode.ShouldBe(1);
    }

    [Fact]
    public async Task UsageErrors_Exit2()
    {
        var noConnection = await RunAsync("import", "--actor-type", "Customer");
        var badType = await RunAsync("import", "-c", "1", "-a", "Nonsense");
        var badCriteria = await RunAsync("import", "-c", "1", "-a", "Customer", "--criteria", "NAME");
        var badOperator = await RunAsync("import", "-c", "1", "-a", "Customer", "--criteria", "NAME:Resembles:x");
        var badPick = await RunAsync("import", "-c", "1", "-a", "Customer", "--pick", "C10001");
        var noFile = await RunAsync("import", "--settings-file", "/nonexistent/erpsync-import.json");
        var both = await RunAsync("import", "-c", "1", "-a", "Customer", "--preview", "--no-wait");
        var badDatabase = await RunAsync("connections", "list", "--database", "Server=somewhere");
        var help = await RunAsync("import", "--help");

        noConnection.ExitCode.ShouldBe(2);
        noConnection.Error.ShouldContain("--connection");
        badType.ExitCode.ShouldBe(2);
        badCriteria.ExitCode.ShouldBe(2);
        badOperator.ExitCode.ShouldBe(2);
        badOperator.Error.ShouldContain("Resembles");
        badPick.ExitCode.ShouldBe(2);
        noFile.ExitCode.ShouldBe(2);
        both.ExitCode.ShouldBe(2);
        badDatabase.ExitCode.ShouldBe(2);
        help.ExitCode.ShouldBe(0);
        help.Output.ShouldContain("--settings-file");
        help.Output.ShouldContain("--missing-company");
    }

    [Fact]
    public async Task DirectDatabase_OnACopyOfTheSqliteDatabase_ListsSyncsAndImports()
    {
        var (id, name) = await ConnectionAsync();
        var copy = Path.Combine(Path.GetTempPath(), $"erpsync-cli-direct-{Guid.NewGuid():N}.db");
        await using (var source = new SqliteConnection(app.GetService<ErpSyncOptions>().ResolvedConnectionString))
        {
            // A consistent copy while the server runs; the CLI then works on it as on a stopped server's database.
            await source.OpenAsync(Ct);
            await using var vacuum = new SqliteCommand("VACUUM INTO @file", source);
            vacuum.Parameters.AddWithValue("@file", copy);
            await vacuum.ExecuteNonQueryAsync(Ct);
        }

        try
        {
            var database = $"Data Source={copy}";
            var list = await RunAsync(["connections", "list", "--database", database], server: "http://127.0.0.1:1", token: "esk_unused");
            var sync = await RunAsync(["sync", Text(id), "--wait", "--database", database], server: "http://127.0.0.1:1", token: "esk_unused");
            var import = await RunAsync(["import", "-c", name, "-a", "Customer", "--company-match", "None", "--database", database, "--provider", "sqlite"], server: "http://127.0.0.1:1", token: "esk_unused");
            var test = await RunAsync(["connections", "test", name, "--database", database], server: "http://127.0.0.1:1", token: "esk_unused");
            var export = await RunAsync(["config", "export", Text(id), "--database", database], server: "http://127.0.0.1:1", token: "esk_unused");
            var log = await RunAsync(["log", "tail", "--connection", Text(id), "--output", "json", "--database", database], server: "http://127.0.0.1:1", token: "esk_unused");
            await File.WriteAllTextAsync(copy + ".json", export.Output, Ct);
            var configImport = await RunAsync(["config", "import", copy + ".json", "--name", name + " copy", "--secret", "Password=demo-erp", "--database", database],
                server: "http://127.0.0.1:1", token: "esk_unused");
            var missing = await RunAsync("connections", "list", "--database", $"Data Source={copy}.missing");

            list.ExitCode.ShouldBe(0, list.Error);
            list.Output.ShouldContain($"{id}\t{name}\t");
            sync.ExitCode.ShouldBe(0, sync.Output + sync.Error);
            sync.Output.ShouldMatch(@"Run \d+ Succeeded");
            import.ExitCode.ShouldBe(0, import.Output + import.Error);
            var created = int.Parse(Summary().Match(import.Output).Groups["created"].Value, CultureInfo.InvariantCulture);
            created.ShouldBeGreaterThan(0);
            test.ExitCode.ShouldBe(0, test.Output + test.Error);
            test.Output.ShouldStartWith("OK", customMessage: "the demo ERP's password was decrypted with the key ring in the database");
            export.ExitCode.ShouldBe(0, export.Error);
            export.Output.ShouldContain("erpsync.connection.v1");
            configImport.ExitCode.ShouldBe(0, configImport.Output + configImport.Error);
            configImport.Output.ShouldMatch($"Created connection \\d+ \"{name} copy\"");
            log.ExitCode.ShouldBe(0, log.Error);
            JsonDocument.Parse(log.Output).RootElement.ValueKind.ShouldBe(JsonValueKind.Array);
            missing.ExitCode.ShouldBe(3);
            SqliteConnection.ClearAllPools();
            await using var check = new SqliteConnection($"Data Source={copy}");
            await check.OpenAsync(Ct);
            await using var count = new SqliteCommand($"SELECT COUNT(*) FROM Links WHERE ConnectionId = {id} AND CrmEntity = {(int)CrmEntity.Company}", check);
            Convert.ToInt32(await count.ExecuteScalarAsync(Ct), CultureInfo.InvariantCulture).ShouldBe(created);
            await using var db = await app.GetService<IDbContextFactory<ErpSyncDb>>().CreateDbContextAsync(Ct);
            (await db.Links.CountAsync(l => l.ConnectionId == id, Ct)).ShouldBe(0, "the server's own database is untouched");
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            File.Delete(copy);
            File.Delete(copy + ".json");
        }
    }

    [GeneratedRegex(@"^Preview: new (\d+), changed \d+, unchanged \d+, skipped \d+, ambiguous \d+", RegexOptions.Multiline)]
    private static partial Regex CountsLine();

    [GeneratedRegex(@"Import \d+ Completed: created (?<created>\d+), updated \d+, unchanged \d+, skipped \d+, failed 0")]
    private static partial Regex Summary();

    private static string Text(int value) => value.ToString(CultureInfo.InvariantCulture);

    private HttpClient Client()
    {
        var client = app.CreateClientWithToken(app.Token);
        client.BaseAddress = app.Url;
        return client;
    }

    private async Task<int> CountAsync()
    {
        await using var db = await app.GetService<IDbContextFactory<ErpSyncDb>>().CreateDbContextAsync(Ct);
        return await db.Companies.CountAsync(Ct) + await db.Persons.CountAsync(Ct) + await db.Links.CountAsync(Ct);
    }

    /// <summary>An active demo-ERP connection on a fresh demo file, mapping customers (name) and persons (names, email).</summary>
    private async Task<(int Id, string Name)> ConnectionAsync()
    {
        using var client = Client();
        var name = "Import CLI " + Guid.NewGuid().ToString("N")[..8];
        var demo = (await client.GetFromJsonAsync<List<ConnectorSummary>>("/api/connectors", ApiJson.Options, Ct))!.Single(c => c.BuiltInName == "ErpSync.DemoErp");
        var created = await (await client.PostJsonAsync("/api/connections", new ConnectionInput(name, demo.Id, null, true, [], new Dictionary<string, string?>
        {
            ["DatabaseFile"] = Path.Combine(Path.GetTempPath(), $"erpsync-cli-import-{Guid.NewGuid():N}.db"),
            ["Administration"] = "NL01",
            ["UserName"] = "demo",
            ["Password"] = "demo-erp",
        }))).ReadAsync<ConnectionDetails>();
        (await client.PutJsonAsync($"/api/connections/{created.Id}/mappings/Customer", new ActorTypeMappingInput(true, [new("NAME", "name", FieldDirection.Both, true, false)])))
            .EnsureSuccessStatusCode();
        (await client.PutJsonAsync($"/api/connections/{created.Id}/mappings/Person", new ActorTypeMappingInput(true,
        [
            new("FIRSTNAME", "firstName", FieldDirection.Both, true, false),
            new("LASTNAME", "lastName", FieldDirection.Both, true, false),
            new("EMAIL", "email", FieldDirection.Both, true, false),
        ]))).EnsureSuccessStatusCode();
        (await (await client.PutJsonAsync($"/api/connections/{created.Id}/active", new { active = true })).ReadAsync<ActivationResult>()).IsActive.ShouldBeTrue();
        return (created.Id, name);
    }

    private Task<CliResult> RunAsync(params string[] args) => CliProcess.RunAsync(app, args);

    private Task<CliResult> RunAsync(string[] args, string? server, string? token) => CliProcess.RunAsync(app, args, server, token);
}
