using ErpSync.Connectors;

namespace ErpSync.Connectors.Tests;

public sealed class ConfigurationValidatorTests
{
    private static readonly FieldInfo[] Fields =
    [
        new() { Key = "File", DisplayName = "File", Type = FieldType.Text, Access = FieldAccess.Mandatory, MaxLength = 10, Rank = 1 },
        new() { Key = "Password", DisplayName = "Password", Type = FieldType.Password, Access = FieldAccess.Mandatory, Rank = 2 },
        new() { Key = "Latency", DisplayName = "Latency", Type = FieldType.Integer, Rank = 3 },
        new() { Key = "Note", DisplayName = "Read me", Type = FieldType.Label, Access = FieldAccess.Mandatory, Rank = 0 },
        new() { Key = "Strict", DisplayName = "Strict", Type = FieldType.Checkbox, Access = FieldAccess.Mandatory, Rank = 4 },
    ];

    private static Dictionary<string, FieldValue?> Values(params (string Key, FieldValue? Value)[] values) =>
        values.ToDictionary(v => v.Key, v => v.Value);

    [Fact]
    public void AllMandatoryFilled_NoProblems()
    {
        var problems = ConfigurationValidator.Validate(Fields, Values(("File", FieldValue.Text("a.db")), ("Password", FieldValue.Text("x"))));

        problems.ShouldBeEmpty();
    }

    [Fact]
    public void MandatoryMissingOrBlank_ReportedInRankOrder_LabelsAndCheckboxesIgnored()
    {
        var problems = ConfigurationValidator.Validate(Fields, Values(("File", FieldValue.Text("   "))));

        problems.Select(p => (p.FieldKey, p.Kind)).ShouldBe([("File", ConfigProblemKind.Missing), ("Password", ConfigProblemKind.Missing)]);
    }

    [Fact]
    public void TextOverMaxLength_IsTooLong()
    {
        var problems = ConfigurationValidator.Validate(Fields, Values(("File", FieldValue.Text("01234567890")), ("Password", FieldValue.Text("x"))));

        problems.ShouldHaveSingleItem().ShouldBe(new ConfigProblem("File", ConfigProblemKind.TooLong, 10));
    }

    [Fact]
    public void ValueOfWrongKind_IsWrongType()
    {
        var problems = ConfigurationValidator.Validate(Fields, Values(("File", FieldValue.Text("a")), ("Password", FieldValue.Text("x")), ("Latency", FieldValue.Text("soon"))));

        problems.ShouldHaveSingleItem().Kind.ShouldBe(ConfigProblemKind.WrongType);
    }

    [Fact]
    public void Defaults_TakesEachFieldsDefault()
    {
        FieldInfo[] fields = [new() { Key = "A", DisplayName = "A", Type = FieldType.Integer, DefaultValue = FieldValue.Integer(5) }, new() { Key = "B", DisplayName = "B", Type = FieldType.Text }];

        var defaults = ConfigurationValidator.Defaults(fields);

        defaults.GetInteger("a").ShouldBe(5);
        defaults.ContainsKey("B").ShouldBeFalse();
    }
}
