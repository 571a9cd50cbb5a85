namespace ErpSync.Engine.Crm;

public sealed class Person : ICrmRecord
{
    public const int LastNameMaxLength = 100;

    public int Id { get; set; }
    public int CompanyId { get; set; }
    public string? FirstName { get; set; }
    public string? MiddleName { get; set; }
    public required string LastName { get; set; }
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

    /// <summary>Lawful basis for the purpose "Sales and service" (see <see cref="Privacy"/>).</summary>
    public LegalBasis PrivacyBasis { get; set; }

    /// <summary>Where the basis came from (a form, a call, "Import").</summary>
    public string? PrivacySource { get; set; }

    public DateTimeOffset? PrivacyRecordedAt { get; set; }
    public long ChangeSeq { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }

    public Company? Company { get; set; }
    public CrmListItem? Country { get; set; }

    public string FullName => string.Join(' ', new[] { FirstName, MiddleName, LastName }.Where(p => !string.IsNullOrWhiteSpace(p)));
}
