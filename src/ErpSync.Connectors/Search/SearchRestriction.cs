namespace ErpSync.Connectors;

/// <summary>One condition of an advanced search.</summary>
/// <param name="FieldKey">A searchable field key, or one of <see cref="SearchRestriction.ParentKeyField"/> / <see cref="SearchRestriction.ParentTypeField"/>.</param>
/// <param name="Operator">The comparison.</param>
/// <param name="Values">One value; two for <see cref="SearchOperator.Between"/>; any number for <see cref="SearchOperator.OneOf"/> and <see cref="SearchOperator.NotOneOf"/>.</param>
public sealed record SearchRestriction(string FieldKey, SearchOperator Operator, IReadOnlyList<FieldValue> Values)
{
    /// <summary>Special field key: restricts persons to those under the actor with this key.</summary>
    public const string ParentKeyField = "$parentKey";

    /// <summary>Special field key: restricts persons to those under actors of this type; values are <see cref="ListValue"/>s holding an <see cref="ActorType"/> name.</summary>
    public const string ParentTypeField = "$parentType";
}
