using ErpSync.Engine.Crm;

namespace ErpSync.Server.Hosting;

internal static class CompaniesApi
{
    public static WebApplication MapCompaniesApi(this WebApplication app)
    {
        var api = app.MapGroup("/api/companies").RequireAuthorization().WithTags("Companies");
        api.MapGet("/", (CompanyAdmin admin, CancellationToken ct, string? q = null, int skip = 0, int take = ResultPage<CompanySummary>.DefaultTake) =>
                admin.ListAsync(q, skip, take, ct))
            .WithSummary("Companies sorted by name; q searches name, number, code, city and e-mail (case-insensitive, every word must match)");
        api.MapGet("/{id:int}", (int id, CompanyAdmin admin, CancellationToken ct) => admin.GetAsync(id, ct))
            .WithSummary("One company");
        api.MapPost("/", async (CompanyInput input, CompanyAdmin admin, CancellationToken ct) =>
            {
                var created = await admin.CreateAsync(input, ct);
                return TypedResults.Created($"/api/companies/{created.Id}", created);
            })
            .WithSummary("Creates a company; invalid fields give 400 with per-field errors and nothing is saved");
        api.MapPut("/{id:int}", (int id, CompanyInput input, CompanyAdmin admin, CancellationToken ct) => admin.UpdateAsync(id, input, ct))
            .WithSummary("Replaces the fields of a company");
        api.MapDelete("/{id:int}", async (int id, CompanyAdmin admin, CancellationToken ct) =>
            {
                await admin.DeleteAsync(id, ct);
                return TypedResults.NoContent();
            })
            .WithSummary("Deletes a company with its persons; its projects lose their company link");
        return app;
    }
}
