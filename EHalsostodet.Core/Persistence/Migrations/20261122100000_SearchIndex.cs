using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace EHalsostodet.Core.Persistence.Migrations;

/// <summary>
/// The full-text index of published content (SQLite FTS5). Columns hold stemmed terms, and the
/// same terms folded without å, ä, ö for users who type without them; bm25 weights rank the
/// folded columns lower. The index is rebuilt from the read model, so it holds nothing of its own.
/// On PostgreSQL the same as two weighted tsvectors (the 'swedish' configuration, and the folded
/// stems with 'simple'), GIN-indexed, plus the plain text for ts_headline; pg_trgm comes along
/// for spelling suggestions.
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
        else if (migrationBuilder.ActiveProvider == PostgresProvider)
        {
            migrationBuilder.Sql("""
                CREATE EXTENSION IF NOT EXISTS pg_trgm;
                CREATE TABLE search_index (
                    item_id uuid PRIMARY KEY,
                    document tsvector NOT NULL,
                    folded tsvector NOT NULL,
                    content text NOT NULL
                );
                CREATE INDEX ix_search_index_document ON search_index USING gin (document);
                CREATE INDEX ix_search_index_folded ON search_index USING gin (folded);
                """);
        }
    }

    internal const string PostgresProvider = "Npgsql.EntityFrameworkCore.PostgreSQL";

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        if (migrationBuilder.ActiveProvider == "Microsoft.EntityFrameworkCore.Sqlite")
        {
            migrationBuilder.Sql("DROP TABLE search_index;");
        }
        else if (migrationBuilder.ActiveProvider == PostgresProvider)
        {
            migrationBuilder.Sql("DROP TABLE search_index; DROP EXTENSION IF EXISTS pg_trgm;");
        }
    }
}
