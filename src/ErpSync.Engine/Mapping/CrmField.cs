namespace ErpSync.Engine.Mapping;

/// <summary>A CRM field that ERP fields can map to.</summary>
/// <param name="Key">Stable key stored in mappings (for example <c>vatNumber</c>).</param>
/// <param name="English">Display name in English.</param>
/// <param name="Dutch">Display name in Dutch.</param>
/// <param name="Type">The field's type, which decides the ERP fields it can map to.</param>
/// <param name="ListKey">For list fields: the CRM list (see CrmListKeys).</param>
/// <param name="MaxLength">For text fields: the longest value the CRM stores; 0 when unlimited.</param>
public sealed record CrmField(string Key, string English, string Dutch, CrmFieldType Type, string? ListKey = null, int MaxLength = 0)
{
    public string DisplayName => Localization.Text.T(English, Dutch);
}
