using ErpSync.Engine.Data;
using Microsoft.EntityFrameworkCore;
using static ErpSync.Engine.Localization.Text;

namespace ErpSync.Engine.Crm;

/// <summary>The operations on persons (contacts at a company), shared by the API and the pages.</summary>
public sealed class PersonAdmin(IDbContextFactory<ErpSyncDb> dbFactory, TimeProvider time)
{
    /// <summary>Persons whose names, e-mail or company name contain every search word, optionally of one company, sorted by name.</summary>
    public async Task<ResultPage<PersonSummary>> ListAsync(string? search, int? companyId, int skip, int take, CancellationToken cancellationToken)
    {
        (skip, take) = ResultPage<PersonSummary>.Clamp(skip, take);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var query = db.Persons.AsQueryable();
        if (companyId is { } cid)
        {
            query = query.Where(p => p.CompanyId == cid);
        }

        foreach (var term in SearchTerms.Parse(search))
        {
            query = query.Where(p => p.LastName.ToLower().Contains(term)
                || (p.FirstName != null && p.FirstName.ToLower().Contains(term))
                || (p.MiddleName != null && p.MiddleName.ToLower().Contains(term))
                || (p.Email != null && p.Email.ToLower().Contains(term))
                || p.Company!.Name.ToLower().Contains(term));
        }

        var total = await query.CountAsync(cancellationToken);
        var rows = await query.OrderBy(p => p.LastName).ThenBy(p => p.FirstName).ThenBy(p => p.Id).Skip(skip).Take(take)
            .Select(p => new { p.Id, p.FirstName, p.MiddleName, p.LastName, p.CompanyId, CompanyName = p.Company!.Name, p.Position, p.Email, Phone = p.PhoneDirect ?? p.PhoneMobile })
            .ToListAsync(cancellationToken);
        var items = rows.Select(r => new PersonSummary(r.Id, FullName(r.FirstName, r.MiddleName, r.LastName), r.LastName, r.CompanyId, r.CompanyName, r.Position, r.Email, r.Phone)).ToList();
        return new ResultPage<PersonSummary>(items, total, skip, take);
    }

    public async Task<PersonDetails> GetAsync(int id, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var p = await db.Persons.AsNoTracking().Include(p => p.Company).Include(p => p.Country)
            .FirstOrDefaultAsync(p => p.Id == id, cancellationToken) ?? throw NotFound(id);
        return new PersonDetails(
            p.Id,
            new PersonInput
            {
                CompanyId = p.CompanyId, FirstName = p.FirstName, MiddleName = p.MiddleName, LastName = p.LastName, Title = p.Title,
                Position = p.Position, Number = p.Number, Email = p.Email, Email2 = p.Email2,
                PhoneDirect = p.PhoneDirect, PhoneMobile = p.PhoneMobile, PhonePrivate = p.PhonePrivate, PhoneOther = p.PhoneOther,
                BirthDate = p.BirthDate, Website = p.Website,
                PostalAddress1 = p.PostalAddress1, PostalAddress2 = p.PostalAddress2, PostalAddress3 = p.PostalAddress3,
                PostalZip = p.PostalZip, PostalCity = p.PostalCity, PostalState = p.PostalState, CountryId = p.CountryId,
                PrivacyBasis = p.PrivacyBasis, PrivacySource = p.PrivacySource, Version = p.ChangeSeq,
            },
            p.FullName, p.Company!.Name, p.Country?.Name, p.PrivacyRecordedAt, p.ChangeSeq, p.CreatedAt, p.UpdatedAt);
    }

    public async Task<PersonDetails> CreateAsync(PersonInput input, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var person = new Person { LastName = "" };
        await ApplyAsync(db, person, input, cancellationToken);
        db.Persons.Add(person);
        await db.SaveChangesAsync(cancellationToken);
        return await GetAsync(person.Id, cancellationToken);
    }

