using System.Diagnostics;
using System.Globalization;
using Spectre.Console;

namespace ErpSync.Cli;

/// <summary>Waits for an import: a progress bar in a terminal, a plain line every few seconds when redirected, then the counts and the failed rows.</summary>
internal static class ImportProgress
{
    private static readonly TimeSpan Poll = TimeSpan.FromMilliseconds(500);
    private static readonly TimeSpan PlainEvery = TimeSpan.FromSeconds(3);

    // The API's page size for result rows.
    private const int Shown = 100;

    public static async Task<int> WaitAsync(IErpSyncBackend backend, Output output, ImportJobDto job, CancellationToken ct)
    {
        try
        {
            job = Output.Interactive && !output.Json ? await BarAsync(backend, job, ct) : await PlainAsync(backend, output, job, ct);
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            // Ctrl+C: stop the job too rather than leave it running unseen; committed pages stay imported and linked.
            using var grace = new CancellationTokenSource(TimeSpan.FromSeconds(20));
            var cancelled = await backend.CancelImportAsync(job.Id, grace.Token);
            Output.Error($"Cancelled import {cancelled.Id}: it stops after the current page; what was committed stays imported and linked.");
            return ExitCodes.Failed;
        }

        return await ReportAsync(backend, output, job, ct);
    }

    /// <summary>The counts, the skipped rows' reasons and the failed rows; exit 1 unless the job completed (or still runs) without failed rows.</summary>
    public static async Task<int> ReportAsync(IErpSyncBackend backend, Output output, ImportJobDto job, CancellationToken ct)
    {
        var failed = job.Failed > 0 ? await backend.ImportRowsAsync(job.Id, "Failed", 0, Shown, ct) : null;
        var skipped = job.Skipped > 0 ? await backend.ImportRowsAsync(job.Id, "Skipped", 0, Shown, ct) : null;
        if (output.Json)
        {
            output.Value(new { job, failedRows = failed?.Rows ?? [] });
        }
        else
        {
            output.Line($"Import {job.Id} {job.State}: created {job.Created}, updated {job.Updated}, unchanged {job.Unchanged}, skipped {job.Skipped}, failed {job.Failed}" +
                (job.Message is null ? "" : $". {job.Message}"));
            foreach (var reason in (skipped?.Rows ?? []).GroupBy(r => r.Reason ?? "").OrderByDescending(g => g.Count()))
            {
                output.Line($"  skipped {reason.Count()}{(skipped!.Total > skipped.Rows.Count ? "+" : "")}: {reason.Key}");
            }

            foreach (var row in failed?.Rows ?? [])
            {
                output.Line($"  failed {row.ErpKey} {row.DisplayName}: {row.Reason}");
            }

            if (failed is not null && failed.Total > failed.Rows.Count)
            {
                output.Line($"  … and {failed.Total - failed.Rows.Count} more failed rows (GET /api/import/jobs/{job.Id}/rows?outcome=Failed).");
            }
        }

        return job.IsRunning || (job.State == "Completed" && job.Failed == 0) ? ExitCodes.Ok : ExitCodes.Failed;
    }

    private static async Task<ImportJobDto> BarAsync(IErpSyncBackend backend, ImportJobDto job, CancellationToken ct)
    {
        await AnsiConsole.Progress()
            .AutoClear(false)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new SpinnerColumn())
            .StartAsync(async context =>
            {
                var task = context.AddTask(Describe(job), maxValue: Math.Max(1, job.Total ?? 1));
                while (job.IsRunning)
                {
                    await Task.Delay(Poll, ct);
                    job = await backend.ImportJobAsync(job.Id, ct);
                    task.MaxValue = Math.Max(1, job.Total ?? job.Done);
                    task.Value = job.Done;
                    task.Description = Markup.Escape(Describe(job));
                }

                task.Value = task.MaxValue;
            });
        return job;
    }

    private static async Task<ImportJobDto> PlainAsync(IErpSyncBackend backend, Output output, ImportJobDto job, CancellationToken ct)
    {
        var since = Stopwatch.StartNew();
        string? said = null;
        while (job.IsRunning)
        {
            var line = Describe(job);
            if (!output.Json && (said is null || (since.Elapsed >= PlainEvery && line != said)))
            {
                // Progress on standard error, like 'sync --wait', so standard output holds only the result.
                Output.Error(line);
                said = line;
                since.Restart();
            }

            await Task.Delay(Poll, ct);
            job = await backend.ImportJobAsync(job.Id, ct);
        }

        return job;
    }

    private static string Describe(ImportJobDto job)
    {
        var rate = job.RowsPerSecond is { } r ? $", {r.ToString("0.#", CultureInfo.InvariantCulture)} rows/s" : "";
        var left = job.TimeLeft is { } t ? $", about {t:hh\\:mm\\:ss} left" : "";
        return $"Import {job.Id} {job.State}: {job.Done}/{job.Total?.ToString(CultureInfo.InvariantCulture) ?? "?"} rows{rate}{left}";
    }
}
