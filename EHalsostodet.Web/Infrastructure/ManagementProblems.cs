using EHalsostodet.Core.Content;
using Microsoft.AspNetCore.Http.HttpResults;

namespace EHalsostodet.Web.Infrastructure;

/// <summary>Problem details with Swedish titles, the same for every endpoint of the API.</summary>
internal static class ManagementProblems
{
    public static ProblemHttpResult Forbidden(string reason) =>
        TypedResults.Problem(reason, statusCode: StatusCodes.Status403Forbidden, title: "Åtgärden är inte tillåten");

    public static ProblemHttpResult Conflict(string reason) =>
        TypedResults.Problem(reason, statusCode: StatusCodes.Status409Conflict, title: "Åtgärden går inte att utföra just nu");

    public static ProblemHttpResult NotFound(string detail) =>
        TypedResults.Problem(detail, statusCode: StatusCodes.Status404NotFound, title: "Hittades inte");

    public static ProblemHttpResult ItemNotFound(Guid id) => NotFound($"Det finns inget innehåll med id {id}.");

    public static ProblemHttpResult BadRequest(string detail) =>
        TypedResults.Problem(detail, statusCode: StatusCodes.Status400BadRequest, title: "Begäran kunde inte behandlas");

    public static ProblemHttpResult UnsupportedMediaType() =>
        TypedResults.Problem("Skicka begäran som JSON med Content-Type: application/json.",
            statusCode: StatusCodes.Status415UnsupportedMediaType, title: "Fel innehållstyp");

    public static ValidationProblem Invalid(IReadOnlyDictionary<string, string[]> errors, string detail) =>
        TypedResults.ValidationProblem(errors, detail, title: "Uppgifterna behöver rättas");

    public static ValidationProblem Invalid(string field, string message) =>
        Invalid(new Dictionary<string, string[]> { [field] = [message] }, message);

    /// <summary>
    /// Content that lacks what review or publication needs: 409, since the request is fine but the item is not,
    /// with the same errors per field as a refused save.
    /// </summary>
    public static ProblemHttpResult Incomplete(string reason, IReadOnlyList<ValidationError> errors) =>
        TypedResults.Problem(new HttpValidationProblemDetails(ByField(errors))
        {
            Status = StatusCodes.Status409Conflict,
            Title = "Innehållet är inte klart för granskning",
            Detail = reason,
        });

    /// <summary>The rules a document breaks, keyed by the document's field paths.</summary>
    public static ValidationProblem Invalid(IReadOnlyList<ValidationError> errors) =>
        Invalid(ByField(errors), "Dokumentet följer inte reglerna. Rätta fälten som anges och försök igen.");

    private static Dictionary<string, string[]> ByField(IReadOnlyList<ValidationError> errors) =>
        errors.GroupBy(e => e.Field, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Select(e => e.Message).ToArray(), StringComparer.Ordinal);
}
