using System.Diagnostics;
using ErpSync.Connectors;
using ErpSync.Engine.Crm;
using ErpSync.Engine.Import;
using Microsoft.EntityFrameworkCore;

namespace ErpSync.Benchmarks;

/// <summary>One timed import (or baseline) run: wall and CPU time, bytes allocated, rows written, and a line of detail.</summary>
internal sealed record Timed(string Name, TimeSpan Elapsed, TimeSpan Cpu, long Allocated, int Rows, string Detail)
{
    public double RowsPerSecond => Rows / Elapsed.TotalSeconds;
}

/// <summary>The two sides of the import figures: the real import job, and the raw read + bulk insert without sync logic.</summary>
internal static class ImportRuns
{
    /// <summary>
    /// The server's path: <see cref="ImportAdmin.StartAsync"/> queues the job (everything of the actor type, default
    /// settings: match on name, merge), <see cref="ImportAdmin.RunAsync"/> runs it as <c>ImportWorker</c> does. Checked:
    /// completed, every actor created, one company and one link each.
    /// </summary>
    public static async Task<Timed> ImportAsync(BenchEngine bench, int connectionId, ActorType actorType, int expected, bool profile)
    {
        var ct = CancellationToken.None;
        var admin = bench.Get<ImportAdmin>();
        using var allocations = profile ? new AllocationMeter() : null;
        allocations?.Start();
        var start = Start();
        DbMeter.Shared.Start();
        var job = await admin.StartAsync(new ImportRequest(connectionId, actorType, new ImportSelection(), new ImportSettings()), null, ct);
        await admin.RunAsync(job.Id, ct);
        var timed = start.Stop("import");
        var commands = DbMeter.Shared.Stop();
        var allocated = allocations?.Stop() ?? [];
        var view = await admin.GetAsync(job.Id, ct);
        await using var db = await bench.OpenAsync();
        var companies = await db.Companies.CountAsync(ct);
        var links = await db.Links.CountAsync(l => l.ConnectionId == connectionId, ct);
        if (view.State != ImportJobState.Completed || view.Created != expected || companies != expected || links != expected)
        {
            throw new InvalidOperationException($"The import ended {view.State} ({view.Message}): created {view.Created}, {companies} companies, {links} links; expected {expected} each.");
        }

        if (profile)
        {
            foreach (var (shape, count, time) in commands.Take(8))
            {
                Console.WriteLine($"      {count,7:N0}× {Measure.Seconds(time),9}  {shape}");
            }

            // Sampled, so the bytes are estimates; the share per type is what matters.
            foreach (var (type, bytes) in allocated.Take(12))
            {
                Console.WriteLine($"      {Measure.Megabytes(bytes),9} allocated (sampled)  {type}");
            }
        }

        return timed with { Rows = view.Created, Detail = $"job {view.State}, created {view.Created:N0}, {companies:N0} companies, {links:N0} links, "
            + $"CRM db {commands.Sum(c => c.Count):N0} commands {Measure.Seconds(commands.Aggregate(TimeSpan.Zero, (s, c) => s + c.Time))}" };
    }

    /// <summary>
    /// The baseline: the same actors from the same connector and paging (the change feed from the start, pages of
    /// <see cref="ImportAdmin.PageSize"/>), each page inserted as CRM companies with AddRange + SaveChanges; no
    /// matching, no planning, no links.
    /// </summary>
    public static async Task<Timed> RawAsync(BenchEngine bench, ISyncConnector connector, ConnectorContext context, IReadOnlyList<string> fields, int expected)
    {
        var ct = CancellationToken.None;
        await using var db = await bench.OpenAsync();
        var now = TimeProvider.System.GetUtcNow();
        DbMeter.Shared.Start();
        var start = Start();
        string? cursor = null;
        var rows = 0;
        while (true)
        {
            var page = (await connector.ReadChangesAsync(context, new ReadChangesRequest(ActorType.Customer, cursor, fields, ImportAdmin.PageSize), ct)).GetValueOrThrow();
            db.ChangeTracker.Clear();
            db.Companies.AddRange(page.Actors.Select(a => new Company
            {
                Name = Text(a, "NAME") ?? "",
                Email = Text(a, "EMAIL"),
                Phone = Text(a, "PHONE"),
                Website = Text(a, "URL"),
                VatNumber = Text(a, "VATNO"),
                CreatedAt = now,
                UpdatedAt = now,
            }));
            await db.SaveChangesAsync(ct);
            rows += page.Actors.Count;
            if (!page.HasMore || page.NextCursor is null || page.NextCursor == cursor)
            {
                break;
            }

            cursor = page.NextCursor;
        }

        var timed = start.Stop("raw");
        var commands = DbMeter.Shared.Stop();
        if (rows != expected || await db.Companies.CountAsync(ct) != expected)
        {
            throw new InvalidOperationException($"The raw baseline read {rows} actors; expected {expected}.");
        }

        return timed with { Rows = rows, Detail = $"read and inserted {rows:N0}, CRM db {commands.Sum(c => c.Count):N0} commands {Measure.Seconds(commands.Aggregate(TimeSpan.Zero, (s, c) => s + c.Time))}" };
    }

    public static Started Start()
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        return new Started(Stopwatch.StartNew(), Process.GetCurrentProcess().TotalProcessorTime, GC.GetTotalAllocatedBytes(precise: true));
    }

    private static string? Text(Actor actor, string key) => actor.Fields.GetValueOrDefault(key) is TextValue t ? t.Value : null;

    internal sealed record Started(Stopwatch Clock, TimeSpan Cpu, long Allocated)
    {
        public Timed Stop(string name) => new(name, Clock.Elapsed, Process.GetCurrentProcess().TotalProcessorTime - Cpu,
            GC.GetTotalAllocatedBytes(precise: true) - Allocated, 0, "");
    }
}
