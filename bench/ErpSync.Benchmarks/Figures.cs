using ErpSync.Connectors.Hosting.Tests;
using ErpSync.Connectors.DemoErp;
using ErpSync.Engine.Sync;

namespace ErpSync.Benchmarks;

/// <summary>What one case (a workspace, its timed cycles and the echo cycles after them) measured.</summary>
internal sealed record CaseResult(string Name, Workspace Workspace, IReadOnlyList<Cycle> Cycles, IReadOnlyList<TimeSpan> EchoCycles, IReadOnlyList<string> Problems)
{
    public TimeSpan Median => Measure.Median(Cycles.Select(c => c.Elapsed));

    public TimeSpan Min => Cycles.Min(c => c.Elapsed);

    public long PeakWorkingSet => Cycles.Max(c => c.PeakWorkingSet);

    public long Allocated => Cycles.Max(c => c.Allocated);

    public TimeSpan MedianCpu => Measure.Median(Cycles.Select(c => c.Cpu));

    public SyncRunSummary Last => Cycles[^1].Summary;
}

internal static class Figures
{
    private const int WarmUpRounds = 2;

    /// <summary>design.md §8: one cycle with 1,000,000 links and 1,000 changes per side, under 2 s and within 3× of the same with 10,000 links.</summary>
    public static async Task<string> SyncCycleAsync(BenchOptions options)
    {
        Console.WriteLine($"Figure 1: one sync cycle, {options.Changes:N0} changed records per side (CRM e-mail through EF, ERP phone), {options.Links:N0} links against {options.Small:N0}");
        var small = await CaseAsync($"{options.Small:N0} links", options, await Workspaces.InProcessAsync(options, options.Small), options.Changes, options.Changes);
        var large = await CaseAsync($"{options.Links:N0} links", options, await Workspaces.InProcessAsync(options, options.Links), options.Changes, options.Changes);
        var ratio = large.Median / small.Median;
        Table([small, large]);
        Console.WriteLine($"  ratio large/small (medians): {Measure.Ratio(ratio)} (target ≤ 3×), by CPU time {Measure.Ratio(large.MedianCpu / small.MedianCpu)}; "
            + $"large cycle {Measure.Seconds(large.Median)} (target < 2 s)");
        Console.WriteLine("  " + Measure.ProcessMemory());
        var correct = small.Problems.Count == 0 && large.Problems.Count == 0;
        var pass = correct && ratio <= 3 && large.Median < TimeSpan.FromSeconds(2);
        return $"VERDICT sync-cycle: {(pass ? "PASS" : "FAIL")} — {options.Links:N0} links {Measure.Seconds(large.Median)} vs {options.Small:N0} links {Measure.Seconds(small.Median)}, "
            + $"ratio {Measure.Ratio(ratio)} (targets < 2 s, ≤ 3×){(correct ? "" : "; INCORRECT RUN: " + string.Join("; ", small.Problems.Concat(large.Problems)))}";
    }

    /// <summary>design.md §8: N ERP changes synced through the HTTP connector within 1.5× of the in-process connector.</summary>
    public static async Task<string> RemoteAsync(BenchOptions options)
    {
        Console.WriteLine($"Figure 2: {options.RemoteChanges:N0} ERP changes synced into the CRM ({options.Small:N0} links), HTTP connector against in-process");
        var secret = "bench-" + Guid.NewGuid().ToString("N");
        await using var host = await RemoteHost.StartAsync(new DemoErpConnector(TimeProvider.System), secret);
        var local = await CaseAsync("in-process", options, await Workspaces.InProcessAsync(options, options.Small), 0, options.RemoteChanges);
        var remote = await CaseAsync("HTTP " + host.BaseUrl.Authority, options, await Workspaces.RemoteAsync(options, options.Small, host.BaseUrl, secret), 0, options.RemoteChanges);
        var ratio = remote.Median / local.Median;
        Table([local, remote]);
        Console.WriteLine($"  ratio HTTP/in-process (medians): {Measure.Ratio(ratio)} (target ≤ 1.5×), by CPU time (both ends in this process) {Measure.Ratio(remote.MedianCpu / local.MedianCpu)}");
        Console.WriteLine("  " + Measure.ProcessMemory());
        var correct = local.Problems.Count == 0 && remote.Problems.Count == 0;
        var pass = correct && ratio <= 1.5;
        return $"VERDICT remote-protocol: {(pass ? "PASS" : "FAIL")} — HTTP {Measure.Seconds(remote.Median)} vs in-process {Measure.Seconds(local.Median)}, ratio {Measure.Ratio(ratio)} (target ≤ 1.5×)"
            + (correct ? "" : "; INCORRECT RUN: " + string.Join("; ", local.Problems.Concat(remote.Problems)));
    }

