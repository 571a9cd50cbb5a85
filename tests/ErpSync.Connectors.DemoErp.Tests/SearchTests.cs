namespace ErpSync.Connectors.DemoErp.Tests;

public sealed class SearchTests : IDisposable
{
    private readonly DemoErpSandbox _sandbox = new();

    public void Dispose() => _sandbox.Dispose();

    private async Task<SearchPage> SearchAsync(ActorType type, string? text, int skip = 0, int take = 50, string? parentKey = null) =>
        (await _sandbox.Connector.SearchAsync(_sandbox.Context(), new SearchRequest(type, text, [], new PageRequest(skip, take), parentKey), DemoErpSandbox.Ct)).GetValueOrThrow();

    private Task<ConnectorResult<SearchPage>> AdvancedAsync(ActorType type, params SearchRestriction[] restrictions) =>
        _sandbox.Connector.SearchAdvancedAsync(_sandbox.Context(), new AdvancedSearchRequest(type, restrictions, [], new PageRequest(0, 1000)), DemoErpSandbox.Ct).AsTask();

    private async Task<IReadOnlyList<Actor>> MatchAsync(ActorType type, string field, SearchOperator op, params FieldValue[] values) =>
        (await AdvancedAsync(type, new SearchRestriction(field, op, values))).GetValueOrThrow().Actors;

    private async Task<IReadOnlyList<Actor>> AllAsync(ActorType type) => (await SearchAsync(type, null, take: 1000)).Actors;

    [Fact]
    public async Task BlankText_ListsAllWithPaging()
    {
        var first = await SearchAsync(ActorType.Customer, " ", 0, 15);
        var last = await SearchAsync(ActorType.Customer, null, 30, 15);

        (first.Total, first.HasMore, first.Actors.Count).ShouldBe((40, true, 15));
        (last.Total, last.HasMore, last.Actors.Count).ShouldBe((40, false, 10));
    }

    [Fact]
    public async Task Text_CaseInsensitiveOverNameCityEmailVatAndNumber()
    {
        var sample = (await AllAsync(ActorType.Customer))[3];
        var city = sample.Fields["STREETCITY"]!.ToInvariantString();

        (await SearchAsync(ActorType.Customer, sample.DisplayName!.ToUpperInvariant())).Actors.ShouldContain(a => a.Key == sample.Key);
        (await SearchAsync(ActorType.Customer, city.ToLowerInvariant())).Actors.ShouldAllBe(a => a.Fields["STREETCITY"]!.ToInvariantString() == city || a.Fields["POSTALCITY"]!.ToInvariantString() == city || a.DisplayName!.Contains(city));
        (await SearchAsync(ActorType.Customer, sample.Fields["EMAIL"]!.ToInvariantString())).Actors.ShouldContain(a => a.Key == sample.Key);
        (await SearchAsync(ActorType.Customer, sample.Fields["VATNO"]!.ToInvariantString().ToLowerInvariant())).Actors.ShouldContain(a => a.Key == sample.Key);
        (await SearchAsync(ActorType.Customer, sample.Fields["NUMBER1"]!.ToInvariantString())).Actors.ShouldContain(a => a.Key == sample.Key);
        (await SearchAsync(ActorType.Customer, "zzzz-nothing")).Total.ShouldBe(0);
    }

    [Fact]
    public async Task Text_NonAsciiCaseFolding()
    {
        var page = (await _sandbox.Connector.SearchAsync(_sandbox.Context("DE01"), new SearchRequest(ActorType.Customer, "KÖLN", [], new PageRequest()), DemoErpSandbox.Ct)).GetValueOrThrow();

        page.Total.ShouldNotBeNull().ShouldBeGreaterThan(0);
    }

    [Fact]
    public async Task Text_ParentKeyFilter()
    {
        var page = await SearchAsync(ActorType.Person, null, parentKey: "C10001");

        page.Actors.ShouldNotBeEmpty();
        page.Actors.ShouldAllBe(p => p.ParentKey == "C10001");
    }

