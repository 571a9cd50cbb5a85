namespace ErpSync.Engine.Crm;

/// <summary>The editable fields of a project (settable so the edit form can bind directly).</summary>
public sealed record ProjectInput
{
    public string? Name { get; set; }
    public string? Number { get; set; }
    public string? Description { get; set; }
    public DateOnly? EndDate { get; set; }
    public string? Url { get; set; }
    public int? CompanyId { get; set; }
}

public sealed record ProjectDetails(int Id, ProjectInput Values, string? CompanyName, long ChangeSeq, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt);

/// <summary>One row of the projects list.</summary>
public sealed record ProjectSummary(int Id, string Name, string? Number, int? CompanyId, string? CompanyName, DateOnly? EndDate);
