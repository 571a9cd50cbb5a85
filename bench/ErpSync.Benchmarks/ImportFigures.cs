using ErpSync.Connectors;
using ErpSync.Connectors.DemoErp;

namespace ErpSync.Benchmarks;

/// <summary>design.md §8, first figure: the import of N demo ERP customers against reading them and bulk-inserting them raw.</summary>
internal static class ImportFigures
{
    private const int WarmUpActors = 2_000;

    public static async Task<string> ImportAsync(BenchOptions options)
    {
        var n = options.ImportActors;
        Console.WriteLine($"Figure 3: import of {n:N0} demo ERP customers (with links) into an empty CRM, against the raw read + AddRange/SaveChanges per page of the same size");

        // Both paths once on a small workspace first, so JIT tiering and EF's model are settled before timing.
        await RawOnceAsync(options, WarmUpActors, "warm-up");
        await ImportOnceAsync(options, WarmUpActors, "warm-up", profile: false);
        var raws = new List<Timed>();
        var imports = new List<Timed>();
        for (var round = 1; round <= options.Runs; round++)
        {
            // Alternated, each on a fresh copy of the same databases, so a change in machine load hits both sides.
            raws.Add(await RawOnceAsync(options, n, $"run {round}"));
            imports.Add(await ImportOnceAsync(options, n, $"run {round}", options.Profile && round == options.Runs));
        }

        var raw = Measure.Median(raws.Select(r => r.Elapsed));
        var import = Measure.Median(imports.Select(r => r.Elapsed));
        var ratio = raw / import;
        Console.WriteLine($"  raw    runs {string.Join(", ", raws.Select(r => Measure.Seconds(r.Elapsed)))}; median {Measure.Seconds(raw)} = {Rate(n, raw)}");
        Console.WriteLine($"  import runs {string.Join(", ", imports.Select(r => Measure.Seconds(r.Elapsed)))}; median {Measure.Seconds(import)} = {Rate(n, import)}");
        Console.WriteLine($"  speed ratio raw/import (medians): {Measure.Ratio(ratio)} (target ≥ 0.50×, i.e. import ≤ 2× raw); import takes {Measure.Ratio(import / raw)} the raw time; "
            + $"by CPU time {Measure.Ratio(Measure.Median(raws.Select(r => r.Cpu)) / Measure.Median(imports.Select(r => r.Cpu)))}");
        Console.WriteLine("  " + Measure.ProcessMemory());
        return $"VERDICT import: {(ratio >= 0.5 ? "PASS" : "FAIL")} — {n:N0} customers imported in {Measure.Seconds(import)} ({Rate(n, import)}) vs raw {Measure.Seconds(raw)} ({Rate(n, raw)}), "
            + $"speed ratio {Measure.Ratio(ratio)} (target ≥ 0.50×)";
    }

    public static string Rate(int rows, TimeSpan elapsed) => (rows / elapsed.TotalSeconds).ToString("N0", System.Globalization.CultureInfo.InvariantCulture) + " rows/s";

    private static async Task<Timed> RawOnceAsync(BenchOptions options, int n, string label)
    {
        var workspace = await Workspaces.ImportAsync(options, n, "raw");
        await using var bench = new BenchEngine(workspace.Directory);
        var result = await ImportRuns.RawAsync(bench, new DemoErpConnector(TimeProvider.System), await Workspaces.ContextAsync(bench, workspace.ConnectionId), Workspaces.ErpKeys, n);
        Print(label, result, n);
        return result;
    }

    private static async Task<Timed> ImportOnceAsync(BenchOptions options, int n, string label, bool profile)
    {
        var workspace = await Workspaces.ImportAsync(options, n, "import");
        await using var bench = new BenchEngine(workspace.Directory);
        var result = await ImportRuns.ImportAsync(bench, workspace.ConnectionId, ActorType.Customer, n, profile);
        Print(label, result, n);
        return result;
    }

    private static void Print(string label, Timed r, int n) =>
        Console.WriteLine($"  [{r.Name,-6} {n:N0}] {label}: {Measure.Seconds(r.Elapsed)} = {Rate(r.Rows, r.Elapsed)}, CPU {Measure.Seconds(r.Cpu)}, allocated {Measure.Megabytes(r.Allocated)}; {r.Detail}");
}
