using System.Globalization;
using System.Text.Json.Serialization;

namespace ErpSync.Connectors;

/// <summary>
/// A typed field value. On the wire it is a JSON object with a <c>type</c> discriminator, for example
/// <c>{"type":"date","value":"2026-11-24T10:00:00+01:00"}</c>; never a bracket-encoded string.
/// "No value" is a null <see cref="FieldValue"/>, which is different from an empty text.
/// </summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "type")]
[JsonDerivedType(typeof(TextValue), "text")]
[JsonDerivedType(typeof(IntegerValue), "integer")]
[JsonDerivedType(typeof(DecimalValue), "decimal")]
[JsonDerivedType(typeof(BooleanValue), "boolean")]
[JsonDerivedType(typeof(DateValue), "date")]
[JsonDerivedType(typeof(ListValue), "list")]
public abstract record FieldValue
{
    /// <summary>A culture-invariant text form, used for display fallbacks, comparisons and logs.</summary>
    public abstract string ToInvariantString();

    /// <summary>Creates a text value.</summary>
    public static FieldValue Text(string value) => new TextValue(value);

    /// <summary>Creates an integer value.</summary>
    public static FieldValue Integer(long value) => new IntegerValue(value);

    /// <summary>Creates a decimal value.</summary>
    public static FieldValue Decimal(decimal value) => new DecimalValue(value);

    /// <summary>Creates a boolean value.</summary>
    public static FieldValue Boolean(bool value) => new BooleanValue(value);

    /// <summary>Creates a date/time value.</summary>
    public static FieldValue Date(DateTimeOffset value) => new DateValue(value);

    /// <summary>Creates a list value holding the connector's item key.</summary>
    public static FieldValue List(string key) => new ListValue(key);
}

/// <summary>A text value (also used for passwords).</summary>
/// <param name="Value">The text; may be empty.</param>
public sealed record TextValue(string Value) : FieldValue
{
    /// <inheritdoc/>
    public override string ToInvariantString() => Value;
}

/// <summary>A whole number.</summary>
/// <param name="Value">The number.</param>
public sealed record IntegerValue(long Value) : FieldValue
{
    /// <inheritdoc/>
    public override string ToInvariantString() => Value.ToString(CultureInfo.InvariantCulture);
}

/// <summary>A decimal number, exact (no binary floating point on the wire).</summary>
/// <param name="Value">The number.</param>
public sealed record DecimalValue(decimal Value) : FieldValue
{
    /// <inheritdoc/>
    public override string ToInvariantString() => Value.ToString(CultureInfo.InvariantCulture);
}

/// <summary>A checkbox value.</summary>
/// <param name="Value">Checked or not.</param>
public sealed record BooleanValue(bool Value) : FieldValue
{
    /// <inheritdoc/>
    public override string ToInvariantString() => Value ? "true" : "false";
}

/// <summary>A date or date/time with its offset. Date-only fields carry midnight with offset zero.</summary>
/// <param name="Value">The moment.</param>
public sealed record DateValue(DateTimeOffset Value) : FieldValue
{
    /// <inheritdoc/>
    public override string ToInvariantString() => Value.ToString("O", CultureInfo.InvariantCulture);
}

/// <summary>A list value: the key of an item of the field's list (see <see cref="FieldInfo.ListName"/>).</summary>
/// <param name="Key">The connector's item key.</param>
public sealed record ListValue(string Key) : FieldValue
{
    /// <inheritdoc/>
    public override string ToInvariantString() => Key;
}
