using ErpSync.Engine.Data;
using Microsoft.EntityFrameworkCore;
using static ErpSync.Engine.Localization.Text;

namespace ErpSync.Engine.Crm;

/// <summary>The operations on projects, shared by the API and the pages.</summary>
public sealed class ProjectAdmin(IDbContextFactory<ErpSyncDb> dbFactory)
{
    /// <summary>Projects whose name, number or company name contains every search word, optionally of one company, sorted by name.</summary>
    public async Task<ResultPage<ProjectSummary>> ListAsync(string? search, int? companyId, int skip, int take, CancellationToken cancellationToken)
    {
        (skip, take) = ResultPage<ProjectSummary>.Clamp(skip, take);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var query = db.Projects.AsQueryable();
        if (companyId is { } cid)
        {
            query = query.Where(p => p.CompanyId == cid);
        }

        foreach (var term in SearchTerms.Parse(search))
        {
            query = query.Where(p => p.Name.ToLower().Contains(term)
                || (p.Number != null && p.Number.ToLower().Contains(term))
                || (p.Company != null && p.Company.Name.ToLower().Contains(term)));
        }

        var total = await query.CountAsync(cancellationToken);
        var items = await query.OrderBy(p => p.Name).ThenBy(p => p.Id).Skip(skip).Take(take)
            .Select(p => new ProjectSummary(p.Id, p.Name, p.Number, p.CompanyId, p.Company != null ? p.Company.Name : null, p.EndDate))
            .ToListAsync(cancellationToken);
        return new ResultPage<ProjectSummary>(items, total, skip, take);
    }

    public async Task<ProjectDetails> GetAsync(int id, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var p = await db.Projects.AsNoTracking().Include(p => p.Company).FirstOrDefaultAsync(p => p.Id == id, cancellationToken) ?? throw NotFound(id);
        return new ProjectDetails(
            p.Id,
            new ProjectInput { Name = p.Name, Number = p.Number, Description = p.Description, EndDate = p.EndDate, Url = p.Url, CompanyId = p.CompanyId, Version = p.ChangeSeq },
            p.Company?.Name, p.ChangeSeq, p.CreatedAt, p.UpdatedAt);
    }

    public async Task<ProjectDetails> CreateAsync(ProjectInput input, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var project = new Project { Name = "" };
        await ApplyAsync(db, project, input, cancellationToken);
        db.Projects.Add(project);
        await db.SaveChangesAsync(cancellationToken);
        return await GetAsync(project.Id, cancellationToken);
    }

    public async Task<ProjectDetails> UpdateAsync(int id, ProjectInput input, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var project = await db.Projects.FirstOrDefaultAsync(p => p.Id == id, cancellationToken) ?? throw NotFound(id);
        CrmVersion.Expect(db, project, input.Version);
        await ApplyAsync(db, project, input, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        return await GetAsync(id, cancellationToken);
    }

    public async Task DeleteAsync(int id, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var project = await db.Projects.FirstOrDefaultAsync(p => p.Id == id, cancellationToken) ?? throw NotFound(id);
        db.Projects.Remove(project);
        await db.SaveChangesAsync(cancellationToken);
    }

    private static UserErrorException NotFound(int id) =>
        UserErrorException.NotFound(T($"Project {id} does not exist.", $"Project {id} bestaat niet."));

    private static async Task ApplyAsync(ErpSyncDb db, Project project, ProjectInput input, CancellationToken cancellationToken)
    {
        var check = new CrmValidation(db);
        var name = check.Required("name", input.Name, Project.NameMaxLength);
        var url = CrmValidation.Clean(input.Url);
        check.Url("url", url);
        if (input.CompanyId is { } companyId && !await db.Companies.AnyAsync(c => c.Id == companyId, cancellationToken))
        {
            check.Add("companyId", T("Choose an existing company.", "Kies een bestaand bedrijf."));
        }

        check.ThrowIfAny();
        project.Name = name;
        project.Number = CrmValidation.Clean(input.Number);
        project.Description = CrmValidation.Clean(input.Description);
        project.EndDate = input.EndDate;
        project.Url = url;
        project.CompanyId = input.CompanyId;
    }
}
