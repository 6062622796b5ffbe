namespace EHalsostodet.Core.Content;

/// <summary>The document types of the portal.</summary>
public enum ContentType
{
    Story,
    Collection,
    Initiative,
    Page,
}
