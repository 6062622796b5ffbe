using EHalsostodet.Core.Accounts;
using EHalsostodet.Core.Content;
using EHalsostodet.Core.Content.Drafts;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace EHalsostodet.Core.Persistence.Configurations;

internal sealed class ContentItemConfiguration : IEntityTypeConfiguration<ContentItem>
{
    public void Configure(EntityTypeBuilder<ContentItem> builder)
    {
        builder.ToTable("content_items");
        builder.HasKey(i => i.Id);
        builder.Property(i => i.Type).HasConversion<string>().HasMaxLength(20);
        builder.Property(i => i.State).HasConversion<string>().HasMaxLength(20);
        builder.Property(i => i.Slug).HasMaxLength(Slugs.MaxLength);
        builder.Property(i => i.Title).HasMaxLength(DocumentValidator.MaxTitleLength);
        builder.Property(i => i.ConcurrencyStamp).IsConcurrencyToken();
        builder.Property(i => i.SubmittedById).HasMaxLength(450);
        builder.Property(i => i.LastReviewedById).HasMaxLength(450);
        builder.Property(i => i.LastReviewedByName).HasMaxLength(256);
        builder.HasIndex(i => new { i.Type, i.Slug }).IsUnique();
        builder.HasIndex(i => i.State);
    }
}

internal sealed class ContentVersionConfiguration : IEntityTypeConfiguration<ContentVersion>
{
    public void Configure(EntityTypeBuilder<ContentVersion> builder)
    {
        builder.ToTable("content_versions");
        builder.HasKey(v => v.Id);
        builder.Property(v => v.AuthorId).HasMaxLength(450);
        builder.Property(v => v.AuthorName).HasMaxLength(256);
        builder.Property(v => v.ChangeNote).HasMaxLength(1000);
        builder.Property(v => v.PublicChangeNote).HasMaxLength(1000);
        builder.HasIndex(v => new { v.ItemId, v.Number }).IsUnique();
        builder.HasOne<ContentItem>().WithMany().HasForeignKey(v => v.ItemId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class EditorDraftConfiguration : IEntityTypeConfiguration<EditorDraft>
{
    public void Configure(EntityTypeBuilder<EditorDraft> builder)
    {
        builder.ToTable("editor_drafts");
        builder.HasKey(d => new { d.UserId, d.Target });
        builder.Property(d => d.UserId).HasMaxLength(450);
        builder.Property(d => d.Target).HasMaxLength(60);
        builder.HasOne<PortalUser>().WithMany().HasForeignKey(d => d.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}
