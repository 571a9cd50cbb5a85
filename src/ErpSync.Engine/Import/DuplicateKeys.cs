using System.Globalization;
using System.Text;
using ErpSync.Engine.Connections;
using ErpSync.Engine.Crm;

namespace ErpSync.Engine.Import;

/// <summary>
/// Duplicate-match keys, normalised so that spelling differences do not hide a match — pure. Names ignore case,
/// accents, punctuation, repeated spaces and common legal forms; VAT numbers ignore spaces, dots and the country
/// prefix; phone numbers ignore spaces, dashes, brackets and the +31 / 0031 / 0 prefixes.
/// </summary>
public static class DuplicateKeys
{
    private static readonly HashSet<string> LegalForms = new(StringComparer.Ordinal)
    {
        "bv", "nv", "vof", "cv", "bvba", "sa", "sarl", "gmbh", "ag", "kg", "ltd", "limited", "plc", "inc", "llc", "co", "corp", "ab", "as", "oy", "spa", "srl",
    };

    /// <summary>The CRM field holding the key, for a company match key (null for none).</summary>
    public static IReadOnlyList<string> CrmFields(CompanyMatchKey key) => key switch
    {
        CompanyMatchKey.Name => ["name"],
        CompanyMatchKey.NameAndDepartment => ["name", "department"],
        CompanyMatchKey.Number => ["number"],
        CompanyMatchKey.Code => ["code"],
        CompanyMatchKey.VatNumber => ["vatNumber"],
        _ => [],
    };

    public static IReadOnlyList<string> CrmFields(PersonMatchKey key) => key switch
    {
        PersonMatchKey.Name => ["firstName", "lastName"],
        PersonMatchKey.Email => ["email"],
        PersonMatchKey.MobilePhone => ["phoneMobile"],
        _ => [],
    };

    public static IReadOnlyList<string> CrmFields(CrmEntity entity, ImportSettings settings) =>
        entity == CrmEntity.Person ? CrmFields(settings.PersonMatch) : entity == CrmEntity.Company ? CrmFields(settings.CompanyMatch) : [];

    /// <summary>The normalised key of a company, or null when the key is empty (an empty key never matches).</summary>
    public static string? Company(CompanyMatchKey key, Company company) => Company(key, company.Name, company.Department, company.Number, company.Code, company.VatNumber);

    public static string? Company(CompanyMatchKey key, string? name, string? department, string? number, string? code, string? vat) => key switch
    {
        CompanyMatchKey.Name => Name(name),
        CompanyMatchKey.NameAndDepartment => Name(name) is { } n ? n + "|" + (Name(department) ?? "") : null,
        CompanyMatchKey.Number => Code(number),
        CompanyMatchKey.Code => Code(code),
        CompanyMatchKey.VatNumber => Vat(vat),
        _ => null,
    };

    public static string? Person(PersonMatchKey key, Person person) => Person(key, person.FirstName, person.MiddleName, person.LastName, person.Email, person.PhoneMobile);

    public static string? Person(PersonMatchKey key, string? first, string? middle, string? last, string? email, string? mobile) => key switch
    {
        PersonMatchKey.Name => Name(string.Join(' ', new[] { first, middle, last }.Where(p => !string.IsNullOrWhiteSpace(p)))),
        PersonMatchKey.Email => Email(email),
        PersonMatchKey.MobilePhone => Phone(mobile),
        _ => null,
    };

    /// <summary>A record's key through <see cref="Sync.CrmFieldAccess"/> values (CRM field key → raw value).</summary>
    public static string? Of(CrmEntity entity, ImportSettings settings, Func<string, object?> value)
    {
        string? Text(string field) => value(field) as string;
        return entity switch
        {
            CrmEntity.Company => Company(settings.CompanyMatch, Text("name"), Text("department"), Text("number"), Text("code"), Text("vatNumber")),
            CrmEntity.Person => Person(settings.PersonMatch, Text("firstName"), Text("middleName"), Text("lastName"), Text("email"), Text("phoneMobile")),
            _ => null,
        };
    }

    /// <summary>Lower case without accents, punctuation or legal forms; words separated by one space.</summary>
    public static string? Name(string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        var decomposed = value.Normalize(NormalizationForm.FormD);
        var builder = new StringBuilder(decomposed.Length);
        foreach (var c in decomposed)
        {
            var category = CharUnicodeInfo.GetUnicodeCategory(c);
            if (category == UnicodeCategory.NonSpacingMark)
            {
                continue;
            }

            builder.Append(char.IsLetterOrDigit(c) ? char.ToLowerInvariant(c) : c is '.' or '\'' ? '\0' : ' ');
        }

        var words = builder.ToString().Replace("\0", "", StringComparison.Ordinal).Split(' ', StringSplitOptions.RemoveEmptyEntries).ToList();
        var trimmed = words.Where(w => !LegalForms.Contains(w)).ToList();
        var result = string.Join(' ', trimmed.Count > 0 ? trimmed : words);
        return result.Length == 0 ? null : result;
    }

    /// <summary>Upper case without spaces, dots and dashes.</summary>
    public static string? Code(string? value)
    {
        var result = new string((value ?? "").Where(c => !char.IsWhiteSpace(c) && c is not '.' and not '-').ToArray()).ToUpperInvariant();
        return result.Length == 0 ? null : result;
    }

    /// <summary>Upper case without spaces, dots and dashes, and without a two-letter country prefix.</summary>
    public static string? Vat(string? value)
    {
        var code = Code(value);
        if (code is { Length: > 2 } && char.IsAsciiLetter(code[0]) && char.IsAsciiLetter(code[1]))
        {
            code = code[2..];
        }

        return code;
    }

    public static string? Email(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim().ToLowerInvariant();

    /// <summary>Digits only, the national number without +31 / 0031 / leading 0 (Dutch default country code).</summary>
    public static string? Phone(string? value, string countryCode = "31")
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        var trimmed = value.Trim();
        var digits = new string(trimmed.Where(char.IsAsciiDigit).ToArray());
        if (trimmed.StartsWith('+'))
        {
            digits = "00" + digits;
        }

        if (digits.StartsWith("00" + countryCode, StringComparison.Ordinal))
        {
            digits = digits[(2 + countryCode.Length)..];
        }
        else if (digits.StartsWith("00", StringComparison.Ordinal))
        {
            return "+" + digits[2..];
        }

        digits = digits.TrimStart('0');
        return digits.Length == 0 ? null : digits;
    }
}
