using ErpSync.Engine.Data;
using Microsoft.EntityFrameworkCore;
using static ErpSync.Engine.Localization.Text;

namespace ErpSync.Engine.Crm;

/// <summary>The operations on companies, shared by the API and the pages. Every write goes through SaveChangesAsync, which assigns the change sequence.</summary>
public sealed class CompanyAdmin(IDbContextFactory<ErpSyncDb> dbFactory)
{
    /// <summary>Companies whose name, number, code, city or e-mail contains every search word, sorted by name.</summary>
    public async Task<ResultPage<CompanySummary>> ListAsync(string? search, int skip, int take, CancellationToken cancellationToken)
    {
        (skip, take) = ResultPage<CompanySummary>.Clamp(skip, take);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var query = db.Companies.AsQueryable();
        foreach (var term in SearchTerms.Parse(search))
        {
            query = query.Where(c => c.Name.ToLower().Contains(term)
                || (c.Number != null && c.Number.ToLower().Contains(term))
                || (c.Code != null && c.Code.ToLower().Contains(term))
                || (c.StreetCity != null && c.StreetCity.ToLower().Contains(term))
                || (c.PostalCity != null && c.PostalCity.ToLower().Contains(term))
                || (c.Email != null && c.Email.ToLower().Contains(term)));
        }

        var total = await query.CountAsync(cancellationToken);
        var items = await query.OrderBy(c => c.Name).ThenBy(c => c.Id).Skip(skip).Take(take)
            .Select(c => new CompanySummary(c.Id, c.Name, c.Number, c.StreetCity ?? c.PostalCity, c.Country!.Name, c.Phone, c.Email, c.Persons.Count))
            .ToListAsync(cancellationToken);
        return new ResultPage<CompanySummary>(items, total, skip, take);
    }

    public async Task<CompanyDetails> GetAsync(int id, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var company = await db.Companies.AsNoTracking()
            .Include(c => c.Country).Include(c => c.Category).Include(c => c.Business)
            .FirstOrDefaultAsync(c => c.Id == id, cancellationToken) ?? throw NotFound(id);
        var persons = await db.Persons.CountAsync(p => p.CompanyId == id, cancellationToken);
        return ToDetails(company, persons);
    }

    public async Task<CompanyDetails> CreateAsync(CompanyInput input, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var company = new Company { Name = "" };
        await ApplyAsync(db, company, input, cancellationToken);
        db.Companies.Add(company);
        await db.SaveChangesAsync(cancellationToken);
        return await GetAsync(company.Id, cancellationToken);
    }

    public async Task<CompanyDetails> UpdateAsync(int id, CompanyInput input, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var company = await db.Companies.FirstOrDefaultAsync(c => c.Id == id, cancellationToken) ?? throw NotFound(id);
        CrmVersion.Expect(db, company, input.Version);
        await ApplyAsync(db, company, input, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        return await GetAsync(id, cancellationToken);
    }

    /// <summary>Deletes the company with its persons; its projects stay, without a company (and so get a new change sequence).</summary>
    public async Task DeleteAsync(int id, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var company = await db.Companies.Include(c => c.Persons).FirstOrDefaultAsync(c => c.Id == id, cancellationToken) ?? throw NotFound(id);
        foreach (var project in await db.Projects.Where(p => p.CompanyId == id).ToListAsync(cancellationToken))
        {
            project.CompanyId = null;
        }

        db.Persons.RemoveRange(company.Persons);
        db.Companies.Remove(company);
        await db.SaveChangesAsync(cancellationToken);
    }

    private static UserErrorException NotFound(int id) =>
        UserErrorException.NotFound(T($"Company {id} does not exist.", $"Bedrijf {id} bestaat niet."));

    private static async Task ApplyAsync(ErpSyncDb db, Company company, CompanyInput input, CancellationToken cancellationToken)
    {
        var check = new CrmValidation(db);
        var name = check.Required("name", input.Name, Company.NameMaxLength);
        var email = CrmValidation.Clean(input.Email);
        var website = CrmValidation.Clean(input.Website);
        check.Email("email", email);
        check.Url("website", website);
        await check.ListItemAsync("countryId", CrmListKeys.Country, input.CountryId, company.CountryId, cancellationToken);
        await check.ListItemAsync("categoryId", CrmListKeys.Category, input.CategoryId, company.CategoryId, cancellationToken);
        await check.ListItemAsync("businessId", CrmListKeys.Business, input.BusinessId, company.BusinessId, cancellationToken);
        check.ThrowIfAny();

        company.Name = name;
        company.Department = CrmValidation.Clean(input.Department);
        company.Number = CrmValidation.Clean(input.Number);
        company.Code = CrmValidation.Clean(input.Code);
        company.VatNumber = CrmValidation.Clean(input.VatNumber);
        company.Phone = CrmValidation.Clean(input.Phone);
        company.Fax = CrmValidation.Clean(input.Fax);
        company.Email = email;
        company.Website = website;
        company.PostalAddress1 = CrmValidation.Clean(input.PostalAddress1);
        company.PostalAddress2 = CrmValidation.Clean(input.PostalAddress2);
        company.PostalAddress3 = CrmValidation.Clean(input.PostalAddress3);
        company.PostalZip = CrmValidation.Clean(input.PostalZip);
        company.PostalCity = CrmValidation.Clean(input.PostalCity);
        company.PostalState = CrmValidation.Clean(input.PostalState);
        company.StreetAddress1 = CrmValidation.Clean(input.StreetAddress1);
        company.StreetAddress2 = CrmValidation.Clean(input.StreetAddress2);
        company.StreetAddress3 = CrmValidation.Clean(input.StreetAddress3);
        company.StreetZip = CrmValidation.Clean(input.StreetZip);
        company.StreetCity = CrmValidation.Clean(input.StreetCity);
        company.StreetState = CrmValidation.Clean(input.StreetState);
        company.CountryId = input.CountryId;
        company.CategoryId = input.CategoryId;
        company.BusinessId = input.BusinessId;
        company.Notes = CrmValidation.Clean(input.Notes);
    }

    private static CompanyDetails ToDetails(Company c, int personCount) => new(
        c.Id,
        new CompanyInput
        {
            Name = c.Name, Department = c.Department, Number = c.Number, Code = c.Code, VatNumber = c.VatNumber,
            Phone = c.Phone, Fax = c.Fax, Email = c.Email, Website = c.Website,
            PostalAddress1 = c.PostalAddress1, PostalAddress2 = c.PostalAddress2, PostalAddress3 = c.PostalAddress3,
            PostalZip = c.PostalZip, PostalCity = c.PostalCity, PostalState = c.PostalState,
            StreetAddress1 = c.StreetAddress1, StreetAddress2 = c.StreetAddress2, StreetAddress3 = c.StreetAddress3,
            StreetZip = c.StreetZip, StreetCity = c.StreetCity, StreetState = c.StreetState,
            CountryId = c.CountryId, CategoryId = c.CategoryId, BusinessId = c.BusinessId, Notes = c.Notes, Version = c.ChangeSeq,
        },
        c.Country?.Name, c.Category?.Name, c.Business?.Name, personCount, c.ChangeSeq, c.CreatedAt, c.UpdatedAt);
}
