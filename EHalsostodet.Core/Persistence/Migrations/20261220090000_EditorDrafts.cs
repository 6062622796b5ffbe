using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace EHalsostodet.Core.Persistence.Migrations;

/// <summary>Editors' unsaved forms, one per account and item: autosaved, met by a newer version, or sent after the session ended.</summary>
[DbContext(typeof(PortalDbContext))]
[Migration("20261220090000_EditorDrafts")]
public sealed class EditorDrafts : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder) =>
        migrationBuilder.CreateTable(
            name: "editor_drafts",
            columns: table => new
            {
                user_id = table.Column<string>(maxLength: 450, nullable: false),
                target = table.Column<string>(maxLength: 60, nullable: false),
                base_version_id = table.Column<Guid>(nullable: true),
                form_json = table.Column<string>(nullable: false),
                saved_at = table.Column<DateTime>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_editor_drafts", x => new { x.user_id, x.target });
                table.ForeignKey("FK_editor_drafts_identity_users_user_id", x => x.user_id, "identity_users", "id", onDelete: ReferentialAction.Cascade);
            });

    protected override void Down(MigrationBuilder migrationBuilder) =>
        migrationBuilder.DropTable("editor_drafts");
}
