using System.Security.Claims;
using EHalsostodet.Core.Export;
using EHalsostodet.Core.Content;
using EHalsostodet.Core.Sharing;
using EHalsostodet.Web.Addresses;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Net.Http.Headers;

namespace EHalsostodet.Web.Export;

/// <summary>Downloads: stories as PDF (in full or short), PowerPoint and Word; collections and action plans as PDF (plans also as Word).</summary>
public static class ExportEndpoints
{
    public static IEndpointRouteBuilder MapExports(this IEndpointRouteBuilder app)
    {
        app.MapGet("/berattelser/{slug}/{format:regex(^(pdf|pptx|docx)$)}", StoryAsync).WithMetadata(new OldContentSlugsAttribute(ContentType.Story)).ExcludeFromDescription();
        app.MapGet("/berattelser/{slug}/kortversion/pdf", StoryShortAsync).WithMetadata(new OldContentSlugsAttribute(ContentType.Story)).ExcludeFromDescription();
        app.MapGet("/samlingar/{slug}/pdf", CollectionAsync).WithMetadata(new OldContentSlugsAttribute(ContentType.Collection)).ExcludeFromDescription();
        app.MapGet("/delad-samling/{token}/pdf", SharedCollectionAsync).ExcludeFromDescription();
        app.MapGet("/delad-handlingsplan/{token}/{format:regex(^(pdf|docx)$)}", SharedPlanAsync).ExcludeFromDescription();
        app.MapGet("/mina-sidor/samlingar/{id:guid}/pdf", OwnCollectionAsync).RequireAuthorization().ExcludeFromDescription();
        app.MapGet("/mina-sidor/handlingsplaner/{id:guid}/{format:regex(^(pdf|docx)$)}", OwnPlanAsync).RequireAuthorization().ExcludeFromDescription();
        return app;
    }

    private static async Task<Results<FileContentHttpResult, FileStreamHttpResult, StatusCodeHttpResult, NotFound>> StoryAsync(
        string slug, string format, HttpContext context, PublishedExports exports, PublicUrls urls, CancellationToken cancellationToken) =>
        Send(context, await exports.StoryAsync(slug, Enum.Parse<ExportFormat>(format, ignoreCase: true), urls.BaseUrl, cancellationToken), publicContent: true);

    private static async Task<Results<FileContentHttpResult, FileStreamHttpResult, StatusCodeHttpResult, NotFound>> StoryShortAsync(
        string slug, HttpContext context, PublishedExports exports, PublicUrls urls, CancellationToken cancellationToken) =>
        Send(context, await exports.StoryShortPdfAsync(slug, urls.BaseUrl, cancellationToken), publicContent: true);

    private static async Task<Results<FileContentHttpResult, FileStreamHttpResult, StatusCodeHttpResult, NotFound>> CollectionAsync(
        string slug, HttpContext context, PublishedExports exports, PublicUrls urls, CancellationToken cancellationToken) =>
        Send(context, await exports.CollectionPdfAsync(slug, urls.BaseUrl, cancellationToken), publicContent: true);

    private static async Task<Results<FileContentHttpResult, FileStreamHttpResult, StatusCodeHttpResult, NotFound>> SharedCollectionAsync(
        string token, HttpContext context, MemberExports exports, PublicUrls urls, CancellationToken cancellationToken) =>
        Send(context, await exports.SharedCollectionPdfAsync(token, urls.BaseUrl, cancellationToken), publicContent: false);

    private static async Task<Results<FileContentHttpResult, FileStreamHttpResult, StatusCodeHttpResult, NotFound>> SharedPlanAsync(
        string token, string format, HttpContext context, MemberExports exports, PublicUrls urls, CancellationToken cancellationToken) =>
        Send(context, await exports.SharedPlanAsync(token, Enum.Parse<ExportFormat>(format, ignoreCase: true), urls.BaseUrl, cancellationToken), publicContent: false);

    private static async Task<Results<FileContentHttpResult, FileStreamHttpResult, StatusCodeHttpResult, NotFound>> OwnCollectionAsync(
        Guid id, HttpContext context, MemberExports exports, PublicUrls urls, CancellationToken cancellationToken) =>
        Send(context, await exports.OwnCollectionPdfAsync(UserId(context.User), id, urls.BaseUrl, cancellationToken), publicContent: false);

    private static async Task<Results<FileContentHttpResult, FileStreamHttpResult, StatusCodeHttpResult, NotFound>> OwnPlanAsync(
        Guid id, string format, HttpContext context, MemberExports exports, PublicUrls urls, CancellationToken cancellationToken) =>
        Send(context, await exports.OwnPlanAsync(UserId(context.User), id, Enum.Parse<ExportFormat>(format, ignoreCase: true), urls.BaseUrl, cancellationToken), publicContent: false);

    /// <summary>The file as a download, or 304 when the client already has this version.</summary>
    private static Results<FileContentHttpResult, FileStreamHttpResult, StatusCodeHttpResult, NotFound> Send(HttpContext context, ExportFile? file, bool publicContent)
    {
        if (file is null)
        {
            return TypedResults.NotFound();
        }
        var etag = new EntityTagHeaderValue($"\"{file.ETag}\"");
        context.Response.Headers.CacheControl = publicContent ? "public, max-age=300" : "private, no-store";
        if (context.Request.GetTypedHeaders().IfNoneMatch.Any(tag => tag.Compare(etag, useStrongComparison: false)))
        {
            file.Stored?.Dispose();
            context.Response.Headers.ETag = etag.ToString();
            return TypedResults.StatusCode(StatusCodes.Status304NotModified);
        }
        var disposition = new ContentDispositionHeaderValue("attachment");
        disposition.SetHttpFileName(file.FileName);
        context.Response.Headers.ContentDisposition = disposition.ToString();
        return file.Stored is { } stored
            ? TypedResults.Stream(stored, file.ContentType, entityTag: etag)
            : TypedResults.File(file.Content, file.ContentType, entityTag: etag);
    }

    private static string UserId(ClaimsPrincipal user) =>
        user.FindFirstValue(ClaimTypes.NameIdentifier) ?? throw new InvalidOperationException("Ingen inloggad användare.");
}
