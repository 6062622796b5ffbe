using EHalsostodet.Core.Content;

namespace EHalsostodet.Web.BackOffice.Editing;

/// <summary>Picks the form class of a content type.</summary>
public static class ContentForms
{
    /// <summary>The form for a new item, with its empty rows.</summary>
    public static IContentForm New(ContentType type) => type switch
    {
        ContentType.Story => StoryForm.New(),
        ContentType.Collection => CollectionForm.New(),
        ContentType.Initiative => InitiativeForm.New(),
        ContentType.Page => new PageForm(),
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, null),
    };

    /// <summary>An empty form object that a posted form is bound to.</summary>
    public static IContentForm ForBinding(ContentType type) => type switch
    {
        ContentType.Story => new StoryForm(),
        ContentType.Collection => new CollectionForm(),
        ContentType.Initiative => new InitiativeForm(),
        ContentType.Page => new PageForm(),
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, null),
    };

    public static IContentForm FromDocument(IContentDocument document) => document switch
    {
        StoryDocument story => StoryForm.FromDocument(story),
        CollectionDocument collection => CollectionForm.FromDocument(collection),
        InitiativeDocument initiative => InitiativeForm.FromDocument(initiative),
        PageDocument page => PageForm.FromDocument(page),
        _ => throw new ArgumentOutOfRangeException(nameof(document), document.GetType().Name, null),
    };
}
