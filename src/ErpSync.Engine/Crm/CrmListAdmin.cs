using ErpSync.Engine.Data;
using Microsoft.EntityFrameworkCore;
using static ErpSync.Engine.Localization.Text;

namespace ErpSync.Engine.Crm;

/// <summary>
/// The administrator-editable lists (country, category, …). Items are never removed, only marked
/// deleted: records and list mappings that use an item keep pointing at it.
/// </summary>
public sealed class CrmListAdmin(IDbContextFactory<ErpSyncDb> dbFactory)
{
    public const int NameMaxLength = 200;
    public const int CodeMaxLength = 50;

    public async Task<IReadOnlyList<CrmListDetails>> ListAsync(CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var lists = await db.Lists.AsNoTracking().Include(l => l.Items).OrderBy(l => l.Name).ToListAsync(cancellationToken);
        return lists.Select(ToDetails).ToList();
    }

    public async Task<CrmListDetails> GetAsync(int listId, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var list = await db.Lists.AsNoTracking().Include(l => l.Items).FirstOrDefaultAsync(l => l.Id == listId, cancellationToken) ?? throw ListNotFound();
        return ToDetails(list);
    }

    /// <summary>The items a user may choose for a field of this list; <paramref name="current"/> stays visible when it was deleted since.</summary>
    public async Task<IReadOnlyList<CrmListChoice>> ChoicesAsync(string listKey, int? current, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.ListItems
            .Where(i => i.List!.Key == listKey && (!i.IsDeleted || i.Id == current))
            .OrderBy(i => i.Rank).ThenBy(i => i.Name)
            .Select(i => new CrmListChoice(i.Id, i.Name, i.IsDeleted))
            .ToListAsync(cancellationToken);
    }

    public async Task<CrmListItemDetails> AddItemAsync(int listId, CrmListItemInput input, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var list = await db.Lists.Include(l => l.Items).FirstOrDefaultAsync(l => l.Id == listId, cancellationToken) ?? throw ListNotFound();
        var item = new CrmListItem { Name = "", Rank = list.Items.Count == 0 ? 0 : list.Items.Max(i => i.Rank) + 1 };
        Apply(list, item, input);
        list.Items.Add(item);
        await db.SaveChangesAsync(cancellationToken);
        return ToDetails(item);
    }

    /// <summary>Renames an item or changes its code.</summary>
    public async Task<CrmListItemDetails> UpdateItemAsync(int listId, int itemId, CrmListItemInput input, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var list = await db.Lists.Include(l => l.Items).FirstOrDefaultAsync(l => l.Id == listId, cancellationToken) ?? throw ListNotFound();
        var item = list.Items.FirstOrDefault(i => i.Id == itemId) ?? throw ItemNotFound();
        Apply(list, item, input);
        await db.SaveChangesAsync(cancellationToken);
        return ToDetails(item);
    }

    /// <summary>Puts the items in the given order; items left out keep their relative order after the given ones.</summary>
    public async Task<CrmListDetails> ReorderAsync(int listId, IReadOnlyList<int> itemIds, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var list = await db.Lists.Include(l => l.Items).FirstOrDefaultAsync(l => l.Id == listId, cancellationToken) ?? throw ListNotFound();
        if (itemIds.Any(id => list.Items.All(i => i.Id != id)))
        {
            throw UserErrorException.Field("itemIds", T("An item does not belong to this list.", "Een item hoort niet bij deze lijst."));
        }

        var ordered = itemIds.Distinct().Select(id => list.Items.First(i => i.Id == id))
            .Concat(list.Items.Where(i => !itemIds.Contains(i.Id)).OrderBy(i => i.Rank).ThenBy(i => i.Id))
            .ToList();
        for (var rank = 0; rank < ordered.Count; rank++)
        {
            ordered[rank].Rank = rank;
        }

        await db.SaveChangesAsync(cancellationToken);
        return ToDetails(list);
    }

    /// <summary>Marks an item deleted (or restores it). Records that use the item keep it; it is no longer offered as a choice.</summary>
    public async Task<CrmListItemDetails> SetDeletedAsync(int listId, int itemId, bool deleted, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var item = await db.ListItems.FirstOrDefaultAsync(i => i.Id == itemId && i.ListId == listId, cancellationToken) ?? throw ItemNotFound();
        item.IsDeleted = deleted;
        await db.SaveChangesAsync(cancellationToken);
        return ToDetails(item);
    }

    private static void Apply(CrmList list, CrmListItem item, CrmListItemInput input)
    {
        var name = input.Name?.Trim() ?? "";
        var code = string.IsNullOrWhiteSpace(input.Code) ? null : input.Code.Trim();
        var errors = new Dictionary<string, string[]>();
        if (name.Length is 0 or > NameMaxLength)
        {
            errors["name"] = [T($"Enter a name of 1 to {NameMaxLength} characters.", $"Voer een naam in van 1 tot {NameMaxLength} tekens.")];
        }
        else if (list.Items.Any(i => i != item && !i.IsDeleted && string.Equals(i.Name, name, StringComparison.OrdinalIgnoreCase)))
        {
            errors["name"] = [T("This list already has an item with this name.", "Deze lijst heeft al een item met deze naam.")];
        }

        if (code?.Length > CodeMaxLength)
        {
            errors["code"] = [T($"Use at most {CodeMaxLength} characters.", $"Gebruik maximaal {CodeMaxLength} tekens.")];
        }

        if (errors.Count > 0)
        {
            throw new UserErrorException(T("Please correct the marked fields.", "Corrigeer de gemarkeerde velden."), errors);
        }

        item.Name = name;
        item.Code = code;
    }

    private static UserErrorException ListNotFound() => UserErrorException.NotFound(T("This list does not exist.", "Deze lijst bestaat niet."));

    private static UserErrorException ItemNotFound() => UserErrorException.NotFound(T("This list item does not exist.", "Dit lijstitem bestaat niet."));

    private static CrmListDetails ToDetails(CrmList l) =>
        new(l.Id, l.Key, l.Name, l.Items.OrderBy(i => i.Rank).ThenBy(i => i.Id).Select(ToDetails).ToList());

    private static CrmListItemDetails ToDetails(CrmListItem i) => new(i.Id, i.ListId, i.Code, i.Name, i.Rank, i.IsDeleted);
}
