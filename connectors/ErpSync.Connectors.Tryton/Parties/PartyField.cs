namespace ErpSync.Connectors.Tryton;

/// <summary>Where a party field's value lives in Tryton.</summary>
internal enum FieldSource
{
    /// <summary>A field of <c>party.party</c>.</summary>
    Party,

    /// <summary>A field of the party's first address (by sequence).</summary>
    Address,

    /// <summary>The value of the party's first contact mechanism of a type (by sequence).</summary>
    Mechanism,

    /// <summary>The party's first VAT identifier.</summary>
    TaxIdentifier,

    /// <summary>The names of the party's categories.</summary>
    Categories,
}

/// <summary>One actor field and the Tryton field behind it.</summary>
/// <param name="Key">The actor field key.</param>
/// <param name="Type">The field type.</param>
/// <param name="Source">Where the value lives.</param>
/// <param name="TrytonField">The Tryton field name (the mechanism type for <see cref="FieldSource.Mechanism"/>).</param>
/// <param name="ListName">For list fields: the list.</param>
/// <param name="Access">Mandatory, read-only or normal, as ErpSync sees it.</param>
/// <param name="IsKey">Whether it identifies the party (its code).</param>
internal sealed record PartyField(string Key, FieldType Type, FieldSource Source, string TrytonField, string? ListName = null, FieldAccess Access = FieldAccess.Normal, bool IsKey = false)
{
    /// <summary>The model whose <c>fields_get</c> gives this field's label.</summary>
    public string LabelModel => Source == FieldSource.Address ? "party.address" : "party.party";

    /// <summary>The field whose label is shown.</summary>
    public string LabelField => Source switch
    {
        FieldSource.TaxIdentifier => "tax_identifier",
        _ => TrytonField,
    };
}
