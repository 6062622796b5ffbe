using EHalsostodet.Core.ExternalLinks;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace EHalsostodet.Core.Persistence.Configurations;

internal sealed class ExternalLinkConfiguration : IEntityTypeConfiguration<ExternalLink>
{
    public void Configure(EntityTypeBuilder<ExternalLink> builder)
    {
        builder.ToTable("external_links");
        builder.HasKey(l => l.Url);
        builder.Property(l => l.Url).HasMaxLength(2000);
        builder.Property(l => l.Problem).HasMaxLength(300);
        builder.HasIndex(l => l.IsBroken);
    }
}