    public async Task<PersonDetails> UpdateAsync(int id, PersonInput input, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var person = await db.Persons.FirstOrDefaultAsync(p => p.Id == id, cancellationToken) ?? throw NotFound(id);
        CrmVersion.Expect(db, person, input.Version);
        await ApplyAsync(db, person, input, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        return await GetAsync(id, cancellationToken);
    }

    public async Task DeleteAsync(int id, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var person = await db.Persons.FirstOrDefaultAsync(p => p.Id == id, cancellationToken) ?? throw NotFound(id);
        db.Persons.Remove(person);
        await db.SaveChangesAsync(cancellationToken);
    }

    private static UserErrorException NotFound(int id) =>
        UserErrorException.NotFound(T($"Person {id} does not exist.", $"Persoon {id} bestaat niet."));

    private static string FullName(string? first, string? middle, string last) =>
        string.Join(' ', new[] { first, middle, last }.Where(p => !string.IsNullOrWhiteSpace(p)));

    private async Task ApplyAsync(ErpSyncDb db, Person person, PersonInput input, CancellationToken cancellationToken)
    {
        var check = new CrmValidation(db);
        var lastName = check.Required("lastName", input.LastName, Person.LastNameMaxLength);
        if (!await db.Companies.AnyAsync(c => c.Id == input.CompanyId, cancellationToken))
        {
            check.Add("companyId", T("Choose an existing company.", "Kies een bestaand bedrijf."));
        }

        var email = CrmValidation.Clean(input.Email);
        var email2 = CrmValidation.Clean(input.Email2);
        var website = CrmValidation.Clean(input.Website);
        check.Email("email", email);
        check.Email("email2", email2);
        check.Url("website", website);
        await check.ListItemAsync("countryId", CrmListKeys.Country, input.CountryId, person.CountryId, cancellationToken);
        var privacySource = CrmValidation.Clean(input.PrivacySource);
        if (!Enum.IsDefined(input.PrivacyBasis))
        {
            check.Add("privacyBasis", T("Choose a lawful basis from the list.", "Kies een rechtsgrond uit de lijst."));
        }

        if (privacySource is { Length: > Privacy.SourceMaxLength })
        {
            check.Add("privacySource", T($"At most {Privacy.SourceMaxLength} characters.", $"Hoogstens {Privacy.SourceMaxLength} tekens."));
        }

        check.ThrowIfAny();
        if (person.PrivacyBasis != input.PrivacyBasis || person.PrivacySource != privacySource)
        {
            person.PrivacyRecordedAt = input.PrivacyBasis == LegalBasis.None ? null : time.GetUtcNow();
        }

        person.PrivacyBasis = input.PrivacyBasis;
        person.PrivacySource = input.PrivacyBasis == LegalBasis.None ? null : privacySource;

        person.CompanyId = input.CompanyId;
        person.FirstName = CrmValidation.Clean(input.FirstName);
        person.MiddleName = CrmValidation.Clean(input.MiddleName);
        person.LastName = lastName;
        person.Title = CrmValidation.Clean(input.Title);
        person.Position = CrmValidation.Clean(input.Position);
        person.Number = CrmValidation.Clean(input.Number);
        person.Email = email;
        person.Email2 = email2;
        person.PhoneDirect = CrmValidation.Clean(input.PhoneDirect);
        person.PhoneMobile = CrmValidation.Clean(input.PhoneMobile);
        person.PhonePrivate = CrmValidation.Clean(input.PhonePrivate);
        person.PhoneOther = CrmValidation.Clean(input.PhoneOther);
        person.BirthDate = input.BirthDate;
        person.Website = website;
        person.PostalAddress1 = CrmValidation.Clean(input.PostalAddress1);
        person.PostalAddress2 = CrmValidation.Clean(input.PostalAddress2);
        person.PostalAddress3 = CrmValidation.Clean(input.PostalAddress3);
        person.PostalZip = CrmValidation.Clean(input.PostalZip);
        person.PostalCity = CrmValidation.Clean(input.PostalCity);
        person.PostalState = CrmValidation.Clean(input.PostalState);
        person.CountryId = input.CountryId;
    }
}
