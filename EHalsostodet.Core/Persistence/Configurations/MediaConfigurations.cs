using EHalsostodet.Core.Accounts;
using EHalsostodet.Core.Media;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace EHalsostodet.Core.Persistence.Configurations;

internal sealed class MediaItemConfiguration : IEntityTypeConfiguration<MediaItem>
{
    public void Configure(EntityTypeBuilder<MediaItem> builder)
    {
        builder.ToTable("media_items");
        builder.HasKey(m => m.Id);
        builder.Property(m => m.OriginalFileName).HasMaxLength(200);
        builder.Property(m => m.ContentType).HasMaxLength(50);
        builder.Property(m => m.AltText).HasMaxLength(MediaItem.AltTextMaxLength);
        builder.Property(m => m.UploadedById).HasMaxLength(450);
        builder.HasOne<PortalUser>().WithMany().HasForeignKey(m => m.UploadedById).OnDelete(DeleteBehavior.SetNull);
        builder.Property(m => m.UploadedByName).HasMaxLength(200);
        builder.Property(m => m.StorageKey).HasMaxLength(100);
        builder.HasIndex(m => m.StorageKey).IsUnique();
        builder.Property(m => m.VariantWidths).HasMaxLength(100);
        builder.Property(m => m.CardWidths).HasMaxLength(100);
        builder.HasIndex(m => m.UploadedAt);
        builder.Ignore(m => m.Variants);
        builder.Ignore(m => m.Cards);
        builder.Ignore(m => m.FocalPoint);
    }
}
