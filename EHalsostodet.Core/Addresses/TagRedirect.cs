namespace EHalsostodet.Core.Addresses;

/// <summary>An old tag address that now leads to a renamed or merged tag.</summary>
public sealed class TagRedirect
{
    public string OldSlug { get; set; } = "";
    public Guid TagId { get; set; }
    public DateTime CreatedAt { get; set; }
}
