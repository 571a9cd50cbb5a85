using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace ErpSync.Connectors.Tryton.Tests;

public sealed class DomainTranslatorTests
{
    // Readable expectations: '<' and '>' unescaped.
    private static readonly JsonSerializerOptions Json = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private static readonly IReadOnlyList<SearchTarget> Targets =
    [
        .. SearchTarget.For(ActorType.Customer),
        new("SINCE", FieldType.Date, "create_date"),
        new("CREDIT", FieldType.Decimal, "credit_limit"),
        new("FLAG", FieldType.Checkbox, "active"),
    ];

    private static string Domain(string field, SearchOperator op, params FieldValue[] values) =>
        Translate(new SearchRestriction(field, op, values)).Domain!.ToJsonString(Json);

    private static (JsonArray? Domain, string? Error) Translate(params SearchRestriction[] restrictions) =>
        DomainTranslator.Translate(Targets, restrictions, personRelation: 7, dutch: false);

    [Theory]
    [InlineData(SearchOperator.Equal, """[["name","ilike","Acme"]]""")]
    [InlineData(SearchOperator.NotEqual, """[["name","not ilike","Acme"]]""")]
    [InlineData(SearchOperator.Begins, """[["name","ilike","Acme%"]]""")]
    [InlineData(SearchOperator.Contains, """[["name","ilike","%Acme%"]]""")]
    [InlineData(SearchOperator.Ends, """[["name","ilike","%Acme"]]""")]
    [InlineData(SearchOperator.NotBegins, """[["name","not ilike","Acme%"]]""")]
    [InlineData(SearchOperator.NotContains, """[["name","not ilike","%Acme%"]]""")]
    [InlineData(SearchOperator.NotEnds, """[["name","not ilike","%Acme"]]""")]
    public void Text_OnAPartyColumn_IlikeAndItsNegation(SearchOperator op, string expected) =>
        Domain("NAME", op, FieldValue.Text("Acme")).ShouldBe(expected);

    [Fact]
    public void Text_WildcardsInTheValue_AreEscaped() =>
        Domain("NAME", SearchOperator.Contains, FieldValue.Text("50%_off\\")).ShouldBe("""[["name","ilike","%50\\%\\_off\\\\%"]]""");

    [Fact]
    public void Text_Between_IsTwoBounds() =>
        Domain("NAME", SearchOperator.Between, FieldValue.Text("A"), FieldValue.Text("M")).ShouldBe("""[["name",">=","A"],["name","<=","M"]]""");

    [Fact]
    public void Mechanism_MatchesTheSameRowAsItsType() =>
        Domain("EMAIL", SearchOperator.Ends, FieldValue.Text("@globex.example"))
            .ShouldBe("""[["contact_mechanisms","where",[["type","=","email"],["value","ilike","%@globex.example"]]]]""");

    [Fact]
    public void ChildNegation_IsNoRowMatching() =>
        Domain("CITY", SearchOperator.NotContains, FieldValue.Text("berl"))
            .ShouldBe("""[["addresses","not where",[["city","ilike","%berl%"]]]]""");

    [Fact]
    public void Vat_IsAnIdentifierOfAVatType() =>
        Domain("VATNO", SearchOperator.Equal, FieldValue.Text("DE123"))
            .ShouldBe("""[["identifiers","where",[["type","like","%_vat"],["code","ilike","DE123"]]]]""");

    [Theory]
    [InlineData(SearchOperator.OneOf, "where")]
    [InlineData(SearchOperator.NotOneOf, "not where")]
    public void List_InAndNotIn_ByCode(SearchOperator op, string where) =>
        Domain("COUNTRY", op, FieldValue.List("DE"), FieldValue.List("NL"))
            .ShouldBe($$"""[["addresses","{{where}}",[["country.code","in",["DE","NL"]]]]]""");

