namespace ErpSync.Connectors.Tryton.Tests;

public sealed class ClassificationTests
{
    [Theory]
    [InlineData(new long[] { 1 }, false, ActorType.Customer)]
    [InlineData(new long[] { 2, 9 }, false, ActorType.Supplier)]
    [InlineData(new long[] { 1, 2 }, false, ActorType.Partner)]
    [InlineData(new long[] { 1 }, true, ActorType.Person)]
    public void Categories_DecideTheType(long[] categories, bool person, ActorType expected) =>
        ActorMapper.Classify(categories, person, 1, 2).ShouldBe(expected);

    [Fact]
    public void NeitherCategory_NotSynced() => ActorMapper.Classify([9], false, 1, 2).ShouldBeNull();
}
