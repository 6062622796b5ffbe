using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using EHalsostodet.Core.Content;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using EHalsostodet.Web.Infrastructure;

namespace EHalsostodet.Web.Api.Management;

/// <summary>What came of reading a request body: the value, or the problem to answer with.</summary>
internal readonly record struct BodyResult<T>(T? Value, ProblemHttpResult? Problem)
{
    public static BodyResult<T> Of(T value) => new(value, null);

    public static BodyResult<T> Fail(ProblemHttpResult problem) => new(default, problem);
}

/// <summary>
/// Reads JSON request bodies by hand so that a malformed body, an unknown field or a document
/// of the wrong shape is answered with a Swedish message keyed by the field, instead of the
/// framework's bare 400.
/// </summary>
internal static class JsonRequestBody
{
    private const int MaxBodyBytes = 4 * 1024 * 1024;

    /// <summary>The envelope of a request (not the document inside it): camelCase, no unknown fields.</summary>
    private static readonly JsonSerializerOptions EnvelopeOptions = CreateEnvelopeOptions();

    private static JsonSerializerOptions CreateEnvelopeOptions()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web)
        {
            UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
            RespectNullableAnnotations = true,
        };
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }

    /// <param name="optional">An empty body stands for an empty object.</param>
    public static async Task<BodyResult<T>> ReadAsync<T>(HttpRequest request, bool optional, CancellationToken cancellationToken)
        where T : new()
    {
        if (request.ContentLength == 0 && optional)
        {
            return BodyResult<T>.Of(new T());
        }
        if (!request.HasJsonContentType())
        {
            return request.ContentLength is null or 0 && optional && request.ContentType is null
                ? BodyResult<T>.Of(new T())
                : BodyResult<T>.Fail(ManagementProblems.UnsupportedMediaType());
        }
        if (request.ContentLength > MaxBodyBytes)
        {
            return BodyResult<T>.Fail(ManagementProblems.BadRequest("Begäran är för stor."));
        }
        using var buffer = new MemoryStream();
        await request.Body.CopyToAsync(buffer, cancellationToken);
        if (buffer.Length > MaxBodyBytes)
        {
            return BodyResult<T>.Fail(ManagementProblems.BadRequest("Begäran är för stor."));
        }
        if (buffer.Length == 0 || string.IsNullOrWhiteSpace(Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length)))
        {
            return optional
                ? BodyResult<T>.Of(new T())
                : BodyResult<T>.Fail(ManagementProblems.BadRequest("Begäran saknar innehåll. Skicka ett JSON-objekt."));
        }

        JsonElement root;
        try
        {
            using var parsed = JsonDocument.Parse(buffer.ToArray());
            root = parsed.RootElement.Clone();
        }
        catch (JsonException e)
        {
            var where = e.LineNumber is { } line ? $" (rad {line + 1}, position {(e.BytePositionInLine ?? 0) + 1})" : "";
            return BodyResult<T>.Fail(ManagementProblems.BadRequest($"Begäran är inte giltig JSON{where}."));
        }
        if (root.ValueKind != JsonValueKind.Object)
        {
            return BodyResult<T>.Fail(ManagementProblems.BadRequest("Begäran ska vara ett JSON-objekt."));
        }
        try
        {
            var value = root.Deserialize<T>(EnvelopeOptions);
            return value is null
                ? BodyResult<T>.Fail(ManagementProblems.BadRequest("Begäran ska vara ett JSON-objekt."))
                : BodyResult<T>.Of(value);
        }
        catch (JsonException e)
        {
            var field = FieldPath(e.Path);
            return BodyResult<T>.Fail(FieldProblem(field.Length == 0 ? "$" : field, Describe(e, field)));
        }
    }

    /// <summary>The document inside a request as the content type's record, or a problem keyed by the document's field path.</summary>
    public static BodyResult<IContentDocument> ReadDocument(ContentType type, JsonElement document)
    {
        if (document.ValueKind != JsonValueKind.Object)
        {
            return BodyResult<IContentDocument>.Fail(FieldProblem("document", "Ange dokumentet som ett JSON-objekt i fältet \"document\"."));
        }
        try
        {
            return BodyResult<IContentDocument>.Of(ContentDocumentSerializer.DeserializeInput(type, document.GetRawText()));
        }
        catch (JsonException e)
        {
            var field = FieldPath(e.Path);
            return BodyResult<IContentDocument>.Fail(FieldProblem(field.Length == 0 ? "document" : field, Describe(e, field)));
        }
    }

    private static ProblemHttpResult FieldProblem(string field, string message) =>
        TypedResults.Problem(new HttpValidationProblemDetails(new Dictionary<string, string[]> { [field] = [message] })
        {
            Status = StatusCodes.Status400BadRequest,
            Title = "Begäran kunde inte läsas",
            Detail = message,
        });

    /// <summary>"$.process.steps[0].what" → "process.steps[0].what".</summary>
    private static string FieldPath(string? path) =>
        string.IsNullOrEmpty(path) || path == "$" ? "" : path.TrimStart('$').TrimStart('.');

    private static string Describe(JsonException e, string field)
    {
        var message = e.Message;
        var subject = field.Length == 0 ? "Objektet" : $"Fältet \"{field}\"";
        if (message.Contains("could not be mapped", StringComparison.Ordinal))
        {
            return field.Length == 0 ? "Okänt fält." : $"Okänt fält \"{field}\". Kontrollera stavningen mot dokumentationen.";
        }
        if (message.Contains("missing required properties", StringComparison.Ordinal))
        {
            var names = message[(message.IndexOf(':', StringComparison.Ordinal) + 1)..].Split('.')[0].Trim();
            return $"{subject} saknar obligatoriska fält: {names}.";
        }
        if (message.Contains("null", StringComparison.OrdinalIgnoreCase))
        {
            return $"{subject} får inte vara null.";
        }
        return $"{subject} har fel typ eller ett värde som inte är tillåtet.";
    }
}