    [Theory]
    [InlineData(SearchOperator.Equal, "=")]
    [InlineData(SearchOperator.NotEqual, "!=")]
    [InlineData(SearchOperator.GreaterThan, ">")]
    [InlineData(SearchOperator.LessThan, "<")]
    [InlineData(SearchOperator.GreaterOrEqual, ">=")]
    [InlineData(SearchOperator.LessOrEqual, "<=")]
    public void Numbers_AsTrytonDecimals(SearchOperator op, string trytonOp) =>
        Domain("CREDIT", op, FieldValue.Decimal(12.5m))
            .ShouldBe($$"""[["credit_limit","{{trytonOp}}",{"__class__":"Decimal","decimal":"12.5"}]]""");

    [Fact]
    public void Dates_AsUtcDatetimes_BetweenInclusive() =>
        Domain("SINCE", SearchOperator.Between, FieldValue.Date(new DateTimeOffset(2026, 11, 24, 10, 0, 0, TimeSpan.FromHours(1))), FieldValue.Date(new DateTimeOffset(2026, 11, 25, 0, 0, 0, TimeSpan.Zero)))
            .ShouldBe("""[["create_date",">=",{"__class__":"datetime","year":2026,"month":11,"day":24,"hour":9,"minute":0,"second":0,"microsecond":0}],["create_date","<=",{"__class__":"datetime","year":2026,"month":11,"day":25,"hour":0,"minute":0,"second":0,"microsecond":0}]]""");

    [Theory]
    [InlineData(SearchOperator.After, ">")]
    [InlineData(SearchOperator.BeforeOrEqual, "<=")]
    public void Dates_Comparisons(SearchOperator op, string trytonOp) =>
        Domain("SINCE", op, FieldValue.Date(new DateTimeOffset(2026, 1, 2, 0, 0, 0, TimeSpan.Zero))).ShouldStartWith($"""[["create_date","{trytonOp}",""");

    [Fact]
    public void Checkbox_Equal() => Domain("FLAG", SearchOperator.Equal, FieldValue.Boolean(true)).ShouldBe("""[["active","=",true]]""");

    [Fact]
    public void Restrictions_AreAnded_AndParentKeyIsARelationOfTheConfiguredType()
    {
        var (domain, _) = Translate(new SearchRestriction("NAME", SearchOperator.Begins, [FieldValue.Text("A")]),
            new SearchRestriction(SearchRestriction.ParentKeyField, SearchOperator.Equal, [FieldValue.Text("3")]));

        domain!.ToJsonString(Json).ShouldBe("""[["name","ilike","A%"],["relations","where",[["to","in",[3]],["type","=",7]]]]""");
    }

    [Theory]
    [InlineData("NOPE", SearchOperator.Equal, "'NOPE' is not a searchable field.")]
    [InlineData("COUNTRY", SearchOperator.Contains, "Operator Contains does not apply to 'COUNTRY' (List).")]
    [InlineData("NAME", SearchOperator.Between, "Operator Between on 'NAME' needs 2 value(s).")]
    public void Refused_WithAReason(string field, SearchOperator op, string reason) =>
        Translate(new SearchRestriction(field, op, [FieldValue.Text("x")])).Error.ShouldBe(reason);

    [Fact]
    public void Refused_InDutch() =>
        DomainTranslator.Translate(Targets, [new SearchRestriction("NOPE", SearchOperator.Equal, [FieldValue.Text("x")])], null, dutch: true)
            .Error.ShouldBe("'NOPE' is geen zoekbaar veld.");

    [Fact]
    public void WrongValueType_Refused() =>
        Translate(new SearchRestriction("CREDIT", SearchOperator.Equal, [FieldValue.Text("x")])).Error.ShouldBe("'x' is not a Decimal value for 'CREDIT'.");

    [Fact]
    public void SearchableFields_LeaveOutCompanyDependentAndActive() =>
        SearchTarget.For(ActorType.Customer).Select(t => t.Field).ShouldBe(
            ["CODE", "NAME", "VATNO", "EMAIL", "PHONE", "MOBILE", "WEBSITE", "STREET", "ZIP", "CITY", "COUNTRY", "SUBDIVISION", "CATEGORIES"]);
}
