using EHalsostodet.Core.Addresses;
using EHalsostodet.Core.Content;
using EHalsostodet.Core.Taxonomy;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace EHalsostodet.Core.Persistence.Configurations;

internal sealed class ContentAddressConfiguration : IEntityTypeConfiguration<ContentAddress>
{
    public void Configure(EntityTypeBuilder<ContentAddress> builder)
    {
        builder.ToTable("content_addresses");
        builder.HasKey(a => new { a.Type, a.Slug });
        builder.Property(a => a.Type).HasConversion<string>().HasMaxLength(20);
        builder.Property(a => a.Slug).HasMaxLength(Slugs.MaxLength);
        builder.HasIndex(a => a.ItemId);
        builder.HasOne<ContentItem>().WithMany().HasForeignKey(a => a.ItemId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class TagRedirectConfiguration : IEntityTypeConfiguration<TagRedirect>
{
    public void Configure(EntityTypeBuilder<TagRedirect> builder)
    {
        builder.ToTable("tag_redirects");
        builder.HasKey(r => r.OldSlug);
        builder.Property(r => r.OldSlug).HasMaxLength(Slugs.MaxLength);
        builder.HasOne<Tag>().WithMany().HasForeignKey(r => r.TagId).OnDelete(DeleteBehavior.Cascade);
    }
}
