namespace EHalsostodet.Web.Api.Management;

/// <summary>
/// The management API under /api/management/v1: the back office's rules for integrations.
/// JSON in camelCase; a bearer token from /api/auth/login or the back office's cookie.
/// </summary>
/// <remarks>
/// Status codes: 400 for a request that cannot be read or a document that breaks the rules
/// (problem details, errors keyed by the document's field paths); 401 without sign-in; 403 with
/// the Swedish reason when the role or the four-eyes rule forbids it; 404 for an unknown item,
/// version or action; 409 when the action does not fit the item's state (including a reject
/// without a comment) or the edit was based on a version that is no longer the latest.
/// </remarks>
public static class ManagementApi
{
    public const string Prefix = "/api/management/v1";

    public static IEndpointRouteBuilder MapManagementApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup(Prefix).WithTags("Förvaltning");
        api.MapUserEndpoints();
        api.MapContentEndpoints();
        api.MapWorkflowEndpoints();
        api.MapVersionEndpoints();
        api.MapMediaEndpoints();
        return app;
    }
}