    [Fact]
    public async Task AdvancedText_EveryOperator()
    {
        var all = await AllAsync(ActorType.Customer);
        string Name(Actor a) => a.Fields["NAME"]!.ToInvariantString();
        var sample = Name(all[0]);

        (await MatchAsync(ActorType.Customer, "NAME", SearchOperator.Equal, FieldValue.Text(sample.ToUpperInvariant()))).ShouldHaveSingleItem().Key.ShouldBe(all[0].Key);
        (await MatchAsync(ActorType.Customer, "NAME", SearchOperator.NotEqual, FieldValue.Text(sample))).Count.ShouldBe(39);
        (await MatchAsync(ActorType.Customer, "NAME", SearchOperator.Begins, FieldValue.Text(sample[..3].ToLowerInvariant()))).Count.ShouldBe(all.Count(a => Name(a).StartsWith(sample[..3], StringComparison.OrdinalIgnoreCase)));
        (await MatchAsync(ActorType.Customer, "NAME", SearchOperator.NotBegins, FieldValue.Text(sample[..3]))).Count.ShouldBe(all.Count(a => !Name(a).StartsWith(sample[..3], StringComparison.OrdinalIgnoreCase)));
        (await MatchAsync(ActorType.Customer, "NAME", SearchOperator.Contains, FieldValue.Text("B.V."))).Count.ShouldBe(all.Count(a => Name(a).Contains("B.V.", StringComparison.OrdinalIgnoreCase)));
        (await MatchAsync(ActorType.Customer, "NAME", SearchOperator.NotContains, FieldValue.Text("b.v."))).Count.ShouldBe(all.Count(a => !Name(a).Contains("B.V.", StringComparison.OrdinalIgnoreCase)));
        (await MatchAsync(ActorType.Customer, "NAME", SearchOperator.Ends, FieldValue.Text("gmbh"))).Count.ShouldBe(all.Count(a => Name(a).EndsWith("GmbH", StringComparison.OrdinalIgnoreCase)));
        (await MatchAsync(ActorType.Customer, "NAME", SearchOperator.NotEnds, FieldValue.Text("GMBH"))).Count.ShouldBe(all.Count(a => !Name(a).EndsWith("GmbH", StringComparison.OrdinalIgnoreCase)));
        (await MatchAsync(ActorType.Customer, "NAME", SearchOperator.Between, FieldValue.Text("a"), FieldValue.Text("k"))).Count.ShouldBe(all.Count(a => string.CompareOrdinal(Name(a).ToLowerInvariant(), "a") >= 0 && string.CompareOrdinal(Name(a).ToLowerInvariant(), "k") <= 0));
    }

    [Fact]
    public async Task AdvancedNumbers_EveryOperator()
    {
        var all = await AllAsync(ActorType.Customer);
        decimal Limit(Actor a) => ((DecimalValue)a.Fields["CREDITLIMIT"]!).Value;

        (await MatchAsync(ActorType.Customer, "CREDITLIMIT", SearchOperator.Equal, FieldValue.Integer(10000))).Count.ShouldBe(all.Count(a => Limit(a) == 10000));
        (await MatchAsync(ActorType.Customer, "CREDITLIMIT", SearchOperator.NotEqual, FieldValue.Decimal(10000))).Count.ShouldBe(all.Count(a => Limit(a) != 10000));
        (await MatchAsync(ActorType.Customer, "CREDITLIMIT", SearchOperator.GreaterThan, FieldValue.Decimal(10000))).Count.ShouldBe(all.Count(a => Limit(a) > 10000));
        (await MatchAsync(ActorType.Customer, "CREDITLIMIT", SearchOperator.GreaterOrEqual, FieldValue.Decimal(10000))).Count.ShouldBe(all.Count(a => Limit(a) >= 10000));
        (await MatchAsync(ActorType.Customer, "CREDITLIMIT", SearchOperator.LessThan, FieldValue.Decimal(10000))).Count.ShouldBe(all.Count(a => Limit(a) < 10000));
        (await MatchAsync(ActorType.Customer, "CREDITLIMIT", SearchOperator.LessOrEqual, FieldValue.Decimal(10000))).Count.ShouldBe(all.Count(a => Limit(a) <= 10000));
        (await MatchAsync(ActorType.Customer, "CREDITLIMIT", SearchOperator.Between, FieldValue.Decimal(5000), FieldValue.Decimal(25000))).Count.ShouldBe(all.Count(a => Limit(a) is >= 5000 and <= 25000));
    }

    [Fact]
    public async Task AdvancedDatesCheckboxesAndLists()
    {
        var all = await AllAsync(ActorType.Customer);
        DateTimeOffset Since(Actor a) => ((DateValue)a.Fields["CUSTOMERSINCE"]!).Value;
        var pivot = new DateTimeOffset(2015, 6, 1, 0, 0, 0, TimeSpan.Zero);
        var exact = Since(all[0]);

        (await MatchAsync(ActorType.Customer, "CUSTOMERSINCE", SearchOperator.Equal, FieldValue.Date(exact.AddHours(15)))).ShouldContain(a => a.Key == all[0].Key);
        (await MatchAsync(ActorType.Customer, "CUSTOMERSINCE", SearchOperator.Before, FieldValue.Date(pivot))).Count.ShouldBe(all.Count(a => Since(a) < pivot));
        (await MatchAsync(ActorType.Customer, "CUSTOMERSINCE", SearchOperator.After, FieldValue.Date(pivot))).Count.ShouldBe(all.Count(a => Since(a) > pivot));
        (await MatchAsync(ActorType.Customer, "CUSTOMERSINCE", SearchOperator.BeforeOrEqual, FieldValue.Date(exact))).Count.ShouldBe(all.Count(a => Since(a) <= exact));
        (await MatchAsync(ActorType.Customer, "CUSTOMERSINCE", SearchOperator.AfterOrEqual, FieldValue.Date(exact))).Count.ShouldBe(all.Count(a => Since(a) >= exact));
        (await MatchAsync(ActorType.Customer, "CUSTOMERSINCE", SearchOperator.Between, FieldValue.Date(pivot), FieldValue.Date(pivot.AddYears(3)))).Count.ShouldBe(all.Count(a => Since(a) >= pivot && Since(a) <= pivot.AddYears(3)));
        (await MatchAsync(ActorType.Customer, "BLOCKED", SearchOperator.Equal, FieldValue.Boolean(false))).Count.ShouldBe(all.Count(a => a.Fields["BLOCKED"] == FieldValue.Boolean(false)));
        (await MatchAsync(ActorType.Customer, "COUNTRY", SearchOperator.OneOf, FieldValue.List("NL"), FieldValue.List("BE"))).Count.ShouldBe(all.Count(a => a.Fields["COUNTRY"] is ListValue { Key: "NL" or "BE" }));
        (await MatchAsync(ActorType.Customer, "COUNTRY", SearchOperator.NotOneOf, FieldValue.List("NL"))).Count.ShouldBe(all.Count(a => a.Fields["COUNTRY"] is not ListValue { Key: "NL" }));
    }

