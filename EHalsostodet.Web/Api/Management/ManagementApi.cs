namespace EHalsostodet.Web.Api.Management;

/// <summary>The management API under /api/management/v1: the back office's rules for integrations.</summary>
public static class ManagementApi
{
    public static IEndpointRouteBuilder MapManagementApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/management/v1").WithTags("Förvaltning");
        return app;
    }
}
