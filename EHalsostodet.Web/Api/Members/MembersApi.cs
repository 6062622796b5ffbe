namespace EHalsostodet.Web.Api.Members;

/// <summary>
/// The signed-in account's own data under /api/v1/me: JSON in camelCase, authenticated like the
/// management API (a bearer token from /api/auth/login or the site's cookie); 401 without sign-in.
/// Each part of Mina sidor adds its endpoints to this group from its own file.
/// </summary>
public static class MembersApi
{
    public const string Prefix = "/api/v1/me";

    public static IEndpointRouteBuilder MapMembersApi(this IEndpointRouteBuilder app)
    {
        var me = app.MapGroup(Prefix).WithTags("Mina sidor").RequireAuthorization();
        me.WithMetadata(new ProducesResponseTypeMetadata(StatusCodes.Status401Unauthorized));
        me.MapAccountEndpoints();
        me.MapNoticeEndpoints();
        me.MapSavingEndpoints();
        return app;
    }
}
