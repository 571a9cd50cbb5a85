using System.Text.Json;
using ErpSync.Connectors;

namespace ErpSync.Connectors.Tests;

public sealed class FieldValuesTests
{
    [Theory]
    [InlineData(FieldType.Integer, "42", "42")]
    [InlineData(FieldType.Decimal, "1234.50", "1234.50")]
    [InlineData(FieldType.Checkbox, "true", "true")]
    [InlineData(FieldType.Checkbox, "0", "false")]
    [InlineData(FieldType.List, " NL ", "NL")]
    [InlineData(FieldType.Date, "2026-11-24", "2026-11-24")]
    [InlineData(FieldType.Text, "Van der Berg", "Van der Berg")]
    public void TryParse_ValidInput_RoundTripsThroughFormat(FieldType type, string input, string formatted)
    {
        FieldValues.TryParse(type, input, out var value).ShouldBeTrue();

        FieldValues.Format(value).ShouldBe(formatted);
        FieldValues.Fits(type, value).ShouldBeTrue();
    }

    [Theory]
    [InlineData(FieldType.Integer, "12a")]
    [InlineData(FieldType.Decimal, "1,2,3x")]
    [InlineData(FieldType.Decimal, "1,5")]
    [InlineData(FieldType.Checkbox, "maybe")]
    [InlineData(FieldType.Date, "not a date")]
    public void TryParse_InvalidInput_Fails(FieldType type, string input) =>
        FieldValues.TryParse(type, input, out _).ShouldBeFalse();

    [Fact]
    public void TryParse_Blank_IsNoValue()
    {
        FieldValues.TryParse(FieldType.Integer, "  ", out var value).ShouldBeTrue();

        value.ShouldBeNull();
    }

    [Fact]
    public void FieldValue_SerializesWithTypeDiscriminator_AndBack()
    {
        var values = new Dictionary<string, FieldValue?>
        {
            ["name"] = FieldValue.Text("Bakkerij De Gouden Korst"),
            ["limit"] = FieldValue.Decimal(12500.75m),
            ["since"] = FieldValue.Date(new DateTimeOffset(2020, 1, 2, 0, 0, 0, TimeSpan.Zero)),
            ["country"] = FieldValue.List("NL"),
            ["blocked"] = FieldValue.Boolean(false),
            ["empty"] = null,
        };

        var json = JsonSerializer.Serialize(values, ConnectorJsonContext.Default.DictionaryStringFieldValue);
        var back = JsonSerializer.Deserialize(json, ConnectorJsonContext.Default.DictionaryStringFieldValue)!;

        json.ShouldContain("\"type\":\"decimal\"");
        back.ShouldBe(values);
    }

    [Fact]
    public void ConfigValues_LookupIsCaseInsensitive_AndSurvivesJson()
    {
        var config = new ConfigValues([new("UserName", FieldValue.Text("demo")), new("Latency", FieldValue.Integer(20))]);

        var json = JsonSerializer.Serialize(config, ConnectorJsonContext.Default.ConfigValues);
        var back = JsonSerializer.Deserialize(json, ConnectorJsonContext.Default.ConfigValues)!;

        back.GetText("username").ShouldBe("demo");
        back.GetInteger("LATENCY").ShouldBe(20);
        config.With("latency", null).GetInteger("Latency").ShouldBeNull();
    }

    [Theory]
    [InlineData(FieldType.Text, 9)]
    [InlineData(FieldType.Integer, 7)]
    [InlineData(FieldType.List, 2)]
    [InlineData(FieldType.Date, 6)]
    [InlineData(FieldType.Checkbox, 1)]
    [InlineData(FieldType.Label, 0)]
    public void SearchOperators_PerFieldType(FieldType type, int count) =>
        SearchOperators.For(type).Count.ShouldBe(count);
}
