using EHalsostodet.Core.Accounts;
using EHalsostodet.Core.Addresses;
using EHalsostodet.Core.ContactMessages;
using EHalsostodet.Core.Content;
using EHalsostodet.Core.Content.Drafts;
using EHalsostodet.Core.Email;
using EHalsostodet.Core.ExternalLinks;
using EHalsostodet.Core.Insights;
using EHalsostodet.Core.Media;
using EHalsostodet.Core.Members;
using EHalsostodet.Core.Members.Inactivity;
using EHalsostodet.Core.Members.Plans;
using EHalsostodet.Core.Publishing;
using EHalsostodet.Core.Taxonomy;
using EHalsostodet.Core.Workflow;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace EHalsostodet.Core.Persistence;

/// <summary>The portal's database: accounts, content, versions, the published read model, taxonomies, members' data and usage counts.</summary>
public sealed class PortalDbContext(DbContextOptions<PortalDbContext> options) : IdentityDbContext<PortalUser>(options), IDataProtectionKeyContext
{
    public DbSet<ContentItem> ContentItems => Set<ContentItem>();
    public DbSet<ContentVersion> ContentVersions => Set<ContentVersion>();
    public DbSet<EditorDraft> EditorDrafts => Set<EditorDraft>();
    public DbSet<PublishedContent> PublishedContent => Set<PublishedContent>();
    public DbSet<PublishedFacet> PublishedFacets => Set<PublishedFacet>();
    public DbSet<CollectionMembership> CollectionMemberships => Set<CollectionMembership>();
    public DbSet<InitiativeReference> InitiativeReferences => Set<InitiativeReference>();
    public DbSet<Municipality> Municipalities => Set<Municipality>();
    public DbSet<Tag> Tags => Set<Tag>();
    public DbSet<TagRedirect> TagRedirects => Set<TagRedirect>();
    public DbSet<ContentAddress> ContentAddresses => Set<ContentAddress>();
    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();
    public DbSet<OutboxEmail> OutboxEmails => Set<OutboxEmail>();
    public DbSet<MemberProfile> MemberProfiles => Set<MemberProfile>();
    public DbSet<SavedItem> SavedItems => Set<SavedItem>();
    public DbSet<MemberCollection> MemberCollections => Set<MemberCollection>();
    public DbSet<MemberCollectionItem> MemberCollectionItems => Set<MemberCollectionItem>();
    public DbSet<Follow> Follows => Set<Follow>();
    public DbSet<MemberNotice> MemberNotices => Set<MemberNotice>();
    public DbSet<UsageCount> UsageCounts => Set<UsageCount>();
    public DbSet<ActionPlan> ActionPlans => Set<ActionPlan>();
    public DbSet<MediaItem> MediaItems => Set<MediaItem>();
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();
    public DbSet<ContactMessage> ContactMessages => Set<ContactMessage>();
    public DbSet<AccountActivity> AccountActivities => Set<AccountActivity>();
    public DbSet<ExternalLink> ExternalLinks => Set<ExternalLink>();

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // PostgreSQL's timestamptz accepts only UTC times and SQLite gives back times of no kind;
        // on both, every time is written and read as UTC.
        configurationBuilder.Properties<DateTime>().HaveConversion<UtcDateTimeConverter>();
        configurationBuilder.Properties<DateTime?>().HaveConversion<UtcDateTimeConverter>();
    }

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.Entity<PortalUser>(b =>
        {
            b.ToTable("identity_users");
            b.Property(u => u.DisplayName).HasMaxLength(200);
            b.Property(u => u.BlockedBy).HasMaxLength(450);
            b.Property(u => u.MemberStateVersion).HasDefaultValue(0L);
        });
        builder.Entity<IdentityRole>().ToTable("identity_roles");
        builder.Entity<IdentityUserRole<string>>().ToTable("identity_user_roles");
        builder.Entity<IdentityUserClaim<string>>().ToTable("identity_user_claims");
        builder.Entity<IdentityUserLogin<string>>().ToTable("identity_user_logins");
        builder.Entity<IdentityUserToken<string>>().ToTable("identity_user_tokens");
        builder.Entity<IdentityRoleClaim<string>>().ToTable("identity_role_claims");
        builder.ApplyConfigurationsFromAssembly(typeof(PortalDbContext).Assembly);
        SnakeCaseColumns.Apply(builder);
    }
}
