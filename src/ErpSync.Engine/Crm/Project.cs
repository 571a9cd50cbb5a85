namespace ErpSync.Engine.Crm;

public sealed class Project : ICrmRecord
{
    public const int NameMaxLength = 200;

    public int Id { get; set; }
    public required string Name { get; set; }
    public string? Number { get; set; }
    public string? Description { get; set; }
    public DateOnly? EndDate { get; set; }
    public string? Url { get; set; }
    public int? CompanyId { get; set; }
    public long ChangeSeq { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }

    public Company? Company { get; set; }
}
