using EHalsostodet.Core.Content;
using EHalsostodet.Core.Delivery;
using EHalsostodet.Web.Addresses;
using Microsoft.AspNetCore.Cors.Infrastructure;
using Microsoft.Extensions.Options;

namespace EHalsostodet.Web.Api.Delivery;

/// <summary>The read-only delivery API for published content under /api/delivery/v1 (GET, HEAD and CORS preflight only).</summary>
public static class DeliveryApi
{
    public const string Prefix = "/api/delivery/v1";
    public const string CorsPolicy = "Delivery";

    private static readonly string[] ReadMethods = [HttpMethods.Get, HttpMethods.Head];

    public static IServiceCollection AddDeliveryApi(this IServiceCollection services)
    {
        services.AddOptions<DeliveryOptions>().BindConfiguration(DeliveryOptions.Section);
        services.AddScoped<DeliveryQueries>();
        services.AddScoped<DeliveryMapper>();
        services.AddScoped<DeliveryApiKeyFilter>();
        services.AddCors();
        services.AddOptions<CorsOptions>().Configure<IOptions<DeliveryOptions>>((cors, delivery) =>
            cors.AddPolicy(CorsPolicy, policy => policy
                .WithOrigins(delivery.Value.AllowedOrigins.Where(o => !string.IsNullOrWhiteSpace(o)).Select(o => o.TrimEnd('/')).ToArray())
                .WithMethods(HttpMethods.Get, HttpMethods.Head)
                .WithHeaders(DeliveryApiKeyFilter.HeaderName, "If-None-Match")
                .WithExposedHeaders("ETag")));
        return services;
    }

    public static IEndpointRouteBuilder MapDeliveryApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup(Prefix).WithTags("Leverans");
        // With no allowed origins the policy allows none, so no CORS headers are ever sent.
        api.RequireCors(CorsPolicy);
        api.AddEndpointFilter<DeliveryApiKeyFilter>();

        api.MapMethods("/content/{id:guid}", ReadMethods, DeliveryEndpoints.ByIdAsync).WithSummary("Publicerat innehåll efter id");
        api.MapMethods("/stories", ReadMethods, DeliveryEndpoints.StoriesAsync).WithSummary("Publicerade kommunberättelser, nyaste först");
        api.MapMethods("/stories/{slug}", ReadMethods, DeliveryEndpoints.StoryAsync).WithMetadata(new OldContentSlugsAttribute(ContentType.Story)).WithSummary("En publicerad kommunberättelse");
        api.MapMethods("/collections", ReadMethods, DeliveryEndpoints.CollectionsAsync).WithSummary("Publicerade samlingar");
        api.MapMethods("/collections/{slug}", ReadMethods, DeliveryEndpoints.CollectionAsync).WithMetadata(new OldContentSlugsAttribute(ContentType.Collection)).WithSummary("En publicerad samling");
        api.MapMethods("/collections/{slug}/stories", ReadMethods, DeliveryEndpoints.CollectionStoriesAsync).WithMetadata(new OldContentSlugsAttribute(ContentType.Collection)).WithSummary("En samlings berättelser i redaktionens ordning");
        api.MapMethods("/initiatives", ReadMethods, DeliveryEndpoints.InitiativesAsync).WithSummary("Kunskapshöjande initiativ med facetter, filtrerbara");
        api.MapMethods("/initiatives/{slug}", ReadMethods, DeliveryEndpoints.InitiativeAsync).WithMetadata(new OldContentSlugsAttribute(ContentType.Initiative)).WithSummary("Ett kunskapshöjande initiativ");
        api.MapMethods("/pages", ReadMethods, DeliveryEndpoints.PagesAsync).WithSummary("Publicerade sidor");
        api.MapMethods("/pages/{slug}", ReadMethods, DeliveryEndpoints.PageAsync).WithMetadata(new OldContentSlugsAttribute(ContentType.Page)).WithSummary("En publicerad sida");
        api.MapMethods("/tags", ReadMethods, DeliveryEndpoints.TagsAsync).WithSummary("Taggar som publicerat innehåll har");
        api.MapMethods("/tags/{slug}", ReadMethods, DeliveryEndpoints.TaggedAsync).WithMetadata(new OldTagSlugsAttribute()).WithSummary("Publicerade berättelser och samlingar med en tagg, nyaste först");
        api.MapMethods("/search", ReadMethods, DeliveryEndpoints.SearchAsync).WithSummary("Sök bland publicerat innehåll (samma sökning som /api/v1/search)");
        return app;
    }
}
