using ErpSync.Connectors;
using ErpSync.Engine.Mapping;
using ErpSync.Engine.Sync;
using static ErpSync.Engine.Mapping.FieldDirection;
using Act = ErpSync.Engine.Sync.MergeAction;

namespace ErpSync.Engine.Tests.Sync;

public sealed class FieldMergeTests
{
    private static readonly FieldValue A = FieldValue.Text("a");
    private static readonly FieldValue B = FieldValue.Text("b");
    private static readonly FieldValue C = FieldValue.Text("c");

    /// <summary>Who changed × direction, under the default policy.</summary>
    public static TheoryData<string, FieldDirection, FieldValue?, FieldValue?, MergeAction, FieldValue?> OneSide => new()
    {
        { "nobody changed", Both, A, A, Act.None, null },
        { "crm changed, both ways", Both, B, A, Act.WriteErp, B },
        { "crm changed, to erp", ToErp, B, A, Act.WriteErp, B },
        { "crm changed, to crm only", ToCrm, B, A, Act.None, null },
        { "crm changed, no sync", FieldDirection.None, B, A, Act.None, null },
        { "erp changed, both ways", Both, A, B, Act.WriteCrm, B },
        { "erp changed, to crm", ToCrm, A, B, Act.WriteCrm, B },
        { "erp changed, to erp only", ToErp, A, B, Act.None, null },
        { "both to same value", Both, B, B, Act.None, null },
        { "crm blanked", Both, null, A, Act.WriteErp, null },
        { "erp blanked", Both, A, FieldValue.Text("  "), Act.WriteCrm, null },
        { "blank and null are the same", Both, FieldValue.Text(""), null, Act.None, null },
    };

    [Theory]
    [MemberData(nameof(OneSide))]
    public void Decide_OneSideChanged(string scenario, FieldDirection direction, FieldValue? crm, FieldValue? erp, MergeAction action, FieldValue? value)
    {
        var baseValue = scenario.Contains("null are the same", StringComparison.Ordinal) ? null : A;

        var decision = FieldMerge.Decide(direction, ConflictPolicy.NewestWins, new FieldState(baseValue, crm, erp), crmFirst: true);

        decision.Action.ShouldBe(action, scenario);
        SyncValues.Same(decision.Value, value).ShouldBeTrue(scenario);
        decision.WasConflict.ShouldBeFalse(scenario);
    }

    private static readonly DateTimeOffset Early = new(2026, 11, 24, 9, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset Late = Early.AddMinutes(5);

    /// <summary>Both changed to different values: every policy, with change times and priority.</summary>
    public static TheoryData<string, FieldDirection, ConflictPolicy, DateTimeOffset?, DateTimeOffset?, bool, MergeAction> Conflicts => new()
    {
        { "crm wins", Both, ConflictPolicy.CrmWins, Early, Late, false, Act.WriteErp },
        { "erp wins", Both, ConflictPolicy.ErpWins, Late, Early, true, Act.WriteCrm },
        { "review", Both, ConflictPolicy.Review, Late, Early, true, Act.Review },
        { "newest: crm later", Both, ConflictPolicy.NewestWins, Late, Early, false, Act.WriteErp },
        { "newest: erp later", Both, ConflictPolicy.NewestWins, Early, Late, true, Act.WriteCrm },
        { "newest tie, crm first", Both, ConflictPolicy.NewestWins, Early, Early, true, Act.WriteErp },
        { "newest tie, erp first", Both, ConflictPolicy.NewestWins, Early, Early, false, Act.WriteCrm },
        { "newest unknown times, erp first", Both, ConflictPolicy.NewestWins, null, Late, false, Act.WriteCrm },
        { "one-way to erp ignores policy", ToErp, ConflictPolicy.ErpWins, Early, Late, false, Act.WriteErp },
        { "one-way to crm ignores policy", ToCrm, ConflictPolicy.CrmWins, Late, Early, true, Act.WriteCrm },
        { "no direction", FieldDirection.None, ConflictPolicy.CrmWins, Late, Early, true, Act.None },
    };

    [Theory]
    [MemberData(nameof(Conflicts))]
    public void Decide_BothChangedDifferently(string scenario, FieldDirection direction, ConflictPolicy policy, DateTimeOffset? crmAt, DateTimeOffset? erpAt, bool crmFirst, MergeAction action)
    {
        var decision = FieldMerge.Decide(direction, policy, new FieldState(A, B, C, crmAt, erpAt), crmFirst);

        decision.Action.ShouldBe(action, scenario);
        decision.WasConflict.ShouldBeTrue(scenario);
        decision.Value.ShouldBe(action switch { Act.WriteErp => B, Act.WriteCrm => C, _ => null }, scenario);
        decision.Base.ShouldBe(action switch { Act.WriteErp => B, Act.WriteCrm => C, _ => A }, scenario);
    }

    [Fact]
    public void Decide_ListValues_CompareByKey()
    {
        var decision = FieldMerge.Decide(Both, ConflictPolicy.NewestWins, new FieldState(FieldValue.List("NL"), FieldValue.List("NL"), FieldValue.List("BE")), true);

        decision.ShouldBe(new MergeDecision(Act.WriteCrm, FieldValue.List("BE"), FieldValue.List("BE"), false));
    }

    [Fact]
    public void Decide_DecimalsCompareByValueNotScale() =>
        FieldMerge.Decide(Both, ConflictPolicy.NewestWins, new FieldState(FieldValue.Decimal(1.5m), FieldValue.Decimal(1.50m), FieldValue.Integer(2)), true)
            .Action.ShouldBe(Act.WriteCrm);

    [Fact]
    public void ListTranslator_TranslatesBothWays_UnmappedFails()
    {
        var translator = new ListTranslator([("NL", 1), ("BE", 2), ("XX", null)]);

        translator.TryToCrm(FieldValue.List("BE"), out var be).ShouldBeTrue();
        be.ShouldBe(2);
        translator.TryToCrm(FieldValue.List("XX"), out _).ShouldBeFalse();
        translator.TryToCrm(FieldValue.List("ZZ"), out _).ShouldBeFalse();
        translator.TryToCrm(null, out var none).ShouldBeTrue();
        none.ShouldBeNull();
        translator.TryToErp(1, out var nl).ShouldBeTrue();
        nl.ShouldBe(FieldValue.List("NL"));
        translator.TryToErp(9, out _).ShouldBeFalse();
        translator.TryToErp(null, out var empty).ShouldBeTrue();
        empty.ShouldBeNull();
    }
}
