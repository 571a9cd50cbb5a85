using ErpSync.Engine.Sync;

namespace ErpSync.Engine.Tests.Sync;

public sealed class SweepDueTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 24, 12, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData(SyncRunKind.Manual, 1, true)]
    [InlineData(SyncRunKind.Scheduled, null, true)]
    [InlineData(SyncRunKind.Scheduled, 59, false)]
    [InlineData(SyncRunKind.Scheduled, 60, true)]
    [InlineData(SyncRunKind.Record, null, false)]
    [InlineData(SyncRunKind.Resync, null, false)]
    [InlineData(SyncRunKind.Import, null, false)]
    public void ManualAlways_ScheduledHourly_OthersNever(SyncRunKind kind, int? minutesSinceLast, bool due) =>
        SyncEngine.SweepDue(kind, minutesSinceLast is { } m ? Now.AddMinutes(-m) : null, Now).ShouldBe(due);
}
