using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace EHalsostodet.Core.Persistence.Migrations;

/// <summary>
/// Who last reviewed an item ("Markera som granskad" or an approval) beside when. Items reviewed
/// before the upgrade keep their time without a name.
/// </summary>
[DbContext(typeof(PortalDbContext))]
[Migration("20261222090000_ContentReviewedBy")]
public sealed class ContentReviewedBy : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.AddColumn<string>(name: "last_reviewed_by_id", table: "content_items", maxLength: 450, nullable: true);
        migrationBuilder.AddColumn<string>(name: "last_reviewed_by_name", table: "content_items", maxLength: 256, nullable: true);
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropColumn(name: "last_reviewed_by_name", table: "content_items");
        migrationBuilder.DropColumn(name: "last_reviewed_by_id", table: "content_items");
    }
}
