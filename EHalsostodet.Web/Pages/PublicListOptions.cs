namespace EHalsostodet.Web.Pages;

/// <summary>The PublicLists section of the configuration.</summary>
public sealed class PublicListOptions
{
    public const string Section = "PublicLists";

    /// <summary>Story cards on one page of the story list and of a tag's page.</summary>
    public int StoriesPerPage { get; set; } = 24;
}
