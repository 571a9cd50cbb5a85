using ErpSync.Engine;
using ErpSync.Engine.Scheduling;
using Quartz;

namespace ErpSync.Server.Hosting;

internal static class SchedulingHosting
{
    /// <summary>
    /// Quartz runs the sync jobs. On PostgreSQL it uses the clustered ADO job store, so several server processes share
    /// the connections and a connection never runs twice at once; on the embedded default an in-memory store is enough
    /// because the schedule is rebuilt from the ErpSync database at start (see docs/adr/0008-scheduling.md).
    /// </summary>
    public static WebApplicationBuilder AddErpSyncScheduling(this WebApplicationBuilder builder)
    {
        var options = builder.Configuration.GetSection(ErpSyncOptions.Section).Get<ErpSyncOptions>() ?? new ErpSyncOptions();
        builder.AddQuartz(q =>
        {
            q.UseDefaultThreadPool(tp => tp.MaxConcurrency = 4);
            if (options.UsePostgres)
            {
                q.UsePersistentStore(s =>
                {
                    s.UsePostgres(options.ResolvedConnectionString);
                    s.UseClustering(c =>
                    {
                        c.CheckinInterval = TimeSpan.FromSeconds(5);
                        c.CheckinMisfireThreshold = TimeSpan.FromSeconds(15);
                    });
                    s.UseSystemTextJsonSerializer();
                    s.ProvisionSchema();
                });
            }
            else
            {
                q.UseInMemoryStore();
            }

            q.ScheduleJob<ReconcileScheduleJob>(
                trigger => trigger.WithIdentity("reconcile", "erpsync").StartNow().WithSimpleSchedule(s => s.WithInterval(TimeSpan.FromSeconds(30)).RepeatForever()),
                job => job.WithIdentity(ReconcileScheduleJob.Key));
        });
        builder.AddQuartzHostedService(o => o.WaitForJobsToComplete = true);
        builder.Services.AddHostedService<Engine.Sync.RecordSyncDispatcher>();
        return builder;
    }
}
