namespace ErpSync.Connectors;

/// <summary>An item of a connector list.</summary>
/// <param name="Key">The stable key stored in <see cref="ListValue"/>.</param>
/// <param name="Text">The text shown to users.</param>
/// <param name="Tooltip">An optional longer description.</param>
public sealed record ListItem(string Key, string Text, string? Tooltip = null);
