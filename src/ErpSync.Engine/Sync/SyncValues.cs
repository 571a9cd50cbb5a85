using ErpSync.Connectors;

namespace ErpSync.Engine.Sync;

/// <summary>Value comparison for sync: blank text and "no value" are the same; decimals compare by value, not scale.</summary>
public static class SyncValues
{
    public static bool Same(FieldValue? a, FieldValue? b)
    {
        a = Normalize(a);
        b = Normalize(b);
        return (a, b) switch
        {
            (null, null) => true,
            (null, _) or (_, null) => false,
            (TextValue x, TextValue y) => string.Equals(x.Value.Trim(), y.Value.Trim(), StringComparison.Ordinal),
            (DecimalValue x, DecimalValue y) => x.Value == y.Value,
            (DecimalValue x, IntegerValue y) => x.Value == y.Value,
            (IntegerValue x, DecimalValue y) => x.Value == y.Value,
            (DateValue x, DateValue y) => x.Value.UtcDateTime == y.Value.UtcDateTime,
            _ => a.Equals(b),
        };
    }

    /// <summary>Blank text and blank list keys become null.</summary>
    public static FieldValue? Normalize(FieldValue? value) => FieldValues.IsEmpty(value) ? null : value;
}
