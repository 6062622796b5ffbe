using EHalsostodet.Core.Content;
using EHalsostodet.Core.Publishing;
using Microsoft.AspNetCore.OutputCaching;

namespace EHalsostodet.Web.OutputCaching;

/// <summary>Tags the page being cached with every item and list it reads.</summary>
public sealed class ShownContentTags(IHttpContextAccessor accessor, OutputCacheEviction eviction) : IShownContent
{
    public void Item(Guid itemId, ContentType type)
    {
        eviction.Remember(itemId, type);
        Tags()?.Add(PublicPageTags.Item(itemId));
    }

    public void ListOf(ContentType type) => Tags()?.Add(PublicPageTags.List(type));

    private HashSet<string>? Tags() => accessor.HttpContext?.Features.Get<IOutputCacheFeature>()?.Context.Tags;
}
