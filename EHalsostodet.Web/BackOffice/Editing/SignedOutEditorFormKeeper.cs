using System.Security.Claims;
using System.Text.RegularExpressions;
using EHalsostodet.Core.Addresses;
using EHalsostodet.Core.Content;
using EHalsostodet.Core.Content.Drafts;

namespace EHalsostodet.Web.BackOffice.Editing;

/// <summary>
/// An editor form sent after its writer's session ended (it timed out, or they signed out in
/// another tab) would otherwise meet the login form and be lost. When the form carries a valid
/// <see cref="DraftOwnerTokens"/> field, its text is kept as that writer's draft before the
/// sign-in check answers: the save goes to the login form, which says so, and the edit page
/// offers the text back to that account only ("Återställ det du skrev"). Runs between
/// authentication and authorisation.
/// </summary>
public sealed partial class SignedOutEditorFormKeeper(RequestDelegate next)
{
    public const string KeptQuery = "sparat";

    public async Task InvokeAsync(HttpContext context, DraftOwnerTokens owners, EditorDraftStore drafts)
    {
        var request = context.Request;
        var handler = request.Query["handler"].ToString();
        if (!HttpMethods.IsPost(request.Method) || !request.HasFormContentType || handler is not ("" or "Autosave") ||
            EditorPath().Match(request.Path.Value ?? "") is not { Success: true } path)
        {
            await next(context);
            return;
        }
        IFormCollection form;
        try
        {
            form = await request.ReadFormAsync(context.RequestAborted);
        }
        catch (Exception e) when (e is InvalidDataException or IOException or BadHttpRequestException)
        {
            // The page's own filter answers a form that cannot be read.
            await next(context);
            return;
        }
        var signedIn = context.User.FindFirstValue(ClaimTypes.NameIdentifier);
        if (owners.Read(form[DraftOwnerTokens.FieldName]) is not { } owner || owner.UserId == signedIn || !IsFor(path, owner.Target))
        {
            await next(context);
            return;
        }
        Guid? baseVersionId = Guid.TryParse(form["baseVersionId"], out var parsed) ? parsed : null;
        if (!await drafts.KeepAsync(owner.UserId, owner.Target, baseVersionId, FormPairs.FromForm(form).ToJson(), context.RequestAborted))
        {
            await next(context);
            return;
        }
        if (handler == "Autosave")
        {
            // editor.js tells the writer that the session has ended and that the text is kept.
            context.Response.StatusCode = StatusCodes.Status401Unauthorized;
            return;
        }
        context.Response.StatusCode = StatusCodes.Status303SeeOther;
        context.Response.Headers.Location = PortalPaths.WithQuery(PortalPaths.BackOffice.Login(request.Path.Value), (KeptQuery, "1"));
    }

    private static bool IsFor(Match path, DraftTarget target) =>
        path.Groups["id"].Success
            ? Guid.TryParse(path.Groups["id"].Value, out var id) && target.ItemId == id
            : target.ItemId is null && target.Type.Key() == path.Groups["type"].Value;

    [GeneratedRegex("^/redaktion/innehall/(?:ny/(?<type>[a-z]+)|(?<id>[0-9a-fA-F-]{36})/redigera)/?$")]
    private static partial Regex EditorPath();
}
