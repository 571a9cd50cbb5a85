using ErpSync.Connectors;

namespace ErpSync.Engine.Connections;

public enum CrmEntity
{
    Company = 1,
    Person = 2,
    Project = 3,
}

public static class CrmEntities
{
    /// <summary>Customer, Supplier and Partner sync with companies, Person with persons, Project with projects.</summary>
    public static CrmEntity? For(ActorType type) => type switch
    {
        ActorType.Customer or ActorType.Supplier or ActorType.Partner => CrmEntity.Company,
        ActorType.Person => CrmEntity.Person,
        ActorType.Project => CrmEntity.Project,
        _ => null,
    };
}
