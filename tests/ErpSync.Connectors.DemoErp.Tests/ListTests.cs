namespace ErpSync.Connectors.DemoErp.Tests;

public sealed class ListTests : IDisposable
{
    private readonly DemoErpSandbox _sandbox = new();

    public void Dispose() => _sandbox.Dispose();

    private async Task<IReadOnlyList<ListItem>> ListAsync(string name, string culture = "en") =>
        (await _sandbox.Connector.GetListAsync(_sandbox.Context(culture: culture), name, DemoErpSandbox.Ct)).GetValueOrThrow();

    [Fact]
    public async Task Administrations_NeedOnlyTheDatabaseFile()
    {
        var context = new ConnectorContext(Guid.Empty, new ConfigValues([new("DatabaseFile", FieldValue.Text(_sandbox.FilePath))]));

        var items = (await _sandbox.Connector.GetListAsync(context, "administrations", DemoErpSandbox.Ct)).GetValueOrThrow();

        items.Select(i => (i.Key, i.Text)).ShouldBe(
        [
            ("BE01", "Demo Trading BV (Antwerpen)"),
            ("DE01", "Demo Handel GmbH (Köln)"),
            ("NL01", "Demo Handel B.V. (Utrecht)"),
        ]);
    }

    [Fact]
    public async Task OtherLists_NeedCredentials()
    {
        var result = await _sandbox.Connector.GetListAsync(_sandbox.Context(password: "bad"), "countries", DemoErpSandbox.Ct);

        result.Error!.Code.ShouldBe(ErrorCode.AuthenticationFailed);
    }

    [Fact]
    public async Task Lists_HoldTheExpectedItems()
    {
        var countries = await ListAsync("countries");
        (await ListAsync("currencies")).Select(i => i.Key).ShouldBe(["EUR", "GBP", "USD", "CHF", "SEK", "DKK", "NOK", "PLN"]);
        var terms = await ListAsync("paymentterms");
        var categories = await ListAsync("customercategories");

        countries.Count.ShouldBeGreaterThanOrEqualTo(16);
        countries.Select(i => i.Key).ShouldContain("US");
        countries.Single(i => i.Key == "NL").Text.ShouldBe("Netherlands");
        terms.Single(i => i.Key == "14D").Text.ShouldBe("14 days");
        terms.Single(i => i.Key == "PIA").Text.ShouldBe("Payment in advance");
        categories.Select(i => i.Key).ShouldContain("GOV");
    }

    [Fact]
    public async Task Dutch_TranslatedTexts()
    {
        (await ListAsync("countries", "nl-NL")).Single(i => i.Key == "DE").Text.ShouldBe("Duitsland");
    }

    [Fact]
    public async Task ListItems_ByKey_UnknownOmitted()
    {
        var items = (await _sandbox.Connector.GetListItemsAsync(_sandbox.Context(), "countries", ["BE", "QQ", "FR"], DemoErpSandbox.Ct)).GetValueOrThrow();

        items.Select(i => i.Key).ShouldBe(["BE", "FR"], ignoreOrder: true);
    }

    [Fact]
    public async Task UnknownList_NotSupported()
    {
        var result = await _sandbox.Connector.GetListAsync(_sandbox.Context(), "planets", DemoErpSandbox.Ct);

        result.Error!.Code.ShouldBe(ErrorCode.NotSupported);
    }
}
