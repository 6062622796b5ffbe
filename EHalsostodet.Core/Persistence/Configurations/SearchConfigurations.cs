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

internal sealed class SearchSynonymConfiguration : IEntityTypeConfiguration<Search.Tuning.SearchSynonym>
{
    public void Configure(EntityTypeBuilder<Search.Tuning.SearchSynonym> builder)
    {
        builder.ToTable("search_synonyms");
        builder.HasKey(s => s.Id);
        builder.Property(s => s.Words).HasMaxLength(1000);
    }
}

internal sealed class SearchBestBetConfiguration : IEntityTypeConfiguration<Search.Tuning.SearchBestBet>
{
    public void Configure(EntityTypeBuilder<Search.Tuning.SearchBestBet> builder)
    {
        builder.ToTable("search_best_bets");
        builder.HasKey(b => b.Id);
        builder.Property(b => b.Query).HasMaxLength(200);
        builder.HasIndex(b => new { b.Query, b.ItemId }).IsUnique();
    }
}
