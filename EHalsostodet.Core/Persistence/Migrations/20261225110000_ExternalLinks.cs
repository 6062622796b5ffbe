using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace EHalsostodet.Core.Persistence.Migrations;

/// <summary>The result of the last check of each external address in published content.</summary>
[DbContext(typeof(PortalDbContext))]
[Migration("20261225110000_ExternalLinks")]
public sealed class ExternalLinks : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "external_links",
            columns: table => new
            {
                url = table.Column<string>(maxLength: 2000, nullable: false),
                checked_at = table.Column<DateTime>(nullable: false),
                status_code = table.Column<int>(nullable: true),
                is_broken = table.Column<bool>(nullable: false),
                problem = table.Column<string>(maxLength: 300, nullable: false),
                broken_since = table.Column<DateTime>(nullable: true),
            },
            constraints: table => table.PrimaryKey("PK_external_links", x => x.url));
        migrationBuilder.CreateIndex("IX_external_links_is_broken", "external_links", "is_broken");
    }

    protected override void Down(MigrationBuilder migrationBuilder) =>
        migrationBuilder.DropTable("external_links");
}
