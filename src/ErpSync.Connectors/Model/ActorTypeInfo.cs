namespace ErpSync.Connectors;

/// <summary>An actor type a connection supports, and what may be done with it.</summary>
/// <param name="Type">The actor type.</param>
/// <param name="DisplayName">How the ERP calls it (for example "Debiteur").</param>
/// <param name="CanCreate">Whether <see cref="ISyncConnector.CreateActorAsync"/> accepts this type.</param>
/// <param name="CanWrite">Whether <see cref="ISyncConnector.SaveActorsAsync"/> accepts this type.</param>
/// <param name="ParentTypes">For persons: the actor types a person can belong to (for example Customer and Supplier), or null.</param>
public sealed record ActorTypeInfo(ActorType Type, string DisplayName, bool CanCreate = true, bool CanWrite = true, IReadOnlyList<ActorType>? ParentTypes = null);
