using ErpSync.Engine.Crm;

namespace ErpSync.Server.Hosting;

internal static class PersonsApi
{
    public static WebApplication MapPersonsApi(this WebApplication app)
    {
        var api = app.MapGroup("/api/persons").RequireAuthorization().WithTags("Persons");
        api.MapGet("/", (PersonAdmin admin, CancellationToken ct, string? q = null, int? companyId = null, int skip = 0, int take = ResultPage<PersonSummary>.DefaultTake) =>
                admin.ListAsync(q, companyId, skip, take, ct))
            .WithSummary("Persons sorted by name, optionally of one company; q searches names, e-mail and company name");
        api.MapGet("/{id:int}", (int id, PersonAdmin admin, CancellationToken ct) => admin.GetAsync(id, ct))
            .WithSummary("One person");
        api.MapPost("/", async (PersonInput input, PersonAdmin admin, CancellationToken ct) =>
            {
                var created = await admin.CreateAsync(input, ct);
                return TypedResults.Created($"/api/persons/{created.Id}", created);
            })
            .WithSummary("Creates a person at an existing company");
        api.MapPut("/{id:int}", (int id, PersonInput input, PersonAdmin admin, CancellationToken ct) => admin.UpdateAsync(id, input, ct))
            .WithSummary("Replaces the fields of a person");
        api.MapDelete("/{id:int}", async (int id, PersonAdmin admin, CancellationToken ct) =>
            {
                await admin.DeleteAsync(id, ct);
                return TypedResults.NoContent();
            })
            .WithSummary("Deletes a person");
        return app;
    }
}
