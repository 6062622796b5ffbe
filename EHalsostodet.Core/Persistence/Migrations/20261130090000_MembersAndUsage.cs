using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace EHalsostodet.Core.Persistence.Migrations;

/// <summary>Members' profiles, saved items, own collections, follows and notifications; anonymous usage counts.</summary>
[DbContext(typeof(PortalDbContext))]
[Migration("20261130090000_MembersAndUsage")]
public sealed class MembersAndUsage : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "member_profiles",
            columns: table => new
            {
                user_id = table.Column<string>(maxLength: 450, nullable: false),
                role = table.Column<string>(maxLength: 40, nullable: true),
                municipality_code = table.Column<string>(maxLength: 10, nullable: true),
                areas = table.Column<string>(maxLength: 1000, nullable: false),
                interests = table.Column<string>(maxLength: 4000, nullable: false),
                mail_frequency = table.Column<string>(maxLength: 20, nullable: false),
                unsubscribe_token = table.Column<string>(maxLength: 64, nullable: false),
                last_digest_at = table.Column<DateTime>(nullable: true),
                created_at = table.Column<DateTime>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_member_profiles", x => x.user_id);
                table.ForeignKey("FK_member_profiles_identity_users_user_id", x => x.user_id, "identity_users", "id", onDelete: ReferentialAction.Cascade);
            });
        migrationBuilder.CreateIndex("IX_member_profiles_unsubscribe_token", "member_profiles", "unsubscribe_token", unique: true);

        migrationBuilder.CreateTable(
            name: "saved_items",
            columns: table => new
            {
                user_id = table.Column<string>(maxLength: 450, nullable: false),
                item_id = table.Column<Guid>(nullable: false),
                saved_at = table.Column<DateTime>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_saved_items", x => new { x.user_id, x.item_id });
                table.ForeignKey("FK_saved_items_identity_users_user_id", x => x.user_id, "identity_users", "id", onDelete: ReferentialAction.Cascade);
            });
        migrationBuilder.CreateIndex("IX_saved_items_item_id", "saved_items", "item_id");

        migrationBuilder.CreateTable(
            name: "member_collections",
            columns: table => new
            {
                id = table.Column<Guid>(nullable: false),
                user_id = table.Column<string>(maxLength: 450, nullable: false),
                name = table.Column<string>(maxLength: 200, nullable: false),
                description = table.Column<string>(maxLength: 2000, nullable: false),
                share_token = table.Column<string>(maxLength: 64, nullable: true),
                created_at = table.Column<DateTime>(nullable: false),
                updated_at = table.Column<DateTime>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_member_collections", x => x.id);
                table.ForeignKey("FK_member_collections_identity_users_user_id", x => x.user_id, "identity_users", "id", onDelete: ReferentialAction.Cascade);
            });
        migrationBuilder.CreateIndex("IX_member_collections_share_token", "member_collections", "share_token", unique: true);
        migrationBuilder.CreateIndex("IX_member_collections_user_id", "member_collections", "user_id");

        migrationBuilder.CreateTable(
            name: "member_collection_items",
            columns: table => new
            {
                collection_id = table.Column<Guid>(nullable: false),
                story_id = table.Column<Guid>(nullable: false),
                position = table.Column<int>(nullable: false),
                added_at = table.Column<DateTime>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_member_collection_items", x => new { x.collection_id, x.story_id });
                table.ForeignKey("FK_member_collection_items_member_collections_collection_id", x => x.collection_id, "member_collections", "id", onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateTable(
            name: "follows",
            columns: table => new
            {
                user_id = table.Column<string>(maxLength: 450, nullable: false),
                kind = table.Column<string>(maxLength: 20, nullable: false),
                target = table.Column<string>(maxLength: 100, nullable: false),
                created_at = table.Column<DateTime>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_follows", x => new { x.user_id, x.kind, x.target });
                table.ForeignKey("FK_follows_identity_users_user_id", x => x.user_id, "identity_users", "id", onDelete: ReferentialAction.Cascade);
            });
        migrationBuilder.CreateIndex("IX_follows_kind_target", "follows", ["kind", "target"]);

        migrationBuilder.CreateTable(
            name: "member_notifications",
            columns: table => new
            {
                id = table.Column<Guid>(nullable: false),
                user_id = table.Column<string>(maxLength: 450, nullable: false),
                kind = table.Column<string>(maxLength: 40, nullable: false),
                item_id = table.Column<Guid>(nullable: false),
                text = table.Column<string>(maxLength: 1000, nullable: false),
                url = table.Column<string>(maxLength: 300, nullable: false),
                created_at = table.Column<DateTime>(nullable: false),
                read_at = table.Column<DateTime>(nullable: true),
                mailed_at = table.Column<DateTime>(nullable: true),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_member_notifications", x => x.id);
                table.ForeignKey("FK_member_notifications_identity_users_user_id", x => x.user_id, "identity_users", "id", onDelete: ReferentialAction.Cascade);
            });
        migrationBuilder.CreateIndex("IX_member_notifications_user_id_created_at", "member_notifications", ["user_id", "created_at"]);
        migrationBuilder.CreateIndex("IX_member_notifications_mailed_at", "member_notifications", "mailed_at");

        migrationBuilder.CreateTable(
            name: "usage_counts",
            columns: table => new
            {
                day = table.Column<DateOnly>(nullable: false),
                metric = table.Column<string>(maxLength: 40, nullable: false),
                subject = table.Column<string>(maxLength: 100, nullable: false),
                count = table.Column<int>(nullable: false),
            },
            constraints: table => table.PrimaryKey("PK_usage_counts", x => new { x.day, x.metric, x.subject }));
        migrationBuilder.CreateIndex("IX_usage_counts_metric_day", "usage_counts", ["metric", "day"]);
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        foreach (var table in new[] { "usage_counts", "member_notifications", "follows", "member_collection_items", "member_collections", "saved_items", "member_profiles" })
        {
            migrationBuilder.DropTable(table);
        }
    }
}
