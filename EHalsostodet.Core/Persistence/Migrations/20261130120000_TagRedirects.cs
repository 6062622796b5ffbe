using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace EHalsostodet.Core.Persistence.Migrations;

/// <summary>Old tag addresses that lead to a renamed or merged tag.</summary>
[DbContext(typeof(PortalDbContext))]
[Migration("20261130120000_TagRedirects")]
public sealed class TagRedirects : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "tag_redirects",
            columns: table => new
            {
                old_slug = table.Column<string>(maxLength: 80, nullable: false),
                tag_id = table.Column<Guid>(nullable: false),
                created_at = table.Column<DateTime>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_tag_redirects", x => x.old_slug);
                table.ForeignKey("FK_tag_redirects_tags_tag_id", x => x.tag_id, "tags", "id", onDelete: ReferentialAction.Cascade);
            });
        migrationBuilder.CreateIndex("IX_tag_redirects_tag_id", "tag_redirects", "tag_id");
    }

    protected override void Down(MigrationBuilder migrationBuilder) => migrationBuilder.DropTable("tag_redirects");
}
