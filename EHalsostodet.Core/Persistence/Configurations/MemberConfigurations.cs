using System.Text.Json;
using EHalsostodet.Core.Accounts;
using EHalsostodet.Core.Insights;
using EHalsostodet.Core.Members;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace EHalsostodet.Core.Persistence.Configurations;

internal sealed class MemberProfileConfiguration : IEntityTypeConfiguration<MemberProfile>
{
    // A JSON text column reads the same on SQLite and PostgreSQL; the lists are short and only read whole.
    private static readonly ValueComparer<List<string>> ListComparer = new(
        (a, b) => a!.SequenceEqual(b!), l => l.Aggregate(0, (h, s) => HashCode.Combine(h, s.GetHashCode(StringComparison.Ordinal))), l => l.ToList());

    public void Configure(EntityTypeBuilder<MemberProfile> builder)
    {
        builder.ToTable("member_profiles");
        builder.HasKey(p => p.UserId);
        builder.Property(p => p.UserId).HasMaxLength(450);
        builder.HasOne<PortalUser>().WithOne().HasForeignKey<MemberProfile>(p => p.UserId).OnDelete(DeleteBehavior.Cascade);
        builder.Property(p => p.Role).HasMaxLength(40);
        builder.Property(p => p.MunicipalityCode).HasMaxLength(10);
        builder.Property(p => p.Areas).HasConversion(l => JsonSerializer.Serialize(l, (JsonSerializerOptions?)null), s => JsonSerializer.Deserialize<List<string>>(s, (JsonSerializerOptions?)null) ?? new List<string>(), ListComparer).HasMaxLength(1000);
        builder.Property(p => p.Interests).HasConversion(l => JsonSerializer.Serialize(l, (JsonSerializerOptions?)null), s => JsonSerializer.Deserialize<List<string>>(s, (JsonSerializerOptions?)null) ?? new List<string>(), ListComparer).HasMaxLength(4000);
        builder.Property(p => p.MailFrequency).HasConversion<string>().HasMaxLength(20);
        builder.Property(p => p.UnsubscribeToken).HasMaxLength(64);
        builder.HasIndex(p => p.UnsubscribeToken).IsUnique();
    }
}

internal sealed class SavedItemConfiguration : IEntityTypeConfiguration<SavedItem>
{
    public void Configure(EntityTypeBuilder<SavedItem> builder)
    {
        builder.ToTable("saved_items");
        builder.HasKey(s => new { s.UserId, s.ItemId });
        builder.Property(s => s.UserId).HasMaxLength(450);
        builder.HasOne<PortalUser>().WithMany().HasForeignKey(s => s.UserId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(s => s.ItemId);
    }
}

internal sealed class MemberCollectionConfiguration : IEntityTypeConfiguration<MemberCollection>
{
    public void Configure(EntityTypeBuilder<MemberCollection> builder)
    {
        builder.ToTable("member_collections");
        builder.HasKey(c => c.Id);
        builder.Property(c => c.UserId).HasMaxLength(450);
        builder.HasOne<PortalUser>().WithMany().HasForeignKey(c => c.UserId).OnDelete(DeleteBehavior.Cascade);
        builder.Property(c => c.Name).HasMaxLength(200);
        builder.Property(c => c.Description).HasMaxLength(2000);
        builder.Property(c => c.ShareToken).HasMaxLength(64);
        builder.HasIndex(c => c.ShareToken).IsUnique();
        builder.HasIndex(c => c.UserId);
        builder.HasMany(c => c.Items).WithOne().HasForeignKey(i => i.CollectionId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class MemberCollectionItemConfiguration : IEntityTypeConfiguration<MemberCollectionItem>
{
    public void Configure(EntityTypeBuilder<MemberCollectionItem> builder)
    {
        builder.ToTable("member_collection_items");
        builder.HasKey(i => new { i.CollectionId, i.StoryId });
    }
}

internal sealed class FollowConfiguration : IEntityTypeConfiguration<Follow>
{
    public void Configure(EntityTypeBuilder<Follow> builder)
    {
        builder.ToTable("follows");
        builder.HasKey(f => new { f.UserId, f.Kind, f.Target });
        builder.Property(f => f.UserId).HasMaxLength(450);
        builder.HasOne<PortalUser>().WithMany().HasForeignKey(f => f.UserId).OnDelete(DeleteBehavior.Cascade);
        builder.Property(f => f.Kind).HasConversion<string>().HasMaxLength(20);
        builder.Property(f => f.Target).HasMaxLength(100);
        builder.HasIndex(f => new { f.Kind, f.Target });
    }
}

internal sealed class MemberNoticeConfiguration : IEntityTypeConfiguration<MemberNotice>
{
    public void Configure(EntityTypeBuilder<MemberNotice> builder)
    {
        builder.ToTable("member_notifications");
        builder.HasKey(n => n.Id);
        builder.Property(n => n.UserId).HasMaxLength(450);
        builder.HasOne<PortalUser>().WithMany().HasForeignKey(n => n.UserId).OnDelete(DeleteBehavior.Cascade);
        builder.Property(n => n.Kind).HasConversion<string>().HasMaxLength(40);
        builder.Property(n => n.Text).HasMaxLength(1000);
        builder.Property(n => n.Url).HasMaxLength(300);
        builder.HasIndex(n => new { n.UserId, n.CreatedAt });
        builder.HasIndex(n => n.MailedAt);
    }
}

internal sealed class UsageCountConfiguration : IEntityTypeConfiguration<UsageCount>
{
    public void Configure(EntityTypeBuilder<UsageCount> builder)
    {
        builder.ToTable("usage_counts");
        builder.HasKey(u => new { u.Day, u.Metric, u.Subject });
        builder.Property(u => u.Metric).HasMaxLength(40);
        builder.Property(u => u.Subject).HasMaxLength(100);
        builder.HasIndex(u => new { u.Metric, u.Day });
    }
}

internal sealed class AccountActivityConfiguration : IEntityTypeConfiguration<EHalsostodet.Core.Members.Inactivity.AccountActivity>
{
    public void Configure(EntityTypeBuilder<EHalsostodet.Core.Members.Inactivity.AccountActivity> builder)
    {
        builder.ToTable("account_activity");
        builder.HasKey(a => a.UserId);
        builder.Property(a => a.UserId).HasMaxLength(450);
        builder.HasOne<PortalUser>().WithMany().HasForeignKey(a => a.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}
