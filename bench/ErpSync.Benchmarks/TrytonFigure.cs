using System.Text.Json;
using System.Text.Json.Nodes;
using ErpSync.Connectors;
using ErpSync.Connectors.Tryton.Tests;

namespace ErpSync.Benchmarks;

/// <summary>
/// design.md §8: importing Tryton's parties within 1.3× of the raw batched JSON-RPC reads of the same data, on a live
/// trytond (scripts/tryton/start.sh on a copy of the seeded template, stopped by PID) with N customer parties added.
/// </summary>
internal static class TrytonFigure
{
    private const int CreateBatch = 250;

    public static async Task<string> RunAsync(BenchOptions options)
    {
        var n = options.TrytonParties;
        Console.WriteLine($"Figure 5: import of {n:N0} Tryton customer parties against raw batched search_read of the same parties and fields (live trytond)");
        var clock = System.Diagnostics.Stopwatch.StartNew();
        await using var server = await TrytonServer.StartAsync();
        Console.WriteLine($"  [tryton] started at {server.DatabaseUrl} in {Measure.Seconds(clock.Elapsed)} (work dir {server.WorkDir})");
        clock.Restart();
        await CreatePartiesAsync(server, n);
        Console.WriteLine($"  [tryton] created {n:N0} customer parties (address, e-mail, phone, website) in {Measure.Seconds(clock.Elapsed)}");
        var empty = await Workspaces.TrytonAsync(options, server, null);

        // Both sides once untimed: trytond's caches and our JIT warm, so the timed runs compare steady states.
        var expected = await RawAsync(server, "warm-up", profile: false);
        await ImportAsync(options, server, expected.Rows, "warm-up", profile: false);
        var raws = new List<Timed>();
        var imports = new List<Timed>();
        for (var round = 1; round <= options.Runs; round++)
        {
            raws.Add(await RawAsync(server, $"run {round}", options.Profile && round == options.Runs));
            imports.Add(await ImportAsync(options, server, expected.Rows, $"run {round}", options.Profile && round == options.Runs));
        }

        var raw = Measure.Median(raws.Select(r => r.Elapsed));
        var import = Measure.Median(imports.Select(r => r.Elapsed));
        var ratio = import / raw;
        Console.WriteLine($"  raw    runs {string.Join(", ", raws.Select(r => Measure.Seconds(r.Elapsed)))}; median {Measure.Seconds(raw)} = {ImportFigures.Rate(expected.Rows, raw)}");
        Console.WriteLine($"  import runs {string.Join(", ", imports.Select(r => Measure.Seconds(r.Elapsed)))}; median {Measure.Seconds(import)} = {ImportFigures.Rate(expected.Rows, import)}");
        Console.WriteLine($"  ratio import/raw (medians): {Measure.Ratio(ratio)} (target ≤ 1.3×); connection {empty.Directory}");
        return $"VERDICT tryton: {(ratio <= 1.3 ? "PASS" : "FAIL")} — {expected.Rows:N0} parties imported in {Measure.Seconds(import)} vs raw reads {Measure.Seconds(raw)}, "
            + $"ratio {Measure.Ratio(ratio)} (target ≤ 1.3×)";
    }

    /// <summary>Customers like the seeded ones: an address, e-mail, phone and website each; one create call per batch.</summary>
    private static async Task CreatePartiesAsync(TrytonServer server, int n)
    {
        var customer = server.SeedId("party_categories", "customer");
        var germany = server.SeedId("countries", "DE");
        for (var start = 0; start < n; start += CreateBatch)
        {
            var batch = new JsonArray();
            for (var i = start; i < Math.Min(n, start + CreateBatch); i++)
            {
                batch.Add(new JsonObject
                {
                    ["name"] = $"Bench Party {i:D6} GmbH",
                    ["categories"] = new JsonArray(new JsonArray("add", new JsonArray(customer))),
                    ["addresses"] = new JsonArray(new JsonArray("create", new JsonArray(new JsonObject
                    {
                        ["street"] = $"Benchstr. {i % 200 + 1}", ["postal_code"] = $"{10115 + i % 800}", ["city"] = "Berlin", ["country"] = germany,
                    }))),
                    ["contact_mechanisms"] = new JsonArray(new JsonArray("create", new JsonArray(
                        new JsonObject { ["type"] = "email", ["value"] = $"party{i}@bench.example" },
                        new JsonObject { ["type"] = "phone", ["value"] = $"+49 30 {1_000_000 + i}" },
                        new JsonObject { ["type"] = "website", ["value"] = $"https://party{i}.bench.example" }))),
                });
            }

            await server.CallAsync("party.party", "create", [batch]);
        }
    }