    /// <summary>
    /// A warm-up cycle, an echo cycle, then per run: edits, the timed cycle, and the untimed echo cycle
    /// that reads back the cycle's own writes (so every timed cycle sees exactly the edits of its round).
    /// </summary>
    private static async Task<CaseResult> CaseAsync(string name, BenchOptions options, Workspace workspace, int crmChanges, int erpChanges)
    {
        Console.WriteLine($"  [{name}] setup {workspace.SetupKind} in {Measure.Seconds(workspace.Setup)}");
        var problems = new List<string>();
        var cycles = new List<Cycle>();
        var echoes = new List<TimeSpan>();
        await using var bench = new BenchEngine(workspace.Directory);
        // Warm-up rounds of the same size as the timed ones, so JIT tiering and caches are settled before timing.
        for (var warmUp = 0; warmUp < WarmUpRounds; warmUp++)
        {
            await Edits.ApplyAsync(bench, workspace, crmChanges, erpChanges, round: warmUp);
            var warm = await Measure.UntimedAsync(bench, workspace.ConnectionId);
            Check(problems, "warm-up", warm, erpChanges, crmChanges, crmWrites: erpChanges, erpWrites: crmChanges);
            await Measure.UntimedAsync(bench, workspace.ConnectionId);
        }

        for (var round = 1; round <= options.Runs; round++)
        {
            await Edits.ApplyAsync(bench, workspace, crmChanges, erpChanges, WarmUpRounds + round);
            var cycle = await Measure.CycleAsync(bench, workspace.ConnectionId);
            cycles.Add(cycle);
            Check(problems, $"run {round}", cycle.Summary, erpChanges, crmChanges, crmWrites: erpChanges, erpWrites: crmChanges);
            var clock = System.Diagnostics.Stopwatch.StartNew();
            var echo = await Measure.UntimedAsync(bench, workspace.ConnectionId);
            echoes.Add(clock.Elapsed);
            if (echo.CrmWrites + echo.ErpWrites + echo.Issues > 0)
            {
                problems.Add($"{name} echo cycle after run {round} wrote {echo.CrmWrites} CRM / {echo.ErpWrites} ERP values and raised {echo.Issues} issues (expected none)");
            }

            var s = cycle.Summary;
            Console.WriteLine($"  [{name}] run {round}: {Measure.Seconds(cycle.Elapsed)}  read ERP {s.ErpChangesRead:N0} / CRM {s.CrmChangesRead:N0}, wrote CRM {s.CrmWrites:N0} / ERP {s.ErpWrites:N0}, "
                + $"issues {s.Issues}, CPU {Measure.Seconds(cycle.Cpu)}, CRM db {cycle.DbCommandCount:N0} commands {Measure.Seconds(cycle.DbTime)}, "
                + $"in-process connector {Measure.Seconds(cycle.ConnectorTime)}, "
                + $"peak working set {Measure.Megabytes(cycle.PeakWorkingSet)}, allocated {Measure.Megabytes(cycle.Allocated)}; echo cycle {Measure.Seconds(clock.Elapsed)}");
            if (options.Profile && round == options.Runs)
            {
                foreach (var (verb, calls, time) in cycle.ConnectorCalls)
                {
                    Console.WriteLine($"      {calls,6:N0}× {Measure.Seconds(time),9}  in-process connector {verb}");
                }

                foreach (var (shape, count, time) in cycle.DbCommands.Take(8))
                {
                    Console.WriteLine($"      {count,6:N0}× {Measure.Seconds(time),9}  {shape}");
                }
            }
        }

        foreach (var problem in problems)
        {
            Console.WriteLine($"  [{name}] PROBLEM: {problem}");
        }

        return new CaseResult(name, workspace, cycles, echoes, problems.Select(p => $"{name}: {p}").ToList());
    }

    private static void Check(List<string> problems, string what, SyncRunSummary summary, int erpRead, int crmRead, int crmWrites, int erpWrites)
    {
        if (summary.Status != SyncRunStatus.Succeeded || summary.ErpChangesRead != erpRead || summary.CrmChangesRead != crmRead
            || summary.CrmWrites != crmWrites || summary.ErpWrites != erpWrites || summary.Issues != 0)
        {
            problems.Add($"{what}: {summary.Status} read ERP {summary.ErpChangesRead}/CRM {summary.CrmChangesRead}, wrote CRM {summary.CrmWrites}/ERP {summary.ErpWrites}, "
                + $"issues {summary.Issues} (expected read {erpRead}/{crmRead}, wrote {crmWrites}/{erpWrites}, no issues) {summary.Message}");
        }
    }

    private static void Table(IReadOnlyList<CaseResult> cases)
    {
        Console.WriteLine();
        Console.WriteLine($"  {"case",-22} {"setup",10} {"median",10} {"min",10} {"runs",5} {"CPU",9} {"ERP/CRM read",14} {"CRM/ERP writes",15} {"peak WS",9} {"alloc",8} {"echo",9}");
        foreach (var c in cases)
        {
            var s = c.Last;
            Console.WriteLine($"  {c.Name,-22} {Measure.Seconds(c.Workspace.Setup),10} {Measure.Seconds(c.Median),10} {Measure.Seconds(c.Min),10} {c.Cycles.Count,5} {Measure.Seconds(c.MedianCpu),9} "
                + $"{$"{s.ErpChangesRead:N0}/{s.CrmChangesRead:N0}",14} {$"{s.CrmWrites:N0}/{s.ErpWrites:N0}",15} {Measure.Megabytes(c.PeakWorkingSet),9} "
                + $"{Measure.Megabytes(c.Allocated),8} {Measure.Seconds(Measure.Median(c.EchoCycles)),9}");
        }
    }
}
