namespace ErpSync.Connectors.Tryton;

/// <summary>
/// Phone numbers go to Tryton in E.164 (<c>+4989123456</c>): with python3-phonenumbers installed Tryton refuses
/// numbers without a country code, and it compares on the compact form (pure).
/// </summary>
internal static class PhoneNumbers
{
    /// <summary>The E.164 form of <paramref name="text"/>, or null when it has no country code or is not a phone number.</summary>
    public static string? ToE164(string text)
    {
        var trimmed = text.Trim();
        var international = trimmed.StartsWith('+') || trimmed.StartsWith("00", StringComparison.Ordinal);
        if (!international)
        {
            return null;
        }

        var digits = new System.Text.StringBuilder("+");
        foreach (var c in trimmed.StartsWith('+') ? trimmed[1..] : trimmed[2..])
        {
            if (char.IsAsciiDigit(c))
            {
                digits.Append(c);
            }
            else if (c is not (' ' or '-' or '.' or '/' or '(' or ')'))
            {
                return null;
            }
        }

        // E.164: a country code that does not start with 0 and at most 15 digits in all; fewer than 7 is no real number.
        var count = digits.Length - 1;
        return count is >= 7 and <= 15 && digits[1] != '0' ? digits.ToString() : null;
    }
}
