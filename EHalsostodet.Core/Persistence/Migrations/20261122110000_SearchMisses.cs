using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace EHalsostodet.Core.Persistence.Migrations;

/// <summary>Counts of searches that found nothing, per normalised query.</summary>
[DbContext(typeof(PortalDbContext))]
[Migration("20261122110000_SearchMisses")]
public sealed class SearchMisses : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "search_misses",
            columns: table => new
            {
                query = table.Column<string>(maxLength: 200, nullable: false),
                count = table.Column<int>(nullable: false),
                last_searched = table.Column<DateOnly>(nullable: false),
            },
            constraints: table => table.PrimaryKey("PK_search_misses", x => x.query));
        migrationBuilder.CreateIndex("IX_search_misses_count", "search_misses", "count");
    }

    protected override void Down(MigrationBuilder migrationBuilder) => migrationBuilder.DropTable("search_misses");
}
