namespace ErpSync.Connectors.DemoErp;

/// <summary>An actor to insert: its field values and, for persons, its parent.</summary>
internal sealed record NewActor(Dictionary<string, FieldValue?> Values, string? ParentKey = null, ActorType? ParentType = null);
