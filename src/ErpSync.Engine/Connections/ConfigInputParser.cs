using ErpSync.Connectors;
using static ErpSync.Engine.Localization.Text;

namespace ErpSync.Engine.Connections;

/// <summary>Turns submitted text values into typed configuration values and reports every problem per field.</summary>
public static class ConfigInputParser
{
    /// <param name="fields">The connector's configuration fields.</param>
    /// <param name="input">Submitted text per field key.</param>
    /// <param name="stored">The stored values of the connection being edited, whose secrets are kept when not resubmitted.</param>
    public static (ConfigValues Values, Dictionary<string, string[]> Errors) Parse(
        IReadOnlyList<FieldInfo> fields, IReadOnlyDictionary<string, string?> input, ConfigValues? stored)
    {
        var lookup = new Dictionary<string, string?>(input, StringComparer.OrdinalIgnoreCase);
        var values = new List<KeyValuePair<string, FieldValue?>>();
        var errors = new Dictionary<string, string[]>(StringComparer.OrdinalIgnoreCase);
        foreach (var field in fields.Where(f => f.Type != FieldType.Label))
        {
            if (!lookup.TryGetValue(field.Key, out var text))
            {
                if (field.Type == FieldType.Password && stored?.TryGetValue(field.Key, out var secret) == true)
                {
                    values.Add(new(field.Key, secret));
                }

                continue;
            }

            if (FieldValues.TryParse(field.Type, text, out var value))
            {
                values.Add(new(field.Key, value));
            }
            else
            {
                errors[field.Key] = [T($"\"{text}\" is not a valid value for {field.DisplayName}.", $"\"{text}\" is geen geldige waarde voor {field.DisplayName}.")];
            }
        }

        var parsed = new ConfigValues(values);
        foreach (var problem in ConfigurationValidator.Validate(fields, parsed))
        {
            var name = fields.First(f => string.Equals(f.Key, problem.FieldKey, StringComparison.OrdinalIgnoreCase)).DisplayName;
            errors.TryAdd(problem.FieldKey, [problem.Kind switch
            {
                ConfigProblemKind.Missing => T($"{name} is required.", $"{name} is verplicht."),
                ConfigProblemKind.TooLong => T($"{name} can be at most {problem.MaxLength} characters.", $"{name} mag hoogstens {problem.MaxLength} tekens lang zijn."),
                _ => T($"{name} has a value of the wrong type.", $"{name} heeft een waarde van het verkeerde type."),
            }]);
        }

        return (parsed, errors);
    }
}
