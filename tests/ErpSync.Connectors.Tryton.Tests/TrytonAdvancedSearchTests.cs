using System.Diagnostics;

namespace ErpSync.Connectors.Tryton.Tests;

/// <summary>Structured search against a live Tryton: the translated domains select the seeded parties they should.</summary>
public sealed class TrytonAdvancedSearchTests(TrytonConformanceFixture fixture) : IClassFixture<TrytonConformanceFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private async Task<string[]> NamesAsync(ActorType type, params SearchRestriction[] restrictions)
    {
        var page = (await fixture.Connector.As<ISearchableConnector>().SearchAdvancedAsync(fixture.CreateContext(),
            new AdvancedSearchRequest(type, restrictions, ["NAME"], new PageRequest(0, 50)), Ct)).GetValueOrThrow();
        return [.. page.Actors.Select(a => a.Fields["NAME"]!.ToInvariantString())];
    }

    private static SearchRestriction R(string field, SearchOperator op, params FieldValue[] values) => new(field, op, values);

    [Fact]
    public async Task Restrictions_SelectTheSeededParties()
    {
        var clock = Stopwatch.StartNew();

        (await NamesAsync(ActorType.Customer, R("EMAIL", SearchOperator.Ends, FieldValue.Text("@GLOBEX.example")))).ShouldBe(["Globex Corporation"]);
        (await NamesAsync(ActorType.Customer, R("COUNTRY", SearchOperator.OneOf, FieldValue.List("US")))).ShouldBe(["Initech Inc."]);
        (await NamesAsync(ActorType.Customer, R("COUNTRY", SearchOperator.NotOneOf, FieldValue.List("US")))).ShouldBe(["Globex Corporation"]);
        (await NamesAsync(ActorType.Customer, R("NAME", SearchOperator.NotContains, FieldValue.Text("corp")))).ShouldBe(["Initech Inc."]);
        (await NamesAsync(ActorType.Customer, R("NAME", SearchOperator.Equal, FieldValue.Text("globex corporation")))).ShouldBe(["Globex Corporation"]);
        (await NamesAsync(ActorType.Customer, R("CITY", SearchOperator.Begins, FieldValue.Text("San")), R("ZIP", SearchOperator.Between, FieldValue.Text("94000"), FieldValue.Text("95000"))))
            .ShouldBe(["Initech Inc."]);
        (await NamesAsync(ActorType.Customer, R("VATNO", SearchOperator.Contains, FieldValue.Text("123456")))).ShouldBe(["Globex Corporation"]);
        (await NamesAsync(ActorType.Customer, R("PHONE", SearchOperator.NotBegins, FieldValue.Text("+49")))).ShouldBe(["Initech Inc."]);
        (await NamesAsync(ActorType.Partner, R("CATEGORIES", SearchOperator.Contains, FieldValue.Text("supp")))).ShouldBe(["Stark Industries"]);
        (await NamesAsync(ActorType.Person, R(SearchRestriction.ParentKeyField, SearchOperator.Equal, FieldValue.Text(fixture.Server.SeedId("parties", "globex").ToString(System.Globalization.CultureInfo.InvariantCulture)))))
            .ShouldBe(["Jeanne Dupont"]);
        TestContext.Current.SendDiagnosticMessage($"10 live advanced searches: {clock.Elapsed.TotalSeconds:F1} s");
    }

    [Fact]
    public async Task UnknownField_IsAValidationError_InTheCallersLanguage()
    {
        var dutch = fixture.CreateContext() with { Culture = "nl-NL" };

        var result = await fixture.Connector.As<ISearchableConnector>().SearchAdvancedAsync(dutch,
            new AdvancedSearchRequest(ActorType.Customer, [R("NOPE", SearchOperator.Equal, FieldValue.Text("x"))], ["NAME"], new PageRequest()), Ct);

        result.Error!.ShouldSatisfyAllConditions(e => e.Code.ShouldBe(ErrorCode.Validation), e => e.Message.ShouldBe("'NOPE' is geen zoekbaar veld."));
    }

    [Fact]
    public async Task SearchableFields_AreTheTranslatableOnes()
    {
        var fields = (await fixture.Connector.As<ISearchableConnector>().GetSearchableFieldsAsync(fixture.CreateContext(), ActorType.Customer, Ct)).GetValueOrThrow();

        fields.Select(f => f.Key).ShouldBe(SearchTarget.For(ActorType.Customer).Select(t => t.Field));
    }
}

internal static class ConnectorCasts
{
    public static T As<T>(this ISyncConnector connector) => (T)connector;
}
