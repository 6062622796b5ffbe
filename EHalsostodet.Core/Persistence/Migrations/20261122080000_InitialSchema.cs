using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace EHalsostodet.Core.Persistence.Migrations;

/// <summary>
/// Written by hand (the EF design-time tools are not available); column types are left to the
/// provider so the same migration serves SQLite and PostgreSQL. A test compares the result
/// with the EF model.
/// </summary>
[DbContext(typeof(PortalDbContext))]
[Migration("20261122080000_InitialSchema")]
public sealed class InitialSchema : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "content_items",
            columns: table => new
            {
                id = table.Column<Guid>(nullable: false),
                type = table.Column<string>(maxLength: 20, nullable: false),
                slug = table.Column<string>(maxLength: 80, nullable: false),
                title = table.Column<string>(maxLength: 200, nullable: false),
                state = table.Column<string>(maxLength: 20, nullable: false),
                latest_version_id = table.Column<Guid>(nullable: true),
                published_version_id = table.Column<Guid>(nullable: true),
                review_by = table.Column<DateOnly>(nullable: false),
                last_reviewed_at = table.Column<DateTime>(nullable: true),
                publish_at = table.Column<DateTime>(nullable: true),
                unpublish_at = table.Column<DateTime>(nullable: true),
                created_at = table.Column<DateTime>(nullable: false),
                updated_at = table.Column<DateTime>(nullable: false),
                concurrency_stamp = table.Column<Guid>(nullable: false),
            },
            constraints: table => table.PrimaryKey("PK_content_items", x => x.id));

        migrationBuilder.CreateTable(
            name: "content_versions",
            columns: table => new
            {
                id = table.Column<Guid>(nullable: false),
                item_id = table.Column<Guid>(nullable: false),
                number = table.Column<int>(nullable: false),
                document_json = table.Column<string>(nullable: false),
                author_id = table.Column<string>(maxLength: 450, nullable: true),
                author_name = table.Column<string>(maxLength: 256, nullable: false),
                created_at = table.Column<DateTime>(nullable: false),
                change_note = table.Column<string>(maxLength: 1000, nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_content_versions", x => x.id);
                table.ForeignKey("FK_content_versions_content_items_item_id", x => x.item_id,
                    "content_items", "id", onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateTable(
            name: "published_content",
            columns: table => new
            {
                item_id = table.Column<Guid>(nullable: false),
                type = table.Column<string>(maxLength: 20, nullable: false),
                slug = table.Column<string>(maxLength: 80, nullable: false),
                title = table.Column<string>(maxLength: 200, nullable: false),
                teaser = table.Column<string>(nullable: false),
                version_id = table.Column<Guid>(nullable: false),
                document_json = table.Column<string>(nullable: false),
                municipality_code = table.Column<string>(maxLength: 8, nullable: true),
                first_published_at = table.Column<DateTime>(nullable: false),
                published_at = table.Column<DateTime>(nullable: false),
                last_reviewed_at = table.Column<DateTime>(nullable: true),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_published_content", x => x.item_id);
                table.ForeignKey("FK_published_content_content_items_item_id", x => x.item_id,
                    "content_items", "id", onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateTable(
            name: "published_facets",
            columns: table => new
            {
                item_id = table.Column<Guid>(nullable: false),
                facet = table.Column<string>(maxLength: 40, nullable: false),
                value = table.Column<string>(maxLength: 200, nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_published_facets", x => new { x.item_id, x.facet, x.value });
                table.ForeignKey("FK_published_facets_published_content_item_id", x => x.item_id,
                    "published_content", "item_id", onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateTable(
            name: "collection_memberships",
            columns: table => new
            {
                collection_id = table.Column<Guid>(nullable: false),
                story_id = table.Column<Guid>(nullable: false),
                position = table.Column<int>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_collection_memberships", x => new { x.collection_id, x.story_id });
                table.ForeignKey("FK_collection_memberships_published_content_collection_id", x => x.collection_id,
                    "published_content", "item_id", onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateTable(
            name: "initiative_references",
            columns: table => new
            {
                story_id = table.Column<Guid>(nullable: false),
                initiative_id = table.Column<Guid>(nullable: false),
                section = table.Column<string>(maxLength: 40, nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_initiative_references", x => new { x.story_id, x.initiative_id, x.section });
                table.ForeignKey("FK_initiative_references_published_content_story_id", x => x.story_id,
                    "published_content", "item_id", onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateTable(
            name: "municipalities",
            columns: table => new
            {
                code = table.Column<string>(maxLength: 8, nullable: false),
                name = table.Column<string>(maxLength: 100, nullable: false),
                county = table.Column<string>(maxLength: 100, nullable: false),
                group = table.Column<string>(maxLength: 4, nullable: false),
                is_example = table.Column<bool>(nullable: false),
            },
            constraints: table => table.PrimaryKey("PK_municipalities", x => x.code));

        migrationBuilder.CreateTable(
            name: "tags",
            columns: table => new
            {
                id = table.Column<Guid>(nullable: false),
                name = table.Column<string>(maxLength: 60, nullable: false),
                slug = table.Column<string>(maxLength: 80, nullable: false),
            },
            constraints: table => table.PrimaryKey("PK_tags", x => x.id));

        migrationBuilder.CreateIndex("IX_content_items_state", "content_items", "state");
        migrationBuilder.CreateIndex("IX_content_items_type_slug", "content_items", ["type", "slug"], unique: true);
        migrationBuilder.CreateIndex("IX_content_versions_item_id_number", "content_versions", ["item_id", "number"], unique: true);
        migrationBuilder.CreateIndex("IX_published_content_type_first_published_at", "published_content", ["type", "first_published_at"]);
        migrationBuilder.CreateIndex("IX_published_content_type_slug", "published_content", ["type", "slug"], unique: true);
        migrationBuilder.CreateIndex("IX_published_facets_facet_value", "published_facets", ["facet", "value"]);
        migrationBuilder.CreateIndex("IX_collection_memberships_story_id", "collection_memberships", "story_id");
        migrationBuilder.CreateIndex("IX_initiative_references_initiative_id", "initiative_references", "initiative_id");
        migrationBuilder.CreateIndex("IX_tags_slug", "tags", "slug", unique: true);
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        foreach (var table in new[] { "initiative_references", "collection_memberships", "published_facets", "published_content", "content_versions", "content_items", "municipalities", "tags" })
        {
            migrationBuilder.DropTable(table);
        }
    }
}
