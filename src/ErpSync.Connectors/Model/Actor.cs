namespace ErpSync.Connectors;

/// <summary>One ERP record with the requested field values.</summary>
public sealed record Actor
{
    /// <summary>The actor type.</summary>
    public required ActorType Type { get; init; }

    /// <summary>The connector's stable key; ErpSync stores it but never parses it.</summary>
    public required string Key { get; init; }

    /// <summary>
    /// An opaque version (row version, timestamp, etag) that changes on every write; sent back as
    /// <see cref="ActorUpdate.ExpectedVersion"/> for optimistic concurrency. Null when the ERP has none.
    /// </summary>
    public string? Version { get; init; }

    /// <summary>When the actor last changed in the ERP, if known; used by the "newest wins" conflict policy.</summary>
    public DateTimeOffset? ChangedAt { get; init; }

    /// <summary>A short human-readable name (for search results and logs).</summary>
    public string? DisplayName { get; init; }

    /// <summary>For persons: the key of the actor they belong to.</summary>
    public string? ParentKey { get; init; }

    /// <summary>For persons: the type of the actor they belong to.</summary>
    public ActorType? ParentType { get; init; }

    /// <summary>Field values keyed by <see cref="FieldInfo.Key"/>; a null value means "empty".</summary>
    public IReadOnlyDictionary<string, FieldValue?> Fields { get; init; } = new Dictionary<string, FieldValue?>();
}
