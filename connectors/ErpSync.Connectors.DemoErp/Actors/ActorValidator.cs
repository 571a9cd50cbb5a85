using Microsoft.Data.Sqlite;

namespace ErpSync.Connectors.DemoErp;

/// <summary>Checks incoming field values the way the ERP would, and copies the valid ones onto a row.</summary>
internal static class ActorValidator
{
    /// <summary>
    /// Applies <paramref name="input"/> to <paramref name="target"/> and returns the refused fields with a message each.
    /// On create, mandatory fields must end up with a value.
    /// </summary>
    public static async Task<Dictionary<string, string>> ApplyAsync(
        SqliteConnection connection, SqliteTransaction transaction, ActorType type, IReadOnlyDictionary<string, FieldValue?> input,
        Dictionary<string, FieldValue?> target, bool isCreate, bool dutch, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var (key, value) in input)
        {
            var spec = ActorSchema.Find(type, key);
            var error = spec is null
                ? Texts.T(dutch, $"Unknown field '{key}'.", $"Onbekend veld '{key}'.")
                : await CheckAsync(connection, transaction, spec, value, dutch, cancellationToken);
            if (error is not null)
            {
                errors[key] = error;
            }
            else
            {
                target[spec!.Key] = Normalize(spec.Type, value);
            }
        }

        if (isCreate)
        {
            foreach (var spec in ActorSchema.Fields(type).Where(f => f.Access == FieldAccess.Mandatory && !errors.ContainsKey(f.Key)))
            {
                if (FieldValues.IsEmpty(target.GetValueOrDefault(spec.Key)))
                {
                    errors[spec.Key] = Mandatory(spec, dutch);
                }
            }
        }

        return errors;
    }

    public static string Summary(Dictionary<string, string> errors, bool dutch) =>
        Texts.T(dutch, "The demo ERP refused ", "Het demo-ERP weigert ") + string.Join(" ", errors.Values);

    private static async Task<string?> CheckAsync(SqliteConnection connection, SqliteTransaction transaction, FieldSpec spec, FieldValue? value, bool dutch, CancellationToken cancellationToken)
    {
        var name = Texts.T(dutch, spec.English, spec.Dutch);
        if (spec.Access == FieldAccess.ReadOnly)
        {
            return Texts.T(dutch, $"'{name}' is read-only.", $"'{name}' is alleen-lezen.");
        }

        if (FieldValues.IsEmpty(value))
        {
            return spec.Access == FieldAccess.Mandatory ? Mandatory(spec, dutch) : null;
        }

        if (!FieldValues.Fits(spec.Type, value))
        {
            return Texts.T(dutch, $"'{name}' needs a {spec.Type} value, not '{value.ToInvariantString()}'.", $"'{name}' vraagt een waarde van type {spec.Type}, niet '{value.ToInvariantString()}'.");
        }

        if (spec.MaxLength > 0 && value is TextValue text && text.Value.Length > spec.MaxLength)
        {
            return Texts.T(dutch, $"'{name}' is longer than {spec.MaxLength} characters.", $"'{name}' is langer dan {spec.MaxLength} tekens.");
        }

        if (value is ListValue list && !await ErpDirectory.ListHasKeyAsync(connection, transaction, spec.ListName!, list.Key, cancellationToken))
        {
            return Texts.T(dutch, $"'{list.Key}' is not an item of list '{spec.ListName}' ('{name}').", $"'{list.Key}' staat niet in lijst '{spec.ListName}' ('{name}').");
        }

        return null;
    }

    private static FieldValue? Normalize(FieldType type, FieldValue? value) => value switch
    {
        _ when FieldValues.IsEmpty(value) => null,
        IntegerValue i when type == FieldType.Decimal => new DecimalValue(i.Value),
        DateValue d => new DateValue(new DateTimeOffset(d.Value.Date, TimeSpan.Zero)),
        _ => value,
    };

    private static string Mandatory(FieldSpec spec, bool dutch) =>
        Texts.T(dutch, $"'{spec.English}' is mandatory.", $"'{spec.Dutch}' is verplicht.");
}
