namespace ErpSync.Connectors;

/// <summary>Arguments of <see cref="ISyncConnector.GetActorsAsync"/>.</summary>
/// <param name="ActorType">The actor type.</param>
/// <param name="Keys">The keys to read.</param>
/// <param name="Fields">The field keys to return; empty means all fields.</param>
public sealed record GetActorsRequest(ActorType ActorType, IReadOnlyList<string> Keys, IReadOnlyList<string> Fields);

/// <summary>Arguments of <see cref="ISyncConnector.ReadChangesAsync"/>.</summary>
/// <param name="ActorType">The actor type.</param>
/// <param name="Cursor">The <see cref="ChangePage.NextCursor"/> of the last committed page, or null to read everything.</param>
/// <param name="Fields">The field keys to return; empty means all fields.</param>
/// <param name="PageSize">The maximum number of actors plus tombstones in the page.</param>
public sealed record ReadChangesRequest(ActorType ActorType, string? Cursor, IReadOnlyList<string> Fields, int PageSize = 500);

/// <summary>Arguments of <see cref="ISyncConnector.CreateActorAsync"/>.</summary>
/// <param name="ActorType">The actor type to create.</param>
/// <param name="IdempotencyKey">
/// Chosen by ErpSync and stored before the call; a repeated call with the same key returns the actor of the first call.
/// </param>
/// <param name="Fields">The initial field values.</param>
/// <param name="ParentKey">For persons: the key of the actor the person belongs to.</param>
public sealed record CreateActorRequest(ActorType ActorType, string IdempotencyKey, IReadOnlyDictionary<string, FieldValue?> Fields, string? ParentKey = null);

/// <summary>One write in <see cref="SaveActorsRequest"/>.</summary>
/// <param name="Key">The actor's key.</param>
/// <param name="ExpectedVersion">The <see cref="Actor.Version"/> the change is based on; null skips the check.</param>
/// <param name="Fields">Only the fields to change.</param>
/// <param name="ParentKey">For persons: the key of the actor the person moves to; null leaves the parent as it is.</param>
public sealed record ActorUpdate(string Key, string? ExpectedVersion, IReadOnlyDictionary<string, FieldValue?> Fields, string? ParentKey = null);

/// <summary>Arguments of <see cref="ISyncConnector.SaveActorsAsync"/>.</summary>
/// <param name="ActorType">The actor type of every item.</param>
/// <param name="Items">The writes, applied independently: one failing item does not stop the others.</param>
public sealed record SaveActorsRequest(ActorType ActorType, IReadOnlyList<ActorUpdate> Items);

/// <summary>A page window for searches.</summary>
/// <param name="Skip">How many results to skip.</param>
/// <param name="Take">How many results to return at most.</param>
public sealed record PageRequest(int Skip = 0, int Take = 50);

/// <summary>Arguments of <see cref="ISearchableConnector.SearchAsync"/>.</summary>
/// <param name="ActorType">The actor type.</param>
/// <param name="Text">The search text; blank lists all.</param>
/// <param name="Fields">The field keys to return.</param>
/// <param name="Page">The page window.</param>
/// <param name="ParentKey">Only actors under this parent (persons of a customer), or null.</param>
public sealed record SearchRequest(ActorType ActorType, string? Text, IReadOnlyList<string> Fields, PageRequest Page, string? ParentKey = null);

/// <summary>Arguments of <see cref="ISearchableConnector.SearchAdvancedAsync"/>.</summary>
/// <param name="ActorType">The actor type.</param>
/// <param name="Restrictions">Conditions that must all hold.</param>
/// <param name="Fields">The field keys to return.</param>
/// <param name="Page">The page window.</param>
public sealed record AdvancedSearchRequest(ActorType ActorType, IReadOnlyList<SearchRestriction> Restrictions, IReadOnlyList<string> Fields, PageRequest Page);
