using System.Diagnostics;
using System.Globalization;
using ErpSync.Connectors;

namespace ErpSync.Benchmarks;

/// <summary>
/// design.md §8: peak memory under 500 MB while importing 1,000,000 actors (streamed). The parent prepares the
/// databases (1,000,000 generated demo ERP customers take memory of their own) and runs the import in a child process
/// of this program, so the peak is the import's alone, not that of the setup or of earlier figures.
/// </summary>
internal static class MemoryFigure
{
    private const long LimitBytes = 500L * 1024 * 1024;
    private const string ResultPrefix = "MEMORY-RESULT ";

    public static async Task<string> RunAsync(BenchOptions options)
    {
        var n = options.MemoryActors;
        Console.WriteLine($"Figure 4: peak memory while importing {n:N0} demo ERP customers (streamed), in a child process");
        var workspace = await Workspaces.ImportAsync(options, n, "memory");
        Console.WriteLine($"  [memory] databases ready in {Measure.Seconds(workspace.Setup)} ({workspace.SetupKind}); starting the child process");
        var start = new ProcessStartInfo(Environment.ProcessPath!) { RedirectStandardOutput = true, WorkingDirectory = options.Root };
        if (Path.GetFileNameWithoutExtension(Environment.ProcessPath) == "dotnet")
        {
            start.ArgumentList.Add(typeof(MemoryFigure).Assembly.Location);
        }

        foreach (var arg in (string[])["import-memory", "--memory-actors", n.ToString(CultureInfo.InvariantCulture), "--child", workspace.Directory])
        {
            start.ArgumentList.Add(arg);
        }

        using var child = Process.Start(start)!;
        string? result = null;
        while (await child.StandardOutput.ReadLineAsync() is { } line)
        {
            if (line.StartsWith(ResultPrefix, StringComparison.Ordinal))
            {
                result = line[ResultPrefix.Length..];
            }
            else if (line.StartsWith("  ", StringComparison.Ordinal))
            {
                Console.WriteLine(line);
            }
        }

        await child.WaitForExitAsync();
        if (child.ExitCode != 0 || result is null)
        {
            return $"VERDICT import-memory: FAIL — the child process ended with {child.ExitCode} and no result";
        }

        var parts = result.Split(' ').Select(p => long.Parse(p, CultureInfo.InvariantCulture)).ToArray();
        var (hwm, heap, millis) = (parts[0], parts[1], parts[2]);
        return $"VERDICT import-memory: {(hwm < LimitBytes ? "PASS" : "FAIL")} — {n:N0} customers imported in {Measure.Seconds(TimeSpan.FromMilliseconds(millis))}, "
            + $"process peak {Measure.Megabytes(hwm)} (VmHWM), managed heap peak {Measure.Megabytes(heap)} (target < 500 MB)";
    }

    /// <summary>The child: only the import, with the managed heap sampled and the kernel's peak resident set read at the end.</summary>
    public static async Task<int> ChildAsync(BenchOptions options, string directory)
    {
        var n = options.MemoryActors;
        var connectionId = int.Parse(await File.ReadAllTextAsync(Path.Combine(directory, "connection-id")), CultureInfo.InvariantCulture);
        Console.WriteLine($"  [memory] child pid {Environment.ProcessId}: before the import, peak {Measure.Megabytes(PeakResident())}");
        Timed timed;
        long heapPeak;
        await using (var bench = new BenchEngine(directory))
        {
            using var sampler = new HeapSampler();
            timed = await ImportRuns.ImportAsync(bench, connectionId, ActorType.Customer, n, options.Profile);
            heapPeak = sampler.Stop();
        }

        var hwm = PeakResident();
        Console.WriteLine($"  [import {n:N0}] {Measure.Seconds(timed.Elapsed)} = {ImportFigures.Rate(timed.Rows, timed.Elapsed)}, CPU {Measure.Seconds(timed.Cpu)}, "
            + $"allocated {Measure.Megabytes(timed.Allocated)}; {timed.Detail}");
        Console.WriteLine($"  process peak resident (VmHWM) {Measure.Megabytes(hwm)}, PeakWorkingSet64 {Measure.Megabytes(Process.GetCurrentProcess().PeakWorkingSet64)}, "
            + $"managed heap peak (sampled every 5 ms) {Measure.Megabytes(heapPeak)}");
        Console.WriteLine("  " + Measure.ProcessMemory());
        Console.WriteLine(FormattableString.Invariant($"{ResultPrefix}{hwm} {heapPeak} {(long)timed.Elapsed.TotalMilliseconds}"));
        return 0;
    }

    /// <summary>The kernel's high-water mark of the resident set (VmHWM), else the runtime's peak working set.</summary>
    private static long PeakResident()
    {
        const string Key = "VmHWM:";
        var line = File.Exists("/proc/self/status") ? File.ReadLines("/proc/self/status").FirstOrDefault(l => l.StartsWith(Key, StringComparison.Ordinal)) : null;
        return line is not null && long.TryParse(line[Key.Length..].Trim().Split(' ')[0], NumberStyles.None, CultureInfo.InvariantCulture, out var kb)
            ? kb * 1024
            : Process.GetCurrentProcess().PeakWorkingSet64;
    }

    /// <summary>Samples the managed heap size every 5 ms on its own thread until stopped.</summary>
    private sealed class HeapSampler : IDisposable
    {
        private readonly Thread _thread;
        private volatile bool _stop;
        private long _peak;

        public HeapSampler()
        {
            _thread = new Thread(Run) { IsBackground = true, Name = "heap sampler" };
            _thread.Start();
        }

        public long Stop()
        {
            _stop = true;
            _thread.Join();
            return _peak;
        }

        public void Dispose()
        {
            if (!_stop)
            {
                Stop();
            }
        }

        private void Run()
        {
            do
            {
                _peak = Math.Max(_peak, GC.GetTotalMemory(forceFullCollection: false));
                Thread.Sleep(5);
            }
            while (!_stop);
        }
    }
}
