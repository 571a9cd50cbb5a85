namespace ErpSync.Engine.Crm;

/// <summary>The editable fields of a person (settable so the edit form can bind directly).</summary>
public sealed record PersonInput
{
    /// <summary>
    /// The record's <c>changeSeq</c> the edit is based on (as read). When given, a save after someone else's (a user or
    /// the sync) is refused with 409 instead of silently writing old values back; omit it to overwrite regardless.
    /// </summary>
    public long? Version { get; set; }

    public int CompanyId { get; set; }
    public string? FirstName { get; set; }
    public string? MiddleName { get; set; }
    public string? LastName { get; set; }
    public string? Title { get; set; }
    public string? Position { get; set; }
    public string? Number { get; set; }
    public string? Email { get; set; }
    public string? Email2 { get; set; }
    public string? PhoneDirect { get; set; }
    public string? PhoneMobile { get; set; }
    public string? PhonePrivate { get; set; }
    public string? PhoneOther { get; set; }
    public DateOnly? BirthDate { get; set; }
    public string? Website { get; set; }
    public string? PostalAddress1 { get; set; }
    public string? PostalAddress2 { get; set; }
    public string? PostalAddress3 { get; set; }
    public string? PostalZip { get; set; }
    public string? PostalCity { get; set; }
    public string? PostalState { get; set; }
    public int? CountryId { get; set; }
    public LegalBasis PrivacyBasis { get; set; }
    public string? PrivacySource { get; set; }
}

public sealed record PersonDetails(
    int Id,
    PersonInput Values,
    string FullName,
    string CompanyName,
    string? CountryName,
    DateTimeOffset? PrivacyRecordedAt,
    long ChangeSeq,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt);

/// <summary>One row of the persons list.</summary>
public sealed record PersonSummary(int Id, string FullName, string LastName, int CompanyId, string CompanyName, string? Position, string? Email, string? Phone);
