using EHalsostodet.Core.Content;
using EHalsostodet.Core.Publishing;
using EHalsostodet.Web.Addresses;

namespace EHalsostodet.Web.Pages;

/// <summary>Editor-written pages at the top level: /om, /kontakt and so on.</summary>
[OldContentSlugs(ContentType.Page)]
[EHalsostodet.Web.OutputCaching.PublicPage]
public sealed class ContentPageModel(PublishedQueries queries) : PublishedItemPageModel<PageDocument>(queries, ContentType.Page);
