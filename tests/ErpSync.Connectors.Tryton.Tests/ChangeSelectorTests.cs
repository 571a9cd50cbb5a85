namespace ErpSync.Connectors.Tryton.Tests;

public sealed class ChangeSelectorTests
{
    private static readonly DateTime T0 = new(2026, 11, 24, 12, 0, 0, DateTimeKind.Utc);

    [Fact]
    public void OnePartyOnce_AtItsLatestChange_InKeysetOrder()
    {
        PartyChange[] rows = [new(T0.AddSeconds(2), 5), new(T0, 9), new(T0.AddSeconds(5), 5), new(T0, 3), new(T0.AddSeconds(1), 9)];

        var ordered = ChangeSelector.Order(rows, ChangeCursor.Start);

        ordered.ShouldBe([new(T0, 3), new(T0.AddSeconds(1), 9), new(T0.AddSeconds(5), 5)]);
    }

    [Fact]
    public void AfterCursor_SameTimestamp_HigherIdsOnly()
    {
        PartyChange[] rows = [new(T0, 3), new(T0, 4), new(T0, 8), new(T0.AddSeconds(1), 1)];

        var ordered = ChangeSelector.Order(rows, new ChangeCursor(T0, 4, false));

        ordered.ShouldBe([new(T0, 8), new(T0.AddSeconds(1), 1)]);
    }
}
