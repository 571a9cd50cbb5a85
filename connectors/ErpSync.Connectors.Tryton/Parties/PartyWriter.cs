using System.Text.Json;
using System.Text.Json.Nodes;

namespace ErpSync.Connectors.Tryton;

/// <summary>
/// Turns actor field values into the values of one <c>party.party</c> create or write, children included as x2many
/// actions (<c>create</c> / <c>write</c> / <c>delete</c>), so one party is one transaction in Tryton.
/// </summary>
internal sealed class PartyWriter(CodeLookup codes, bool dutch = false)
{
    private string T(string english, string dutchText) => Texts.T(dutch, english, dutchText);

    /// <summary>The values, or the problems keyed by field (read-only and unknown fields, bad phone numbers, unknown codes).</summary>
    public async Task<(JsonObject Values, Dictionary<string, string> Problems)> BuildAsync(
        ActorType type, IReadOnlyDictionary<string, FieldValue?> input, PartyRecord? existing, CancellationToken ct)
    {
        var values = new JsonObject();
        var problems = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        var address = new JsonObject();
        var mechanisms = new JsonArray();
        foreach (var (key, value) in input)
        {
            var field = PartyFields.Find(type, key);
            if (field is null)
            {
                problems[key] = T($"{type} has no field '{key}'.", $"{type} heeft geen veld '{key}'.");
                continue;
            }

            if (field.Access == FieldAccess.ReadOnly)
            {
                problems[key] = T($"'{key}' is read-only in Tryton.", $"'{key}' is alleen-lezen in Tryton.");
                continue;
            }

            if (!FieldValues.IsEmpty(value) && !FieldValues.Fits(field.Type, value))
            {
                problems[key] = T($"'{key}' takes a {field.Type} value.", $"'{key}' vraagt een waarde van type {field.Type}.");
                continue;
            }

            var text = FieldValues.IsEmpty(value) ? null : value.ToInvariantString().Trim();
            switch (field.Source)
            {
                case FieldSource.Party when field.ListName == ListNames.Languages:
                    values[field.TrytonField] = await RequiredIdAsync("ir.lang", text, key, problems, ct);
                    break;
                case FieldSource.Party when field.Type == FieldType.List:
                    values[field.TrytonField] = text is null ? null : TrytonJson.ParseKey(text) is { } id ? id : Problem(problems, key, T($"'{text}' is not a {key} key.", $"'{text}' is geen sleutel van {key}."));
                    break;
                case FieldSource.Party:
                    values[field.TrytonField] = text;
                    break;
                case FieldSource.Address when field.ListName == ListNames.Countries:
                    address[field.TrytonField] = await RequiredIdAsync("country.country", text, key, problems, ct);
                    break;
                case FieldSource.Address when field.ListName == ListNames.Subdivisions:
                    address[field.TrytonField] = await RequiredIdAsync("country.subdivision", text, key, problems, ct);
                    break;
                case FieldSource.Address:
                    address[field.TrytonField] = text;
                    break;
                case FieldSource.Mechanism:
                    MechanismAction(field, text, existing, mechanisms, problems);
                    break;
                case FieldSource.TaxIdentifier:
                    values["identifiers"] = TaxIdentifierActions(text, existing);
                    break;
            }
        }

        if (address.Count > 0)
        {
            values["addresses"] = existing?.Address is { } current
                ? new JsonArray(new JsonArray("write", new JsonArray(current.GetProperty("id").GetInt64()), address))
                : new JsonArray(new JsonArray("create", new JsonArray(address)));
        }

        if (mechanisms.Count > 0)
        {
            values["contact_mechanisms"] = mechanisms;
        }

        return (values, problems);
    }

    private void MechanismAction(PartyField field, string? text, PartyRecord? existing, JsonArray actions, Dictionary<string, string> problems)
    {
        var value = text;
        if (value is not null && field.TrytonField is "phone" or "mobile")
        {
            value = PhoneNumbers.ToE164(value);
            if (value is null)
            {
                problems[field.Key] = T($"'{text}' is not a phone number with a country code (+31 20 …).", $"'{text}' is geen telefoonnummer met landnummer (+31 20 …).");
                return;
            }
        }

        JsonElement current = default;
        var has = existing is not null && existing.Mechanisms.TryGetValue(field.TrytonField, out current);
        if (has)
        {
            var id = current.GetProperty("id").GetInt64();
            actions.Add(value is null
                ? new JsonArray("delete", new JsonArray(id))
                : new JsonArray("write", new JsonArray(id), new JsonObject { ["value"] = value }));
        }
        else if (value is not null)
        {
            actions.Add(new JsonArray("create", new JsonArray(new JsonObject { ["type"] = field.TrytonField, ["value"] = value })));
        }
    }

    private static JsonArray TaxIdentifierActions(string? code, PartyRecord? existing)
    {
        if (existing?.TaxIdentifier is { } current)
        {
            var id = current.GetProperty("id").GetInt64();
            return code is null
                ? [new JsonArray("delete", new JsonArray(id))]
                : [new JsonArray("write", new JsonArray(id), new JsonObject { ["code"] = code })];
        }

        // Tryton validates typed identifiers with python-stdnum; a VAT number with a country prefix is an EU VAT number.
        return code is null ? [] : [new JsonArray("create", new JsonArray(new JsonObject { ["type"] = "eu_vat", ["code"] = code }))];
    }

    private async Task<JsonNode?> RequiredIdAsync(string model, string? code, string key, Dictionary<string, string> problems, CancellationToken ct)
    {
        if (code is null)
        {
            return null;
        }

        return await codes.IdAsync(model, "code", code, ct) is { } id ? id : Problem(problems, key, T($"Tryton has no {key} '{code}'.", $"Tryton heeft geen {key} '{code}'."));
    }

    private static JsonNode? Problem(Dictionary<string, string> problems, string key, string message)
    {
        problems[key] = message;
        return null;
    }
}