    [Fact]
    public async Task AdvancedParentRestrictions_AndCombined()
    {
        var persons = await AllAsync(ActorType.Person);

        (await MatchAsync(ActorType.Person, SearchRestriction.ParentKeyField, SearchOperator.Equal, FieldValue.Text("S20001"))).ShouldAllBe(p => p.ParentKey == "S20001");
        (await MatchAsync(ActorType.Person, SearchRestriction.ParentTypeField, SearchOperator.OneOf, FieldValue.Text("Supplier"), FieldValue.Text("partner"))).Count
            .ShouldBe(persons.Count(p => p.ParentType is ActorType.Supplier or ActorType.Partner));
        var combined = (await AdvancedAsync(ActorType.Person,
            new SearchRestriction(SearchRestriction.ParentTypeField, SearchOperator.Equal, [FieldValue.Text("Customer")]),
            new SearchRestriction("LASTNAME", SearchOperator.Begins, [FieldValue.Text(persons[0].Fields["LASTNAME"]!.ToInvariantString()[..1])]))).GetValueOrThrow();
        combined.Actors.ShouldAllBe(p => p.ParentType == ActorType.Customer);
    }

    [Fact]
    public async Task Advanced_Paging()
    {
        var page = (await _sandbox.Connector.SearchAdvancedAsync(_sandbox.Context(), new AdvancedSearchRequest(ActorType.Customer,
            [new SearchRestriction("CREDITLIMIT", SearchOperator.GreaterOrEqual, [FieldValue.Integer(0)])], ["NAME"], new PageRequest(35, 10)), DemoErpSandbox.Ct)).GetValueOrThrow();

        (page.Total, page.Actors.Count, page.HasMore).ShouldBe((40, 5, false));
    }

    [Theory]
    [InlineData("NAME", SearchOperator.GreaterThan)]
    [InlineData("CREDITLIMIT", SearchOperator.Contains)]
    [InlineData("COUNTRY", SearchOperator.Equal)]
    [InlineData("NOSUCHFIELD", SearchOperator.Equal)]
    public async Task Advanced_OperatorFieldMismatch_Validation(string field, SearchOperator op)
    {
        var result = await AdvancedAsync(ActorType.Customer, new SearchRestriction(field, op, [FieldValue.Text("x")]));

        result.Error!.Code.ShouldBe(ErrorCode.Validation);
    }

    [Fact]
    public async Task Advanced_WrongValueTypeOrCount_Validation()
    {
        (await AdvancedAsync(ActorType.Customer, new SearchRestriction("CREDITLIMIT", SearchOperator.Equal, [FieldValue.Text("lots")]))).Error!.Code.ShouldBe(ErrorCode.Validation);
        (await AdvancedAsync(ActorType.Customer, new SearchRestriction("CREDITLIMIT", SearchOperator.Between, [FieldValue.Integer(1)]))).Error!.Code.ShouldBe(ErrorCode.Validation);
    }

    [Fact]
    public async Task Advanced_ValuesAreParameters_NotSql()
    {
        var result = await MatchAsync(ActorType.Customer, "NAME", SearchOperator.Contains, FieldValue.Text("'); DROP TABLE actors; --"));

        result.ShouldBeEmpty();
        (await AllAsync(ActorType.Customer)).Count.ShouldBe(40);
    }

    [Fact]
    public async Task SearchableFields_AreTheActorFields()
    {
        var fields = (await _sandbox.Connector.GetSearchableFieldsAsync(_sandbox.Context(), ActorType.Project, DemoErpSandbox.Ct)).GetValueOrThrow();

        fields.Select(f => f.Key).ShouldContain("ENDDATE");
    }
}
