using System.Security.Claims;
using EHalsostodet.Core.Members;
using EHalsostodet.Core.Members.Notices;
using Microsoft.AspNetCore.Http.HttpResults;

namespace EHalsostodet.Web.Api.Members;

/// <summary>
/// The signed-in member's notices and mail choice under /api/v1/me:
/// GET notifications (?unread=true&amp;page=), POST notifications/{id}/read, POST notifications/read-all,
/// GET and PUT settings. 401 without sign-in; someone else's notice is 404.
/// </summary>
public static class NoticeEndpoints
{
    public sealed record NoticeResponse(Guid Id, string Kind, string Text, string Url, DateTimeOffset CreatedAt, bool Read, DateTimeOffset? ReadAt);

    public sealed record NoticeListResponse(int Total, int Unread, int Page, int PageSize, int PageCount, IReadOnlyList<NoticeResponse> Items);

    public sealed record ReadAllResponse(int Marked);

    /// <param name="MailFrequency">immediately, daily, weekly or none.</param>
    public sealed record SettingsBody(string? MailFrequency);

    public sealed record SettingsResponse(string MailFrequency, string Label);

    /// <summary>Maps the endpoints on the /api/v1/me group.</summary>
    public static RouteGroupBuilder MapNoticeEndpoints(this RouteGroupBuilder me)
    {
        me.MapGet("/notifications", ListAsync).WithName("MyNotifications").WithSummary("Mina notiser, nyaste först");
        me.MapPost("/notifications/read-all", ReadAllAsync).WithName("MarkAllMyNotificationsRead").WithSummary("Markera alla notiser som lästa");
        me.MapPost("/notifications/{id:guid}/read", ReadAsync).WithName("MarkMyNotificationRead").WithSummary("Markera en notis som läst");
        me.MapGet("/settings", GetSettingsAsync).WithName("MySettings").WithSummary("Hur ofta jag får e-post om notiser");
        me.MapPut("/settings", PutSettingsAsync).WithName("UpdateMySettings").WithSummary("Ändra hur ofta jag får e-post om notiser");
        return me;
    }

    private static async Task<Ok<NoticeListResponse>> ListAsync(
        ClaimsPrincipal user, MemberNoticeInbox inbox, bool? unread, int? page, CancellationToken cancellationToken)
    {
        var result = await inbox.PageAsync(UserId(user), unread ?? false, page ?? 1, cancellationToken);
        return TypedResults.Ok(new NoticeListResponse(
            result.Total, result.Unread, result.Page, result.PageSize, result.PageCount,
            result.Items.Select(n => new NoticeResponse(
                n.Id, Key(n.Kind), n.Text, n.Url, Utc(n.CreatedAt), n.ReadAt is not null, n.ReadAt is { } at ? Utc(at) : null)).ToList()));
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> ReadAsync(
        Guid id, ClaimsPrincipal user, MemberNoticeInbox inbox, CancellationToken cancellationToken) =>
        await inbox.MarkReadAsync(UserId(user), id, cancellationToken)
            ? TypedResults.NoContent()
            : TypedResults.Problem($"Du har ingen notis med id {id}.", statusCode: StatusCodes.Status404NotFound, title: "Hittades inte");

    private static async Task<Ok<ReadAllResponse>> ReadAllAsync(ClaimsPrincipal user, MemberNoticeInbox inbox, CancellationToken cancellationToken) =>
        TypedResults.Ok(new ReadAllResponse(await inbox.MarkAllReadAsync(UserId(user), cancellationToken)));

    private static async Task<Ok<SettingsResponse>> GetSettingsAsync(ClaimsPrincipal user, MailPreferences preferences, CancellationToken cancellationToken) =>
        TypedResults.Ok(Settings(await preferences.GetAsync(UserId(user), cancellationToken)));

    private static async Task<Results<Ok<SettingsResponse>, ValidationProblem>> PutSettingsAsync(
        SettingsBody body, ClaimsPrincipal user, MailPreferences preferences, CancellationToken cancellationToken)
    {
        if (!MailFrequencyNames.TryParseKey(body.MailFrequency, out var frequency))
        {
            const string message = "Ange mailFrequency som immediately, daily, weekly eller none.";
            return TypedResults.ValidationProblem(
                new Dictionary<string, string[]> { ["mailFrequency"] = [message] }, message, title: "Uppgifterna behöver rättas");
        }
        await preferences.SetAsync(UserId(user), frequency, cancellationToken);
        return TypedResults.Ok(Settings(frequency));
    }

    private static SettingsResponse Settings(MailFrequency frequency) => new(frequency.Key(), frequency.Label());

    private static string Key(MemberNoticeKind kind) => System.Text.Json.JsonNamingPolicy.CamelCase.ConvertName(kind.ToString());

    private static DateTimeOffset Utc(DateTime value) => new(DateTime.SpecifyKind(value, DateTimeKind.Utc));

    private static string UserId(ClaimsPrincipal user) =>
        user.FindFirstValue(ClaimTypes.NameIdentifier) ?? throw new InvalidOperationException("Ingen inloggad användare.");
}
