namespace EHalsostodet.Core.Taxonomy;

/// <summary>An editor-managed tag. Documents carry the tag's name; the slug is its address.</summary>
public sealed class Tag
{
    public Guid Id { get; set; }
    public string Name { get; set; } = "";
    public string Slug { get; set; } = "";
}
