using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace EHalsostodet.Core.Persistence.Migrations;

/// <summary>
/// The full-text index of published content (SQLite FTS5). Columns hold stemmed terms, and the
/// same terms folded without å, ä, ö for users who type without them; bm25 weights rank the
/// folded columns lower. The index is rebuilt from the read model, so it holds nothing of its own.
/// </summary>
[DbContext(typeof(PortalDbContext))]
[Migration("20261122100000_SearchIndex")]
public sealed class SearchIndex : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        if (migrationBuilder.ActiveProvider == "Microsoft.EntityFrameworkCore.Sqlite")
        {
            migrationBuilder.Sql("""
                CREATE VIRTUAL TABLE search_index USING fts5(
                    item_id UNINDEXED,
                    title, tags, teaser, body,
                    title_folded, tags_folded, teaser_folded, body_folded,
                    tokenize = 'unicode61 remove_diacritics 0'
                );
                """);
        }
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        if (migrationBuilder.ActiveProvider == "Microsoft.EntityFrameworkCore.Sqlite")
        {
            migrationBuilder.Sql("DROP TABLE search_index;");
        }
    }
}
