using System.Reflection;
using ErpSync.Connectors;
using ErpSync.Engine.Import;
using ErpSync.Engine.Mapping;
using ErpSync.Engine.Scheduling;
using ErpSync.Engine.Sync;
using ErpSync.Engine.Tests.Sync;
using Microsoft.EntityFrameworkCore;
using Quartz;

namespace ErpSync.Engine.Tests.Import;

/// <summary>The scheduled sync of a connection waits while an import of it is queued or running.</summary>
public sealed class ImportSchedulingTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>Just enough of a Quartz job context: the merged job data.</summary>
    public class FakeContext : DispatchProxy
    {
        public JobDataMap Data { get; set; } = new();

        protected override object? Invoke(MethodInfo? targetMethod, object?[]? args) =>
            targetMethod?.Name == "get_MergedJobDataMap" ? Data : throw new NotSupportedException(targetMethod?.Name);
    }

    private static IJobExecutionContext Context(int connectionId, SyncRunKind kind)
    {
        var context = DispatchProxy.Create<IJobExecutionContext, FakeContext>();
        ((FakeContext)(object)context).Data = new JobDataMap { [SyncConnectionJob.ConnectionIdKey] = connectionId, [SyncConnectionJob.KindKey] = kind.ToString() };
        return context;
    }

    [Fact]
    public async Task ScheduledSync_SkipsWhileImporting_RunsAfterwards()
    {
        await using var scenario = await SyncScenario.StartAsync();
        var connection = await scenario.ConnectionAsync("erp-s", new FieldMappingInput("NAME", "name", FieldDirection.Both, true, false));
        var imports = scenario.Get<ImportAdmin>();
        var job = await imports.StartAsync(new ImportRequest(connection, ActorType.Customer, new ImportSelection(["C10001"]), new ImportSettings()), null, Ct);
        var syncJob = new SyncConnectionJob(scenario.Engine, imports);

        await syncJob.Execute(Context(connection, SyncRunKind.Scheduled), Ct);
        await using (var db = await scenario.OpenAsync())
        {
            (await db.SyncRuns.CountAsync(Ct)).ShouldBe(0);
        }

        await imports.RunAsync(job.Id, Ct);
        await syncJob.Execute(Context(connection, SyncRunKind.Scheduled), Ct);
        await using (var db = await scenario.OpenAsync())
        {
            (await db.SyncRuns.CountAsync(Ct)).ShouldBe(1);
        }
    }
}
