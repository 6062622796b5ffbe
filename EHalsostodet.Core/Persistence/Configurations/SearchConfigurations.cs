using EHalsostodet.Core.Search;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace EHalsostodet.Core.Persistence.Configurations;

internal sealed class SearchMissConfiguration : IEntityTypeConfiguration<SearchMiss>
{
    public void Configure(EntityTypeBuilder<SearchMiss> builder)
    {
        builder.ToTable("search_misses");
        builder.HasKey(m => m.Query);
        builder.Property(m => m.Query).HasMaxLength(200);
        builder.HasIndex(m => m.Count);
    }
}
