using ErpSync.Connectors;
using ErpSync.Engine;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;

namespace ErpSync.Server.Hosting;

/// <summary>Turns errors a user can cause into RFC 7807 problem details with per-field messages.</summary>
internal sealed class UserErrorExceptionHandler(IProblemDetailsService problems) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        ProblemDetails? details = exception switch
        {
            UserErrorException { FieldErrors.Count: > 0 } e => new ValidationProblemDetails(e.FieldErrors.ToDictionary(p => p.Key, p => p.Value)) { Title = e.Message, Status = e.Status },
            UserErrorException e => new ProblemDetails { Title = e.Message, Status = e.Status },
            ConnectorException e => new ProblemDetails { Title = e.Message, Status = StatusCodes.Status502BadGateway, Extensions = { ["errorCode"] = e.Error.Code.ToString() } },
            _ => null,
        };
        if (details is null)
        {
            return false;
        }

        httpContext.Response.StatusCode = details.Status!.Value;
        return await problems.TryWriteAsync(new ProblemDetailsContext { HttpContext = httpContext, ProblemDetails = details, Exception = exception });
    }
}