    /// <summary>
    /// The raw reads: customer parties (not suppliers, active) in keyset pages of the import's page size with the
    /// party columns the connector reads, and per page the same child rows it reads (addresses, contact mechanisms,
    /// identifiers, person relations) and the country codes; no mapping, no CRM.
    /// </summary>
    private static async Task<Timed> RawAsync(TrytonServer server, string label, bool profile)
    {
        var customer = server.SeedId("party_categories", "customer");
        var supplier = server.SeedId("party_categories", "supplier");
        var relation = server.SeedId("relation_types", "contact_of");
        HttpMeter.Shared.Start();
        var start = ImportRuns.Start();
        long last = 0;
        var rows = 0;
        while (true)
        {
            var domain = new JsonArray(new JsonArray("categories", "=", customer), new JsonArray("id", ">", last));
            var parties = await server.CallAsync("party.party", "search_read", [domain, 0, Engine.Import.ImportAdmin.PageSize, new JsonArray(new JsonArray("id", "ASC")),
                Columns("name", "code", "active", "replaced_by", "categories", "lang", "customer_payment_term", "supplier_payment_term", "sale_price_list", "create_date", "write_date", "_timestamp")]);
            var page = parties.EnumerateArray().Select(p => p.GetProperty("id").GetInt64()).ToList();
            if (page.Count == 0)
            {
                break;
            }

            // Customers only, as the connector classifies them: a party in the supplier category too is a Partner.
            var ids = parties.EnumerateArray().Where(p => !p.GetProperty("categories").EnumerateArray().Any(c => c.GetInt64() == supplier))
                .Select(p => p.GetProperty("id").GetInt64()).ToList();

            var addresses = await ChildrenAsync(server, "party.address", "party", ids, "street", "postal_code", "city", "country", "subdivision");
            await ChildrenAsync(server, "party.contact_mechanism", "party", ids, "type", "value");
            await ChildrenAsync(server, "party.identifier", "party", ids, "type", "code");
            await ChildrenAsync(server, "party.relation.all", "from_", ids, "to", "type");
            var countries = addresses.EnumerateArray().Select(a => a.GetProperty("country")).Where(c => c.ValueKind == JsonValueKind.Number).Select(c => c.GetInt64()).Distinct().ToList();
            if (countries.Count > 0)
            {
                await server.CallAsync("country.country", "read", [new JsonArray([.. countries.Select(c => (JsonNode)c)]), Columns("code")]);
            }

            rows += ids.Count;
            last = page[^1];
        }

        var timed = start.Stop("raw") with { Rows = rows, Detail = $"read {rows:N0} parties" };
        Print(label, timed, HttpMeter.Shared.Stop(), profile);
        return timed;
    }

    private static async Task<Timed> ImportAsync(BenchOptions options, TrytonServer server, int expected, string label, bool profile)
    {
        var workspace = await Workspaces.TrytonAsync(options, server, "import");
        await using var bench = new BenchEngine(workspace.Directory, Workspaces.TrytonConnector);
        HttpMeter.Shared.Start();
        var timed = await ImportRuns.ImportAsync(bench, workspace.ConnectionId, ActorType.Customer, expected, profile);
        Print(label, timed, HttpMeter.Shared.Stop(), profile || options.Profile);
        return timed;
    }

    private static async Task<JsonElement> ChildrenAsync(TrytonServer server, string model, string parent, List<long> ids, params string[] columns) =>
        await server.CallAsync(model, "search_read", [new JsonArray(new JsonArray(parent, "in", new JsonArray([.. ids.Select(i => (JsonNode)i)]))), 0, null,
            new JsonArray(new JsonArray("id", "ASC")), Columns([parent, .. columns, "create_date", "write_date"])]);

    private static JsonArray Columns(params string[] names) => new([.. names.Select(n => (JsonNode)n)]);

    private static void Print(string label, Timed r, IReadOnlyList<(string Method, int Count, TimeSpan Time)> calls, bool profile)
    {
        Console.WriteLine($"  [{r.Name,-6} {r.Rows:N0}] {label}: {Measure.Seconds(r.Elapsed)} = {ImportFigures.Rate(r.Rows, r.Elapsed)}, CPU (this process) {Measure.Seconds(r.Cpu)}, "
            + $"{calls.Sum(c => c.Count):N0} JSON-RPC calls {Measure.Seconds(calls.Aggregate(TimeSpan.Zero, (s, c) => s + c.Time))}; {r.Detail}");
        if (profile)
        {
            foreach (var (method, count, time) in calls.Take(12))
            {
                Console.WriteLine($"      {count,6:N0}× {Measure.Seconds(time),9}  {method}");
            }
        }
    }
}
