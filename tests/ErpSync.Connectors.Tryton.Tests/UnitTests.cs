using System.Net;
using System.Text.Json;

namespace ErpSync.Connectors.Tryton.Tests;

public sealed class ErrorClassifierTests
{
    private static ConnectorError Classify(string json) => ErrorClassifier.FromRpcError(JsonDocument.Parse(json).RootElement);

    [Fact]
    public void UserError_Validation() =>
        Classify("""["UserError",["The phone number \"0151\" is not valid.","",null]]""").ShouldSatisfyAllConditions(
            e => e.Code.ShouldBe(ErrorCode.Validation), e => e.Message.ShouldBe("The phone number \"0151\" is not valid."));

    [Fact]
    public void ConcurrencyException_Conflict() =>
        Classify("""["ConcurrencyException","Records were modified in the meanwhile"]""").Code.ShouldBe(ErrorCode.Conflict);

    [Fact]
    public void AccessError_Forbidden() =>
        Classify("""["UserError",["You are not allowed to access \"Sale\".","",null]]""").Code.ShouldBe(ErrorCode.Forbidden);

    [Fact]
    public void MissingDatabase_InvalidConfiguration() =>
        Classify("""["Database '/x/nosuch.sqlite' doesn't exist!",""]""").Code.ShouldBe(ErrorCode.InvalidConfiguration);

    [Fact]
    public void AnythingElse_Transient() => Classify("""["'party.nope'",""]""").Code.ShouldBe(ErrorCode.Transient);

    [Fact]
    public void LongDomainError_IsTruncated() =>
        Classify($$"""["UserError",["bad","",[{{string.Join(",", Enumerable.Repeat("\"field\"", 5000))}}]]]""").Detail!.Length.ShouldBeLessThanOrEqualTo(ErrorClassifier.MaxDetail + 1);

    [Theory]
    [InlineData(HttpStatusCode.Unauthorized, ErrorCode.AuthenticationFailed)]
    [InlineData(HttpStatusCode.TooManyRequests, ErrorCode.RateLimited)]
    [InlineData(HttpStatusCode.Forbidden, ErrorCode.Forbidden)]
    [InlineData(HttpStatusCode.InternalServerError, ErrorCode.Transient)]
    public void HttpStatus_Classified(HttpStatusCode status, ErrorCode expected) => ErrorClassifier.FromStatus(status, true).Code.ShouldBe(expected);

    [Fact]
    public void RateLimit_SaysWhenToRetry() => ErrorClassifier.FromStatus(HttpStatusCode.TooManyRequests, true).RetryAfter.ShouldBe(TimeSpan.FromMinutes(5));
}

public sealed class PhoneNumbersTests
{
    [Theory]
    [InlineData("+49 89 1234567", "+49891234567")]
    [InlineData("0049 (89) 123-45-67", "+49891234567")]
    [InlineData("+1 512.555.0100", "+15125550100")]
    public void International_E164(string input, string expected) => PhoneNumbers.ToE164(input).ShouldBe(expected);

    [Theory]
    [InlineData("0151 12345678")]
    [InlineData("+49 89 CALL-ME")]
    [InlineData("+12345")]
    [InlineData("+0 123 456 789")]
    [InlineData("+49 1234 5678 9012 345")]
    public void NoCountryCodeOrNoNumber_Null(string input) => PhoneNumbers.ToE164(input).ShouldBeNull();
}

public sealed class ChangeCursorTests
{
    [Fact]
    public void EncodeDecode_RoundTrips()
    {
        var cursor = new ChangeCursor(new DateTime(2026, 11, 24, 1, 2, 3, DateTimeKind.Utc).AddTicks(12340), 42, true);

        ChangeCursor.Decode(cursor.Encode()).ShouldBe(cursor);
    }

    [Theory]
    [InlineData("")]
    [InlineData("12345")]
    [InlineData("t1.abc.1.0")]
    [InlineData("t1.1.2.3")]
    public void Foreign_Null(string text) => ChangeCursor.Decode(text).ShouldBeNull();

    [Fact]
    public void Tail_ReadsTheOverlapAgain()
    {
        var at = new DateTime(2026, 11, 24, 12, 0, 0, DateTimeKind.Utc);

        new ChangeCursor(at, 7, true).ReadFrom(TimeSpan.FromMinutes(5)).ShouldBe(at.AddMinutes(-5));
        new ChangeCursor(at, 7, true).Admits(at.AddMinutes(-1), 1).ShouldBeTrue();
        new ChangeCursor(at, 7, false).ReadFrom(TimeSpan.FromMinutes(5)).ShouldBe(at);
    }
}

public sealed class ChangeSelectorTests
{
    private static readonly DateTime T0 = new(2026, 11, 24, 12, 0, 0, DateTimeKind.Utc);

    [Fact]
    public void OnePartyOnce_AtItsLatestChange_InKeysetOrder()
    {
        PartyChange[] rows = [new(T0.AddSeconds(2), 5), new(T0, 9), new(T0.AddSeconds(5), 5), new(T0, 3), new(T0.AddSeconds(1), 9)];

        var ordered = ChangeSelector.Order(rows, ChangeCursor.Start);

        ordered.ShouldBe([new(T0, 3), new(T0.AddSeconds(1), 9), new(T0.AddSeconds(5), 5)]);
    }

    [Fact]
    public void AfterCursor_SameTimestamp_HigherIdsOnly()
    {
        PartyChange[] rows = [new(T0, 3), new(T0, 4), new(T0, 8), new(T0.AddSeconds(1), 1)];

        var ordered = ChangeSelector.Order(rows, new ChangeCursor(T0, 4, false));

        ordered.ShouldBe([new(T0, 8), new(T0.AddSeconds(1), 1)]);
    }
}

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
