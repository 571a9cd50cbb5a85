using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace ErpSync.Engine.Import;

/// <summary>Runs queued imports one at a time in the background; a job left running by a stopped server is resumed.</summary>
public sealed class ImportWorker(ImportAdmin imports, ILogger<ImportWorker> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var signal = new SemaphoreSlim(0);
        imports.Queued += () => signal.Release();
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                while (await imports.NextJobAsync(stoppingToken) is { } jobId)
                {
                    await imports.RunAsync(jobId, stoppingToken);
                }
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogError(ex, "Import worker failed");
            }

            await signal.WaitAsync(TimeSpan.FromSeconds(5), stoppingToken);
        }
    }
}
