using System.Text.Json;
using System.Text.Json.Nodes;

namespace ErpSync.Connectors.Tryton;

/// <summary>Builds an actor type's fields from <see cref="PartyFields"/> and Tryton's <c>fields_get</c> (labels, required, read-only).</summary>
internal static class FieldCatalog
{
    // The template databases load English only, and trytond answers labels in a loaded language; so ErpSync names
    // its fields in Dutch itself. Help texts stay Tryton's (they describe Tryton, in the database's language).
    private static readonly Dictionary<string, string> DutchLabels = new(StringComparer.Ordinal)
    {
        ["CODE"] = "Code", ["NAME"] = "Naam", ["VATNO"] = "Btw-nummer", ["EMAIL"] = "E-mail", ["PHONE"] = "Telefoon",
        ["MOBILE"] = "Mobiel", ["WEBSITE"] = "Website", ["STREET"] = "Straat", ["ZIP"] = "Postcode", ["CITY"] = "Plaats",
        ["COUNTRY"] = "Land", ["SUBDIVISION"] = "Provincie/staat", ["LANGUAGE"] = "Taal",
        ["CUSTOMER_PAYMENT_TERM"] = "Betalingstermijn klant", ["SUPPLIER_PAYMENT_TERM"] = "Betalingstermijn leverancier",
        ["PRICE_LIST"] = "Prijslijst", ["CATEGORIES"] = "Categorieën", ["ACTIVE"] = "Actief",
    };

    public static async Task<IReadOnlyList<FieldInfo>> ReadAsync(TrytonClient client, ActorType type, CancellationToken ct)
    {
        var fields = PartyFields.For(type);
        var definitions = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
        foreach (var model in fields.Select(f => f.LabelModel).Distinct())
        {
            var names = new JsonArray([.. fields.Where(f => f.LabelModel == model).Select(f => (JsonNode)f.LabelField).Distinct()]);
            definitions[model] = await client.ModelAsync(model, "fields_get", [names], ct);
        }

        return fields.Select((field, i) =>
        {
            var definition = definitions[field.LabelModel].TryGetProperty(field.LabelField, out var d) ? d : default;
            return new FieldInfo
            {
                Key = field.Key,
                Type = field.Type,
                DisplayName = (client.Dutch ? DutchLabels.GetValueOrDefault(field.Key) : null) ?? TrytonJson.ReadText(TrytonJson.Get(definition, "string")) ?? field.Key,
                Tooltip = TrytonJson.ReadText(TrytonJson.Get(definition, "help")),
                ListName = field.ListName,
                Access = Access(field, definition),
                IsKey = field.IsKey,
                Rank = (i + 1) * 10,
            };
        }).ToArray();
    }

    /// <summary>
    /// ErpSync's own flags win for values kept on children (e-mail and phone are read-only function fields on the
    /// party, written through contact mechanisms); for stored party fields Tryton's required and read-only count too.
    /// </summary>
    private static FieldAccess Access(PartyField field, JsonElement definition)
    {
        if (field.Access != FieldAccess.Normal || field.Source != FieldSource.Party)
        {
            return field.Access;
        }

        if (TrytonJson.ReadBoolean(TrytonJson.Get(definition, "readonly")))
        {
            return FieldAccess.ReadOnly;
        }

        return TrytonJson.ReadBoolean(TrytonJson.Get(definition, "required")) ? FieldAccess.Mandatory : FieldAccess.Normal;
    }
}
