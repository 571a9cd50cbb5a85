namespace ErpSync.Connectors.Tryton.Tests;

public sealed class ChangeCursorTests
{
    [Fact]
    public void EncodeDecode_RoundTrips()
    {
        var cursor = new ChangeCursor(new DateTime(2026, 11, 24, 1, 2, 3, DateTimeKind.Utc).AddTicks(12340), 42, true);

        ChangeCursor.Decode(cursor.Encode()).ShouldBe(cursor);
    }

    [Theory]
    [InlineData("")]
    [InlineData("12345")]
    [InlineData("t1.abc.1.0")]
    [InlineData("t1.1.2.3")]
    public void Foreign_Null(string text) => ChangeCursor.Decode(text).ShouldBeNull();

    [Fact]
    public void Tail_ReadsTheOverlapAgain()
    {
        var at = new DateTime(2026, 11, 24, 12, 0, 0, DateTimeKind.Utc);

        new ChangeCursor(at, 7, true).ReadFrom(TimeSpan.FromMinutes(5)).ShouldBe(at.AddMinutes(-5));
        new ChangeCursor(at, 7, true).Admits(at.AddMinutes(-1), 1).ShouldBeTrue();
        new ChangeCursor(at, 7, false).ReadFrom(TimeSpan.FromMinutes(5)).ShouldBe(at);
    }
}
