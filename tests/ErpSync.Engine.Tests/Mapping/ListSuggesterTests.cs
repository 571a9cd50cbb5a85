using ErpSync.Connectors;
using ErpSync.Engine.Mapping;

namespace ErpSync.Engine.Tests.Mapping;

public sealed class ListSuggesterTests
{
    private static readonly CrmListItemOption[] Crm =
    [
        new(1, "Netherlands", "NL"), new(2, "Belgium", "BE"), new(3, "Österreich", null), new(4, "Deutschland", "DE"),
    ];

    [Fact]
    public void Suggest_MatchesByCodeThenByNameIgnoringCaseAndAccents()
    {
        ListItem[] erp = [new("NL", "Nederland"), new("be", "België"), new("AT", "OSTERREICH"), new("XX", "Atlantis")];

        var suggested = ListSuggester.Suggest(erp, Crm, new Dictionary<string, int?>());

        suggested.ShouldBe(new Dictionary<string, int> { ["NL"] = 1, ["be"] = 2, ["AT"] = 3 }, ignoreOrder: true);
    }

    [Fact]
    public void Suggest_KeepsChoicesAndNeverUsesACrmItemTwice()
    {
        ListItem[] erp = [new("NL", "Netherlands"), new("HOL", "Netherlands")];

        var suggested = ListSuggester.Suggest(erp, Crm, new Dictionary<string, int?> { ["HOL"] = 1 });

        suggested.ShouldBe(new Dictionary<string, int> { ["HOL"] = 1 });
    }

    [Fact]
    public void Duplicates_NamesEveryRowSharingACrmItem_NoSelectionNeverClashes()
    {
        ListItemInput[] items = [new("NL", 1), new("BE", 1), new("DE", 4), new("AT", null), new("CH", null)];

        ListSuggester.Duplicates(items).ShouldBe(["NL", "BE"], ignoreOrder: true);
    }

    [Theory]
    [InlineData("Österreich", "osterreich")]
    [InlineData("  België ", "belgie")]
    [InlineData("Curaçao", "curacao")]
    public void Normalize_RemovesCaseAndAccents(string text, string expected) => ListSuggester.Normalize(text).ShouldBe(expected);
}
