using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace EHalsostodet.Core.Persistence.Migrations;

/// <summary>The media library: one row per uploaded image; the files live in the media folder.</summary>
[DbContext(typeof(PortalDbContext))]
[Migration("20261130130000_MediaLibrary")]
public sealed class MediaLibrary : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "media_items",
            columns: table => new
            {
                id = table.Column<Guid>(nullable: false),
                original_file_name = table.Column<string>(maxLength: 200, nullable: false),
                content_type = table.Column<string>(maxLength: 50, nullable: false),
                width = table.Column<int>(nullable: false),
                height = table.Column<int>(nullable: false),
                byte_size = table.Column<long>(nullable: false),
                alt_text = table.Column<string>(maxLength: 300, nullable: false),
                uploaded_by_id = table.Column<string>(maxLength: 450, nullable: true),
                uploaded_by_name = table.Column<string>(maxLength: 200, nullable: false),
                uploaded_at = table.Column<DateTime>(nullable: false),
                storage_key = table.Column<string>(maxLength: 100, nullable: false),
                variant_widths = table.Column<string>(maxLength: 100, nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_media_items", x => x.id);
                table.ForeignKey("FK_media_items_identity_users_uploaded_by_id", x => x.uploaded_by_id, "identity_users", "id", onDelete: ReferentialAction.SetNull);
            });
        migrationBuilder.CreateIndex("IX_media_items_storage_key", "media_items", "storage_key", unique: true);
        migrationBuilder.CreateIndex("IX_media_items_uploaded_at", "media_items", "uploaded_at");
        migrationBuilder.CreateIndex("IX_media_items_uploaded_by_id", "media_items", "uploaded_by_id");
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropTable("media_items");
    }
}
