namespace ErpSync.Connectors;

/// <summary>Whether a field must, may or cannot be given a value.</summary>
public enum FieldAccess
{
    /// <summary>Optional and writable.</summary>
    Normal = 0,

    /// <summary>Must have a value: configuration fields must be filled, actor fields need a mapping or a default before a create.</summary>
    Mandatory = 1,

    /// <summary>Shown but never written by ErpSync.</summary>
    ReadOnly = 2,
}
