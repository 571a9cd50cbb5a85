using ErpSync.Engine.Crm;

namespace ErpSync.Server.Hosting;

internal static class ProjectsApi
{
    public static WebApplication MapProjectsApi(this WebApplication app)
    {
        var api = app.MapGroup("/api/projects").RequireAuthorization().WithTags("Projects");
        api.MapGet("/", (ProjectAdmin admin, CancellationToken ct, string? q = null, int? companyId = null, int skip = 0, int take = ResultPage<ProjectSummary>.DefaultTake) =>
                admin.ListAsync(q, companyId, skip, take, ct))
            .WithSummary("Projects sorted by name, optionally of one company; q searches name, number and company name");
        api.MapGet("/{id:int}", (int id, ProjectAdmin admin, CancellationToken ct) => admin.GetAsync(id, ct))
            .WithSummary("One project");
        api.MapPost("/", async (ProjectInput input, ProjectAdmin admin, CancellationToken ct) =>
            {
                var created = await admin.CreateAsync(input, ct);
                return TypedResults.Created($"/api/projects/{created.Id}", created);
            })
            .WithSummary("Creates a project, optionally of a company");
        api.MapPut("/{id:int}", (int id, ProjectInput input, ProjectAdmin admin, CancellationToken ct) => admin.UpdateAsync(id, input, ct))
            .WithSummary("Replaces the fields of a project");
        api.MapDelete("/{id:int}", async (int id, ProjectAdmin admin, CancellationToken ct) =>
            {
                await admin.DeleteAsync(id, ct);
                return TypedResults.NoContent();
            })
            .WithSummary("Deletes a project");
        return app;
    }
}
