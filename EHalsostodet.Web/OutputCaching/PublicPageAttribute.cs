namespace EHalsostodet.Web.OutputCaching;

/// <summary>
/// A public page that is the same for every visitor apart from its personal parts: its rendering
/// is kept in the output cache (<see cref="PublicPageCachePolicy"/>) and signed-in members get it
/// with their personal parts filled in (<see cref="PersonalPartsMiddleware"/>).
/// </summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Method, Inherited = false)]
public sealed class PublicPageAttribute : Attribute
{
    /// <summary>The types whose every publish changes the page although it reads them some other way than <see cref="EHalsostodet.Core.Publishing.PublishedQueries"/> (feeds, the sitemap).</summary>
    public EHalsostodet.Core.Content.ContentType[] Lists { get; init; } = [];

    public static bool IsOn(HttpContext context) => context.GetEndpoint()?.Metadata.GetMetadata<PublicPageAttribute>() is not null;
}
