namespace ErpSync.Connectors.Tryton.Tests;

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
