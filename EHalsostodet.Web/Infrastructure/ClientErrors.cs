using EHalsostodet.Core.Persistence;

namespace EHalsostodet.Web.Infrastructure;

/// <summary>Exceptions that mean the request was at fault, not the server: their 4xx status and a Swedish explanation.</summary>
public static class ClientErrors
{
    /// <summary>The status for an exception, 500 when the server is at fault.</summary>
    public static int StatusOf(Exception exception) => Cause(exception) switch
    {
        BadHttpRequestException bad => bad.StatusCode,
        UnstorableTextException => StatusCodes.Status400BadRequest,
        _ => StatusCodes.Status500InternalServerError,
    };

    /// <summary>What to tell the client about an exception that <see cref="StatusOf"/> puts below 500.</summary>
    public static string Describe(Exception exception) => Cause(exception) switch
    {
        UnstorableTextException text => text.Message,
        _ => "Begäran kunde inte läsas. Kontrollera att innehållet är komplett och inte för stort.",
    };

    /// <summary>The client's error, also when a database update wraps it.</summary>
    private static Exception Cause(Exception exception)
    {
        for (var current = exception; current is not null; current = current.InnerException)
        {
            if (current is BadHttpRequestException or UnstorableTextException)
            {
                return current;
            }
        }
        return exception;
    }
}
