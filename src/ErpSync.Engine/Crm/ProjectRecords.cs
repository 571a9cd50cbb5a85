namespace ErpSync.Engine.Crm;

/// <summary>The editable fields of a project (settable so the edit form can bind directly).</summary>
public sealed record ProjectInput
{
    /// <summary>
    /// The record's <c>changeSeq</c> the edit is based on (as read). When given, a save after someone else's (a user or
    /// the sync) is refused with 409 instead of silently writing old values back; omit it to overwrite regardless.
    /// </summary>
    public long? Version { get; set; }

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
