using EHalsostodet.Core.Content;
using EHalsostodet.Core.Publishing;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.Extensions.Options;

namespace EHalsostodet.Web.OutputCaching;

/// <summary>Tags the page being cached with every item and list it reads.</summary>
public sealed class ShownContentTags(IHttpContextAccessor accessor, OutputCacheEviction eviction, IOptions<PublicPageCacheOptions> options) : IShownContent
{
    public void Item(Guid itemId, ContentType type)
    {
        eviction.Remember(itemId, type);
        Tags()?.Add(PublicPageTags.Item(itemId));
    }

    public void ListOf(ContentType type) => Tags()?.Add(PublicPageTags.List(type));

    public void Popularity()
    {
        if (Context() is { } context)
        {
            context.Tags.Add(PublicPageTags.Popularity);
            var brief = options.Value.PopularityDuration;
            if (context.ResponseExpirationTimeSpan is not { } duration || duration > brief)
            {
                context.ResponseExpirationTimeSpan = brief;
            }
        }
    }

    private HashSet<string>? Tags() => Context()?.Tags;

    private OutputCacheContext? Context() => accessor.HttpContext?.Features.Get<IOutputCacheFeature>()?.Context;
}
