using System.Collections;
using System.Globalization;

namespace ErpSync.Connectors;

/// <summary>
/// The configuration values of a connection, keyed by <see cref="FieldInfo.Key"/> (case-insensitive).
/// A missing key and a null value both mean "not set".
/// </summary>
[System.Text.Json.Serialization.JsonConverter(typeof(ConfigValuesJsonConverter))]
public sealed class ConfigValues : IReadOnlyDictionary<string, FieldValue?>
{
    private readonly Dictionary<string, FieldValue?> _values;

    /// <summary>Creates a set of values; later duplicates of a key win.</summary>
    public ConfigValues(IEnumerable<KeyValuePair<string, FieldValue?>> values)
    {
        _values = new Dictionary<string, FieldValue?>(StringComparer.OrdinalIgnoreCase);
        foreach (var (key, value) in values)
        {
            _values[key] = value;
        }
    }

    /// <summary>No values.</summary>
    public static ConfigValues Empty { get; } = new([]);

    /// <summary>The value of <paramref name="key"/> as text, or null when it is not set.</summary>
    public string? GetText(string key) => TryGetValue(key, out var value) ? value?.ToInvariantString() : null;

    /// <summary>The integer value of <paramref name="key"/>, or null when it is not set or not a number.</summary>
    public long? GetInteger(string key) => TryGetValue(key, out var value) ? value switch
    {
        IntegerValue i => i.Value,
        DecimalValue d => (long)d.Value,
        TextValue t when long.TryParse(t.Value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) => n,
        _ => null,
    } : null;

    /// <summary>The boolean value of <paramref name="key"/>; false when it is not set.</summary>
    public bool GetBoolean(string key) => TryGetValue(key, out var value) && value is BooleanValue { Value: true };

    /// <summary>Returns a copy with <paramref name="key"/> set to <paramref name="value"/>.</summary>
    public ConfigValues With(string key, FieldValue? value) =>
        new(_values.Where(p => !string.Equals(p.Key, key, StringComparison.OrdinalIgnoreCase)).Append(new(key, value)));

    /// <inheritdoc/>
    public FieldValue? this[string key] => _values[key];

    /// <inheritdoc/>
    public IEnumerable<string> Keys => _values.Keys;

    /// <inheritdoc/>
    public IEnumerable<FieldValue?> Values => _values.Values;

    /// <inheritdoc/>
    public int Count => _values.Count;

    /// <inheritdoc/>
    public bool ContainsKey(string key) => _values.ContainsKey(key);

    /// <inheritdoc/>
    public bool TryGetValue(string key, out FieldValue? value) => _values.TryGetValue(key, out value);

    /// <inheritdoc/>
    public IEnumerator<KeyValuePair<string, FieldValue?>> GetEnumerator() => _values.GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
