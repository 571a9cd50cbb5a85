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
