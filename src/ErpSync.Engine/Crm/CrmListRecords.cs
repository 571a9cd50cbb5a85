namespace ErpSync.Engine.Crm;

/// <summary>A list with all its items in rank order, deleted ones included (flagged).</summary>
public sealed record CrmListDetails(int Id, string Key, string Name, IReadOnlyList<CrmListItemDetails> Items);

public sealed record CrmListItemDetails(int Id, int ListId, string? Code, string Name, int Rank, bool IsDeleted);

/// <summary>What an administrator enters for a list item.</summary>
public sealed record CrmListItemInput
{
    public string? Name { get; set; }
    public string? Code { get; set; }
}

/// <summary>A choice for a drop-down: non-deleted items, plus the record's current item even if deleted.</summary>
public sealed record CrmListChoice(int Id, string Name, bool IsDeleted);
