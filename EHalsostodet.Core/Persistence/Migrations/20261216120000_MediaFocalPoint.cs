using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace EHalsostodet.Core.Persistence.Migrations;

/// <summary>
/// A focal point per image (percent from the top left; the centre for images stored before) and
/// the widths of the 16:9 card crops made around it (none for images stored before).
/// </summary>
[DbContext(typeof(PortalDbContext))]
[Migration("20261216120000_MediaFocalPoint")]
public sealed class MediaFocalPoint : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.AddColumn<int>(name: "focal_point_x", table: "media_items", nullable: false, defaultValue: 50);
        migrationBuilder.AddColumn<int>(name: "focal_point_y", table: "media_items", nullable: false, defaultValue: 50);
        migrationBuilder.AddColumn<string>(name: "card_widths", table: "media_items", maxLength: 100, nullable: false, defaultValue: "");
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropColumn(name: "focal_point_x", table: "media_items");
        migrationBuilder.DropColumn(name: "focal_point_y", table: "media_items");
        migrationBuilder.DropColumn(name: "card_widths", table: "media_items");
    }
}
