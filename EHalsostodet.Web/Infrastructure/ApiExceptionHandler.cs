using Microsoft.AspNetCore.Diagnostics;

namespace EHalsostodet.Web.Infrastructure;

/// <summary>
/// API clients always get problem details (application/problem+json), never the HTML error page:
/// a request at fault (<see cref="ClientErrors"/>: a body too large or cut off, text with NUL) with
/// its 4xx status and a Swedish explanation, anything unexpected as a 500 that says nothing about the cause.
/// </summary>
/// <remarks>The exception middleware has logged the exception already.</remarks>
public sealed class ApiExceptionHandler : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        if (!IsApiRequest(httpContext))
        {
            return false;
        }
        var status = ClientErrors.StatusOf(exception);
        var result = status < 500
            ? TypedResults.Problem(ClientErrors.Describe(exception), statusCode: status, title: "Begäran kunde inte behandlas")
            : TypedResults.Problem("Ett oväntat fel inträffade. Försök igen om en stund; om felet kvarstår, kontakta redaktionen.",
                statusCode: StatusCodes.Status500InternalServerError, title: "Något gick fel");
        await result.ExecuteAsync(httpContext);
        return true;
    }

    /// <summary>Whether the failed request was for the API; the handler runs with the error page's path set already.</summary>
    public static bool IsApiRequest(HttpContext httpContext) =>
        new PathString(httpContext.Features.Get<IExceptionHandlerPathFeature>()?.Path ?? httpContext.Request.Path).StartsWithSegments("/api");
}
