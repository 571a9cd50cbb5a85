namespace ErpSync.Connectors.Remote;

/// <summary>Arguments of the <c>list</c> and <c>list-items</c> calls (<see cref="IListProvider"/>).</summary>
/// <param name="ListName">The list name (<see cref="FieldInfo.ListName"/>).</param>
/// <param name="Keys">For <c>list-items</c>: the item keys to resolve; null for <c>list</c>.</param>
public sealed record ListRequest(string ListName, IReadOnlyList<string>? Keys = null);
