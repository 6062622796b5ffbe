using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace EHalsostodet.Core.Persistence.Migrations;

/// <summary>
/// The back office's full-text index over every item's latest version, drafts included (SQLite
/// FTS5, the same columns as the public index). Each row keeps the item's concurrency stamp, so
/// the index can see which items changed and bring only those up to date.
/// </summary>
[DbContext(typeof(PortalDbContext))]
[Migration("20261130095000_EditorialSearchIndex")]
public sealed class EditorialSearchIndex : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        if (migrationBuilder.ActiveProvider == "Microsoft.EntityFrameworkCore.Sqlite")
        {
            migrationBuilder.Sql("""
                CREATE VIRTUAL TABLE editorial_search_index USING fts5(
                    item_id UNINDEXED, stamp UNINDEXED,
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
            migrationBuilder.Sql("DROP TABLE editorial_search_index;");
        }
    }
}
