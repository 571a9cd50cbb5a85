using System.Net;

namespace ErpSync.Connectors.Tryton.Tests;

/// <summary>The connector's own texts follow the caller's culture: English by default, Dutch for nl-*.</summary>
public sealed class TrytonLocalizationTests(TrytonConformanceFixture fixture) : IClassFixture<TrytonConformanceFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private ConnectorContext Dutch => fixture.CreateContext() with { Culture = "nl-NL" };

    [Fact]
    public async Task ConfigurationTest_InDutch()
    {
        var result = await fixture.Connector.TestConfigurationAsync(Dutch, Ct);

        result.IsOk.ShouldBeTrue(result.Message);
        result.Message.ShouldStartWith("Verbonden met Tryton 6.0");
        result.Checks.Select(c => c.Name).ShouldBe(["Configuratie compleet", "Server", "Database", "Inloggen", "Bedrijf", "Relatiecategorieën", "Rechten"]);
    }

    [Fact]
    public async Task WrongPassword_InDutch_AndInEnglish()
    {
        var wrong = fixture.CreateWrongPasswordContext();

        var dutch = await fixture.Connector.TestConfigurationAsync(wrong with { Culture = "nl-NL" }, Ct);
        var english = await fixture.Connector.TestConfigurationAsync(wrong, Ct);

        dutch.Message.ShouldStartWith("Tryton weigerde");
        english.Message.ShouldStartWith("Tryton refused");
    }

    [Fact]
    public async Task FieldsActorTypesAndConfigFields_InDutch()
    {
        var types = (await fixture.Connector.GetActorTypesAsync(Dutch, Ct)).GetValueOrThrow();
        var fields = (await fixture.Connector.GetFieldsAsync(Dutch, ActorType.Customer, Ct)).GetValueOrThrow();
        var config = await fixture.Connector.GetConfigFieldsAsync(ConnectorContext.Empty("nl-NL"), Ct);
        var english = (await fixture.Connector.GetFieldsAsync(fixture.CreateContext(), ActorType.Customer, Ct)).GetValueOrThrow();

        types.Select(t => t.DisplayName).ShouldBe(["Klant", "Leverancier", "Partner", "Contactpersoon"]);
        fields.Single(f => f.Key == "CITY").DisplayName.ShouldBe("Plaats");
        english.Single(f => f.Key == "CITY").DisplayName.ShouldBe("City");
        config.Single(f => f.Key == "UserName").DisplayName.ShouldBe("Gebruikersnaam");
    }

    [Fact]
    public void ErrorClassifier_InDutch() =>
        ErrorClassifier.FromStatus(HttpStatusCode.TooManyRequests, true, dutch: true).Message.ShouldStartWith("Tryton heeft de login geblokkeerd");
}
