namespace ErpSync.Connectors.DemoErp;

/// <summary>The stored state of one actor, as writes need it: every field value plus its life state.</summary>
internal sealed record ActorRow(
    string Key,
    ActorType Type,
    ActorStatus Status,
    long Version,
    string? ParentKey,
    ActorType? ParentType,
    Dictionary<string, FieldValue?> Values)
{
    public static string DisplayName(ActorType type, IReadOnlyDictionary<string, FieldValue?> values)
    {
        string Text(string key) => values.TryGetValue(key, out var v) && v is not null ? v.ToInvariantString().Trim() : "";
        return type == ActorType.Person
            ? string.Join(' ', new[] { Text("FIRSTNAME"), Text("MIDDLENAME"), Text("LASTNAME") }.Where(s => s.Length > 0))
            : Text("NAME");
    }
}
