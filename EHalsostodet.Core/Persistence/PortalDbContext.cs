using EHalsostodet.Core.Content;
using EHalsostodet.Core.Publishing;
using EHalsostodet.Core.Taxonomy;
using Microsoft.EntityFrameworkCore;

namespace EHalsostodet.Core.Persistence;

/// <summary>The portal's database: content, versions, the published read model and taxonomies.</summary>
public sealed class PortalDbContext(DbContextOptions<PortalDbContext> options) : DbContext(options)
{
    public DbSet<ContentItem> ContentItems => Set<ContentItem>();
    public DbSet<ContentVersion> ContentVersions => Set<ContentVersion>();
    public DbSet<PublishedContent> PublishedContent => Set<PublishedContent>();
    public DbSet<PublishedFacet> PublishedFacets => Set<PublishedFacet>();
    public DbSet<CollectionMembership> CollectionMemberships => Set<CollectionMembership>();
    public DbSet<InitiativeReference> InitiativeReferences => Set<InitiativeReference>();
    public DbSet<Municipality> Municipalities => Set<Municipality>();
    public DbSet<Tag> Tags => Set<Tag>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(PortalDbContext).Assembly);
        SnakeCaseColumns.Apply(modelBuilder);
    }
}
