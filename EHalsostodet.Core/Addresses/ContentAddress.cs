using EHalsostodet.Core.Content;

namespace EHalsostodet.Core.Addresses;

/// <summary>
/// An address (type and slug) an item has been published at. The item keeps it after a rename,
/// so that shared links, QR codes and PDFs keep working: every address of an item that is not
/// its live slug answers 301 to the live one.
/// </summary>
public sealed class ContentAddress
{
    public ContentType Type { get; set; }
    public string Slug { get; set; } = "";
    public Guid ItemId { get; set; }
    /// <summary>When the item first went live at this address.</summary>
    public DateTime FirstPublishedAt { get; set; }
}
