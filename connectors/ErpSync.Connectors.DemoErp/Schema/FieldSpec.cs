namespace ErpSync.Connectors.DemoErp;

/// <summary>
/// One actor field of the demo ERP in both languages. The SQLite column is the lower-cased key, so a
/// key can only ever reach SQL through this whitelist, never from caller input.
/// </summary>
internal sealed record FieldSpec(
    string Key,
    FieldType Type,
    string English,
    string Dutch,
    string TooltipEnglish,
    string TooltipDutch,
    int MaxLength = 0,
    FieldAccess Access = FieldAccess.Normal,
    string? ListName = null,
    bool IsKey = false)
{
    public string Column => "\"" + Key.ToLowerInvariant() + "\"";

    public FieldInfo ToInfo(bool dutch, int rank) => new()
    {
        Key = Key,
        DisplayName = dutch ? Dutch : English,
        Tooltip = dutch ? TooltipDutch : TooltipEnglish,
        Type = Type,
        MaxLength = MaxLength,
        Access = Access,
        ListName = ListName,
        IsKey = IsKey,
        Rank = rank,
    };
}
