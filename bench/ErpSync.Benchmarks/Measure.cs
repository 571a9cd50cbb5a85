using System.Diagnostics;
using System.Globalization;
using ErpSync.Engine.Sync;

namespace ErpSync.Benchmarks;

/// <summary>One timed cycle: wall time, what the run did, and the memory it took.</summary>
internal sealed record Cycle(TimeSpan Elapsed, SyncRunSummary Summary, long Allocated, long PeakWorkingSet, TimeSpan Cpu,
    IReadOnlyList<(string Shape, int Count, TimeSpan Time)> DbCommands, IReadOnlyList<(string Verb, int Calls, TimeSpan Time)> ConnectorCalls)
{
    public TimeSpan ConnectorTime => ConnectorCalls.Aggregate(TimeSpan.Zero, (sum, c) => sum + c.Time);

    public int DbCommandCount => DbCommands.Sum(c => c.Count);

    public TimeSpan DbTime => DbCommands.Aggregate(TimeSpan.Zero, (sum, c) => sum + c.Time);
}

internal static class Measure
{
    /// <summary>Runs one sync cycle of the connection under a stopwatch, with a working-set sampler and the allocation count.</summary>
    public static async Task<Cycle> CycleAsync(BenchEngine bench, int connectionId)
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        using var sampler = new PeakSampler();
        var allocated = GC.GetTotalAllocatedBytes(precise: true);
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        DbMeter.Shared.Start();
        bench.Connector.Take();
        var clock = Stopwatch.StartNew();
        var summary = await bench.Engine.SyncConnectionAsync(connectionId, SyncRunKind.Manual, CancellationToken.None);
        clock.Stop();
        var commands = DbMeter.Shared.Stop();
        return new Cycle(clock.Elapsed, summary, GC.GetTotalAllocatedBytes(precise: true) - allocated, sampler.Stop(),
            Process.GetCurrentProcess().TotalProcessorTime - cpu, commands, bench.Connector.Take());
    }

    /// <summary>An untimed cycle; it must succeed.</summary>
    public static async Task<SyncRunSummary> UntimedAsync(BenchEngine bench, int connectionId)
    {
        var summary = await bench.Engine.SyncConnectionAsync(connectionId, SyncRunKind.Manual, CancellationToken.None);
        if (summary.Status != SyncRunStatus.Succeeded)
        {
            throw new InvalidOperationException($"An untimed cycle ended {summary.Status}: {summary.Message}");
        }

        return summary;
    }

    public static TimeSpan Median(IEnumerable<TimeSpan> values)
    {
        var sorted = values.Order().ToList();
        return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[(sorted.Count / 2) - 1] + sorted[sorted.Count / 2]) / 2;
    }

    public static string Seconds(TimeSpan value) => value.TotalSeconds.ToString("0.000", CultureInfo.InvariantCulture) + " s";

    public static string Megabytes(long bytes) => (bytes / (1024.0 * 1024.0)).ToString("0", CultureInfo.InvariantCulture) + " MB";

    public static string Ratio(double value) => value.ToString("0.00", CultureInfo.InvariantCulture) + "×";

    /// <summary>The process's peak working set, the GC heap and the GC pauses so far.</summary>
    public static string ProcessMemory()
    {
        using var process = Process.GetCurrentProcess();
        var gc = GC.GetGCMemoryInfo(GCKind.Any);
        return $"process peak working set {Megabytes(process.PeakWorkingSet64)}, GC heap now {Megabytes(GC.GetTotalMemory(false))}, "
            + $"GC committed {Megabytes(gc.TotalCommittedBytes)}, collections gen0/1/2 {GC.CollectionCount(0)}/{GC.CollectionCount(1)}/{GC.CollectionCount(2)}, "
            + $"GC pause total {Seconds(GC.GetTotalPauseDuration())}";
    }

    /// <summary>Samples the working set every few milliseconds on its own thread until stopped.</summary>
    private sealed class PeakSampler : IDisposable
    {
        private readonly Thread _thread;
        private volatile bool _stop;
        private long _peak;

        public PeakSampler()
        {
            _thread = new Thread(Run) { IsBackground = true, Name = "working-set sampler" };
            _thread.Start();
        }

        public long Stop()
        {
            _stop = true;
            _thread.Join();
            return Interlocked.Read(ref _peak);
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
            using var process = Process.GetCurrentProcess();
            do
            {
                process.Refresh();
                var now = process.WorkingSet64;
                if (now > Interlocked.Read(ref _peak))
                {
                    Interlocked.Exchange(ref _peak, now);
                }

                Thread.Sleep(5);
            }
            while (!_stop);
        }
    }
}
