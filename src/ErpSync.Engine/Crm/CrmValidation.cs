using System.Net.Mail;
using ErpSync.Engine.Data;
using Microsoft.EntityFrameworkCore;
using static ErpSync.Engine.Localization.Text;

namespace ErpSync.Engine.Crm;

/// <summary>
/// Collects per-field problems of one CRM input so the user sees all of them at once; nothing is
/// saved unless <see cref="ThrowIfAny"/> passes. Field keys are the camelCase JSON property names.
/// </summary>
internal sealed class CrmValidation(ErpSyncDb db)
{
    private readonly Dictionary<string, List<string>> _errors = [];

    public void Add(string field, string message)
    {
        if (!_errors.TryGetValue(field, out var list))
        {
            _errors[field] = list = [];
        }

        list.Add(message);
    }

    /// <summary>Trims the value and checks that it is present and not too long; returns the trimmed value.</summary>
    public string Required(string field, string? value, int maxLength)
    {
        var trimmed = value?.Trim() ?? "";
        if (trimmed.Length == 0)
        {
            Add(field, T("This field is required.", "Dit veld is verplicht."));
        }

        MaxLength(field, trimmed, maxLength);
        return trimmed;
    }

    public void MaxLength(string field, string? value, int maxLength)
    {
        if (value is not null && value.Length > maxLength)
        {
            Add(field, T($"Use at most {maxLength} characters.", $"Gebruik maximaal {maxLength} tekens."));
        }
    }

    public void Email(string field, string? value)
    {
        if (value is not null && !(MailAddress.TryCreate(value, out var address) && address.Address == value && value.Contains('.', StringComparison.Ordinal)))
        {
            Add(field, T("Enter a valid e-mail address, like name@example.com.", "Voer een geldig e-mailadres in, zoals naam@voorbeeld.nl."));
        }
    }

    public void Url(string field, string? value)
    {
        if (value is not null && !(Uri.TryCreate(value, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps) && uri.Host.Length > 0))
        {
            Add(field, T("Enter a web address starting with http:// or https://.", "Voer een webadres in dat begint met http:// of https://."));
        }
    }

    /// <summary>
    /// The item must belong to the list with <paramref name="listKey"/>. A deleted item is refused as a new
    /// choice but a record that already uses it keeps it (<paramref name="current"/>).
    /// </summary>
    public async Task ListItemAsync(string field, string listKey, int? itemId, int? current, CancellationToken cancellationToken)
    {
        if (itemId is not { } id)
        {
            return;
        }

        var item = await db.ListItems.Where(i => i.Id == id).Select(i => new { i.IsDeleted, i.List!.Key }).FirstOrDefaultAsync(cancellationToken);
        if (item is null || item.Key != listKey || (item.IsDeleted && id != current))
        {
            Add(field, T("Choose an item from the list.", "Kies een item uit de lijst."));
        }
    }

    public void ThrowIfAny()
    {
        if (_errors.Count > 0)
        {
            throw new UserErrorException(
                T("Please correct the marked fields.", "Corrigeer de gemarkeerde velden."),
                _errors.ToDictionary(e => e.Key, e => e.Value.ToArray()));
        }
    }

    /// <summary>Blank input is stored as null, so "no value" has one representation.</summary>
    public static string? Clean(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
