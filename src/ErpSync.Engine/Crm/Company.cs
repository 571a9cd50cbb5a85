namespace ErpSync.Engine.Crm;

public sealed class Company : ICrmRecord
{
    public const int NameMaxLength = 200;

    public int Id { get; set; }
    public required string Name { get; set; }
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
    public long ChangeSeq { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }

    public CrmListItem? Country { get; set; }
    public CrmListItem? Category { get; set; }
    public CrmListItem? Business { get; set; }
    public List<Person> Persons { get; set; } = [];
}
