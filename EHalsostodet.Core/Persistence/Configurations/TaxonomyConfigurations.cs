using EHalsostodet.Core.Content;
using EHalsostodet.Core.Taxonomy;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace EHalsostodet.Core.Persistence.Configurations;

internal sealed class MunicipalityConfiguration : IEntityTypeConfiguration<Municipality>
{
    public void Configure(EntityTypeBuilder<Municipality> builder)
    {
        builder.ToTable("municipalities");
        builder.HasKey(m => m.Code);
        builder.Property(m => m.Code).HasMaxLength(8);
        builder.Property(m => m.Name).HasMaxLength(100);
        builder.Property(m => m.County).HasMaxLength(100);
        builder.Property(m => m.Group).HasMaxLength(4);
    }
}

internal sealed class TagConfiguration : IEntityTypeConfiguration<Tag>
{
    public void Configure(EntityTypeBuilder<Tag> builder)
    {
        builder.ToTable("tags");
        builder.HasKey(t => t.Id);
        builder.Property(t => t.Name).HasMaxLength(60);
        builder.Property(t => t.Slug).HasMaxLength(Slugs.MaxLength);
        builder.HasIndex(t => t.Slug).IsUnique();
    }
}
