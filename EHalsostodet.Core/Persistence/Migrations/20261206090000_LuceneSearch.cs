using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

namespace EHalsostodet.Core.Persistence.Migrations;

/// <summary>
/// Search moves to Lucene.Net index files on each instance: the FTS5 and tsvector tables go.
/// What editors tune search with stays in the database: synonym groups and best bets.
/// </summary>
[DbContext(typeof(PortalDbContext))]
[Migration("20261206090000_LuceneSearch")]
public sealed class LuceneSearch : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.Sql("DROP TABLE IF EXISTS editorial_search_index;");
        migrationBuilder.Sql("DROP TABLE IF EXISTS search_index;");
        if (migrationBuilder.ActiveProvider == SearchIndex.PostgresProvider)
        {
            migrationBuilder.Sql("DROP EXTENSION IF EXISTS pg_trgm;");
        }
        migrationBuilder.CreateTable(
            name: "search_synonyms",
            columns: table => new
            {
                id = table.Column<int>(nullable: false).Annotation("Sqlite:Autoincrement", true)
                    .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                words = table.Column<string>(maxLength: 1000, nullable: false),
                updated_at = table.Column<DateTime>(nullable: false),
            },
            constraints: table => table.PrimaryKey("PK_search_synonyms", x => x.id));
        migrationBuilder.CreateTable(
            name: "search_best_bets",
            columns: table => new
            {
                id = table.Column<int>(nullable: false).Annotation("Sqlite:Autoincrement", true)
                    .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                query = table.Column<string>(maxLength: 200, nullable: false),
                item_id = table.Column<Guid>(nullable: false),
                created_at = table.Column<DateTime>(nullable: false),
            },
            constraints: table => table.PrimaryKey("PK_search_best_bets", x => x.id));
        migrationBuilder.CreateIndex("IX_search_best_bets_query_item_id", "search_best_bets", ["query", "item_id"], unique: true);
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropTable("search_best_bets");
        migrationBuilder.DropTable("search_synonyms");
    }
}
