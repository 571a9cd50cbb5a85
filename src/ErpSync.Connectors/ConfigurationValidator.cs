namespace ErpSync.Connectors;

/// <summary>What is wrong with one configuration value.</summary>
public enum ConfigProblemKind
{
    /// <summary>A mandatory field has no value.</summary>
    Missing,

    /// <summary>A text is longer than <see cref="FieldInfo.MaxLength"/>.</summary>
    TooLong,

    /// <summary>The value is not of the field's type.</summary>
    WrongType,
}

/// <summary>One problem found by <see cref="ConfigurationValidator.Validate"/>.</summary>
/// <param name="FieldKey">The field with the problem.</param>
/// <param name="Kind">What is wrong.</param>
/// <param name="MaxLength">For <see cref="ConfigProblemKind.TooLong"/>: the limit.</param>
public sealed record ConfigProblem(string FieldKey, ConfigProblemKind Kind, int MaxLength = 0);

/// <summary>Checks configuration values against their field metadata, before any connector call.</summary>
public static class ConfigurationValidator
{
    /// <summary>
    /// Returns the problems of <paramref name="values"/>, in field rank order: mandatory fields without a value,
    /// texts over their maximum length, values of the wrong type. Labels and unknown keys are ignored.
    /// </summary>
    public static IReadOnlyList<ConfigProblem> Validate(IReadOnlyList<FieldInfo> fields, IReadOnlyDictionary<string, FieldValue?> values)
    {
        var problems = new List<ConfigProblem>();
        foreach (var field in fields.Where(f => f.Type != FieldType.Label).OrderBy(f => f.Rank))
        {
            values.TryGetValue(field.Key, out var value);
            if (FieldValues.IsEmpty(value))
            {
                if (field.IsMandatory && field.Type != FieldType.Checkbox)
                {
                    problems.Add(new ConfigProblem(field.Key, ConfigProblemKind.Missing));
                }

                continue;
            }

            if (!FieldValues.Fits(field.Type, value))
            {
                problems.Add(new ConfigProblem(field.Key, ConfigProblemKind.WrongType));
            }
            else if (field.MaxLength > 0 && value is TextValue text && text.Value.Length > field.MaxLength)
            {
                problems.Add(new ConfigProblem(field.Key, ConfigProblemKind.TooLong, field.MaxLength));
            }
        }

        return problems;
    }

    /// <summary>
    /// The values a new configuration starts with: each field's <see cref="FieldInfo.DefaultValue"/>.
    /// </summary>
    public static ConfigValues Defaults(IEnumerable<FieldInfo> fields) =>
        new(fields.Where(f => f.DefaultValue is not null).Select(f => new KeyValuePair<string, FieldValue?>(f.Key, f.DefaultValue)));
}
