using ErpSync.Engine.Mapping;

namespace ErpSync.Engine.Tests.Mapping;

public sealed class SyncPriorityTests
{
    private static readonly (int, string)[] Connections = [(3, "Tryton"), (5, "Exact"), (7, "AFAS")];

    [Theory]
    [InlineData("", new[] { 0, 7, 5, 3 })]
    [InlineData("3;0", new[] { 3, 0, 7, 5 })]
    [InlineData("5;3;0;7", new[] { 5, 3, 0, 7 })]
    [InlineData("9;3;3;x;0", new[] { 3, 0, 7, 5 })]
    [InlineData("7", new[] { 0, 7, 5, 3 })]
    public void Order_StoredThenUnlistedByName_CrmAlwaysPresent(string stored, int[] expected) =>
        SyncPriority.Order(stored, Connections).ShouldBe(expected);

    [Fact]
    public void Format_RoundTrips() => SyncPriority.Order(SyncPriority.Format([5, 0, 3, 7]), Connections).ShouldBe([5, 0, 3, 7]);
}
