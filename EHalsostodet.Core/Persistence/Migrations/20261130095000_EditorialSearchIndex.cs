using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace EHalsostodet.Core.Persistence.Migrations;

/// <summary>
/// The back office's full-text index over every item's latest version, drafts included (SQLite
/// FTS5, the same columns as the public index). Each row keeps the item's concurrency stamp, so
/// the index can see which items changed and bring only those up to date. On PostgreSQL the
/// same tsvectors as the public index, without the plain text.
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
        else if (migrationBuilder.ActiveProvider == SearchIndex.PostgresProvider)
        {
            migrationBuilder.Sql("""
                CREATE TABLE editorial_search_index (
                    item_id uuid PRIMARY KEY,
                    stamp uuid NOT NULL,
                    document tsvector NOT NULL,
                    folded tsvector NOT NULL
                );
                CREATE INDEX ix_editorial_search_index_document ON editorial_search_index USING gin (document);
                CREATE INDEX ix_editorial_search_index_folded ON editorial_search_index USING gin (folded);
                """);
        }
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        if (migrationBuilder.ActiveProvider == "Microsoft.EntityFrameworkCore.Sqlite")
        {
            migrationBuilder.Sql("DROP TABLE editorial_search_index;");
        }
        else if (migrationBuilder.ActiveProvider == SearchIndex.PostgresProvider)
        {
            migrationBuilder.Sql("DROP TABLE editorial_search_index;");
        }
    }
}
