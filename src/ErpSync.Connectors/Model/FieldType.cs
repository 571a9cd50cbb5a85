namespace ErpSync.Connectors;

/// <summary>The type of a configuration or actor field: decides the widget and the <see cref="FieldValue"/> kind.</summary>
public enum FieldType
{
    /// <summary>A checkbox; values are <see cref="BooleanValue"/>.</summary>
    Checkbox = 0,

    /// <summary>Free text; values are <see cref="TextValue"/>.</summary>
    Text = 1,

    /// <summary>Masked text, stored encrypted and never shown back; values are <see cref="TextValue"/>.</summary>
    Password = 2,

    /// <summary>A whole number; values are <see cref="IntegerValue"/>.</summary>
    Integer = 3,

    /// <summary>A decimal number; values are <see cref="DecimalValue"/>.</summary>
    Decimal = 4,

    /// <summary>A choice from the list named by <see cref="FieldInfo.ListName"/>; values are <see cref="ListValue"/>.</summary>
    List = 5,

    /// <summary>A date or date/time; values are <see cref="DateValue"/>.</summary>
    Date = 6,

    /// <summary>Static text shown in a configuration form; takes no value.</summary>
    Label = 99,
}
