using EHalsostodet.Core.Content;
using EHalsostodet.Core.Publishing;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace EHalsostodet.Core.Persistence.Configurations;

internal sealed class PublishedContentConfiguration : IEntityTypeConfiguration<PublishedContent>
{
    public void Configure(EntityTypeBuilder<PublishedContent> builder)
    {
        builder.ToTable("published_content");
        builder.HasKey(p => p.ItemId);
        builder.Property(p => p.Type).HasConversion<string>().HasMaxLength(20);
        builder.Property(p => p.Slug).HasMaxLength(Slugs.MaxLength);
        builder.Property(p => p.Title).HasMaxLength(DocumentValidator.MaxTitleLength);
        builder.Property(p => p.MunicipalityCode).HasMaxLength(8);
        builder.HasIndex(p => new { p.Type, p.Slug }).IsUnique();
        builder.HasIndex(p => new { p.Type, p.FirstPublishedAt });
        builder.HasOne<ContentItem>().WithOne().HasForeignKey<PublishedContent>(p => p.ItemId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class PublishedFacetConfiguration : IEntityTypeConfiguration<PublishedFacet>
{
    public void Configure(EntityTypeBuilder<PublishedFacet> builder)
    {
        builder.ToTable("published_facets");
        builder.HasKey(f => new { f.ItemId, f.Facet, f.Value });
        builder.Property(f => f.Facet).HasMaxLength(40);
        builder.Property(f => f.Value).HasMaxLength(200);
        builder.HasIndex(f => new { f.Facet, f.Value });
        builder.HasOne<PublishedContent>().WithMany().HasForeignKey(f => f.ItemId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class CollectionMembershipConfiguration : IEntityTypeConfiguration<CollectionMembership>
{
    public void Configure(EntityTypeBuilder<CollectionMembership> builder)
    {
        builder.ToTable("collection_memberships");
        builder.HasKey(m => new { m.CollectionId, m.StoryId });
        builder.HasIndex(m => m.StoryId);
        builder.HasOne<PublishedContent>().WithMany().HasForeignKey(m => m.CollectionId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class InitiativeReferenceConfiguration : IEntityTypeConfiguration<InitiativeReference>
{
    public void Configure(EntityTypeBuilder<InitiativeReference> builder)
    {
        builder.ToTable("initiative_references");
        builder.HasKey(r => new { r.StoryId, r.InitiativeId, r.Section });
        builder.Property(r => r.Section).HasMaxLength(40);
        builder.HasIndex(r => r.InitiativeId);
        builder.HasOne<PublishedContent>().WithMany().HasForeignKey(r => r.StoryId).OnDelete(DeleteBehavior.Cascade);
    }
}
