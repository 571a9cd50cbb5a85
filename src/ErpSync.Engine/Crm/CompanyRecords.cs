namespace ErpSync.Engine.Crm;

/// <summary>
/// The editable fields of a company, as the API receives them and the edit form binds them
/// (settable so the form can bind directly; the operation validates and trims on save).
/// </summary>
public sealed record CompanyInput
{
    /// <summary>
    /// The record's <c>changeSeq</c> the edit is based on (as read). When given, a save after someone else's (a user or
    /// the sync) is refused with 409 instead of silently writing old values back; omit it to overwrite regardless.
    /// </summary>
    public long? Version { get; set; }

    public string? Name { get; set; }
    public string? Department { get; set; }
    public string? Number { get; set; }
    public string? Code { get; set; }
    public string? VatNumber { get; set; }
    public string? Phone { get; set; }
    public string? Fax { get; set; }
    public string? Email { get; set; }
    public string? Website { get; set; }
    public string? PostalAddress1 { get; set; }
    public string? PostalAddress2 { get; set; }
    public string? PostalAddress3 { get; set; }
    public string? PostalZip { get; set; }
    public string? PostalCity { get; set; }
    public string? PostalState { get; set; }
    public string? StreetAddress1 { get; set; }
    public string? StreetAddress2 { get; set; }
    public string? StreetAddress3 { get; set; }
    public string? StreetZip { get; set; }
    public string? StreetCity { get; set; }
    public string? StreetState { get; set; }
    public int? CountryId { get; set; }
    public int? CategoryId { get; set; }
    public int? BusinessId { get; set; }
    public string? Notes { get; set; }
}

/// <summary>A company with its list item names and bookkeeping fields.</summary>
public sealed record CompanyDetails(
    int Id,
    CompanyInput Values,
    string? CountryName,
    string? CategoryName,
    string? BusinessName,
    int PersonCount,
    long ChangeSeq,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt);

/// <summary>One row of the companies list.</summary>
public sealed record CompanySummary(int Id, string Name, string? Number, string? City, string? CountryName, string? Phone, string? Email, int PersonCount);
