namespace ErpSync.Connectors.Testing;

/// <summary>A valid create payload for one actor type, supplied by a <see cref="ConformanceFixture"/>.</summary>
/// <param name="Fields">The field values to create the actor with.</param>
/// <param name="ParentKey">For persons: the key of an existing actor the person belongs to; else null.</param>
public sealed record SampleActor(IReadOnlyDictionary<string, FieldValue?> Fields, string? ParentKey = null);
