using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace EHalsostodet.Core.Persistence.Migrations;

/// <summary>
/// Every address (type and slug) an item has been published at, so that an old one leads to the
/// new one after a rename. Addresses given up before this version are not known; each published
/// item's live address is its first.
/// </summary>
[DbContext(typeof(PortalDbContext))]
[Migration("20261220090000_ContentAddresses")]
public sealed class ContentAddresses : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "content_addresses",
            columns: table => new
            {
                type = table.Column<string>(maxLength: 20, nullable: false),
                slug = table.Column<string>(maxLength: 80, nullable: false),
                item_id = table.Column<Guid>(nullable: false),
                first_published_at = table.Column<DateTime>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_content_addresses", x => new { x.type, x.slug });
                table.ForeignKey("FK_content_addresses_content_items_item_id", x => x.item_id, "content_items", "id", onDelete: ReferentialAction.Cascade);
            });
        migrationBuilder.CreateIndex("IX_content_addresses_item_id", "content_addresses", "item_id");
        migrationBuilder.Sql("""
            INSERT INTO content_addresses (type, slug, item_id, first_published_at)
            SELECT type, slug, item_id, published_at FROM published_content;
            """);
    }

    protected override void Down(MigrationBuilder migrationBuilder) => migrationBuilder.DropTable("content_addresses");
}
