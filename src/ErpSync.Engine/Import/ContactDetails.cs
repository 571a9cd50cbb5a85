using ErpSync.Engine.Connections;

namespace ErpSync.Engine.Import;

/// <summary>
/// Phone numbers, e-mail addresses and URLs: on records that already exist they follow their own import setting
/// (<see cref="ContactDetailsAction"/>), because a second number or address is usually news, not a correction — pure.
/// </summary>
public static class ContactDetails
{
    private static readonly string[] CompanyFields = ["phone", "fax", "email", "website"];
    private static readonly string[] PersonEmails = ["email", "email2"];
    private static readonly string[] PersonPhones = ["phoneDirect", "phoneMobile", "phonePrivate", "phoneOther"];

    public static bool IsContactField(CrmEntity entity, string crmField) => entity switch
    {
        CrmEntity.Company => CompanyFields.Contains(crmField, StringComparer.OrdinalIgnoreCase),
        CrmEntity.Person => Slots(entity, crmField).Count > 0 || string.Equals(crmField, "website", StringComparison.OrdinalIgnoreCase),
        _ => false,
    };

    /// <summary>The fields of the same kind as <paramref name="crmField"/> (itself included), in the order "Add new" fills them.</summary>
    public static IReadOnlyList<string> Slots(CrmEntity entity, string crmField)
    {
        if (entity != CrmEntity.Person)
        {
            return [];
        }

        // The free slot a second phone number goes to is "other" first: direct, mobile and private have a meaning.
        return PersonEmails.Contains(crmField, StringComparer.OrdinalIgnoreCase) ? PersonEmails
            : PersonPhones.Contains(crmField, StringComparer.OrdinalIgnoreCase) ? ["phoneOther", "phonePrivate", "phoneDirect", "phoneMobile"]
            : [];
    }

    /// <summary>Compares contact values the way people read them: e-mail without case, phone numbers by their digits.</summary>
    public static bool Same(string crmField, string? a, string? b)
    {
        if (crmField.StartsWith("phone", StringComparison.OrdinalIgnoreCase) || string.Equals(crmField, "fax", StringComparison.OrdinalIgnoreCase))
        {
            return DuplicateKeys.Phone(a) == DuplicateKeys.Phone(b);
        }

        return string.Equals(a?.Trim(), b?.Trim(), StringComparison.OrdinalIgnoreCase);
    }
}
