using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

namespace EHalsostodet.Core.Persistence.Migrations;

/// <summary>Accounts and roles (ASP.NET Core Identity), the workflow's fields, the audit log and the mail outbox.</summary>
[DbContext(typeof(PortalDbContext))]
[Migration("20261122090000_AccountsAndWorkflow")]
public sealed class AccountsAndWorkflow : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.AddColumn<Guid>("scheduled_version_id", "content_items", nullable: true);
        migrationBuilder.AddColumn<string>("submitted_by_id", "content_items", maxLength: 450, nullable: true);
        migrationBuilder.AddColumn<DateTime>("submitted_at", "content_items", nullable: true);

        migrationBuilder.CreateTable(
            name: "identity_roles",
            columns: table => new
            {
                id = table.Column<string>(nullable: false),
                name = table.Column<string>(maxLength: 256, nullable: true),
                normalized_name = table.Column<string>(maxLength: 256, nullable: true),
                concurrency_stamp = table.Column<string>(nullable: true),
            },
            constraints: table => table.PrimaryKey("PK_identity_roles", x => x.id));

        migrationBuilder.CreateTable(
            name: "identity_users",
            columns: table => new
            {
                id = table.Column<string>(nullable: false),
                display_name = table.Column<string>(maxLength: 200, nullable: false),
                user_name = table.Column<string>(maxLength: 256, nullable: true),
                normalized_user_name = table.Column<string>(maxLength: 256, nullable: true),
                email = table.Column<string>(maxLength: 256, nullable: true),
                normalized_email = table.Column<string>(maxLength: 256, nullable: true),
                email_confirmed = table.Column<bool>(nullable: false),
                password_hash = table.Column<string>(nullable: true),
                security_stamp = table.Column<string>(nullable: true),
                concurrency_stamp = table.Column<string>(nullable: true),
                phone_number = table.Column<string>(nullable: true),
                phone_number_confirmed = table.Column<bool>(nullable: false),
                two_factor_enabled = table.Column<bool>(nullable: false),
                lockout_end = table.Column<DateTimeOffset>(nullable: true),
                lockout_enabled = table.Column<bool>(nullable: false),
                access_failed_count = table.Column<int>(nullable: false),
            },
            constraints: table => table.PrimaryKey("PK_identity_users", x => x.id));

        migrationBuilder.CreateTable(
            name: "identity_role_claims",
            columns: table => new
            {
                id = table.Column<int>(nullable: false).Annotation("Sqlite:Autoincrement", true)
                    .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                role_id = table.Column<string>(nullable: false),
                claim_type = table.Column<string>(nullable: true),
                claim_value = table.Column<string>(nullable: true),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_identity_role_claims", x => x.id);
                table.ForeignKey("FK_identity_role_claims_identity_roles_role_id", x => x.role_id, "identity_roles", "id", onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateTable(
            name: "identity_user_claims",
            columns: table => new
            {
                id = table.Column<int>(nullable: false).Annotation("Sqlite:Autoincrement", true)
                    .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                user_id = table.Column<string>(nullable: false),
                claim_type = table.Column<string>(nullable: true),
                claim_value = table.Column<string>(nullable: true),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_identity_user_claims", x => x.id);
                table.ForeignKey("FK_identity_user_claims_identity_users_user_id", x => x.user_id, "identity_users", "id", onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateTable(
            name: "identity_user_logins",
            columns: table => new
            {
                login_provider = table.Column<string>(nullable: false),
                provider_key = table.Column<string>(nullable: false),
                provider_display_name = table.Column<string>(nullable: true),
                user_id = table.Column<string>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_identity_user_logins", x => new { x.login_provider, x.provider_key });
                table.ForeignKey("FK_identity_user_logins_identity_users_user_id", x => x.user_id, "identity_users", "id", onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateTable(
            name: "identity_user_roles",
            columns: table => new
            {
                user_id = table.Column<string>(nullable: false),
                role_id = table.Column<string>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_identity_user_roles", x => new { x.user_id, x.role_id });
                table.ForeignKey("FK_identity_user_roles_identity_roles_role_id", x => x.role_id, "identity_roles", "id", onDelete: ReferentialAction.Cascade);
                table.ForeignKey("FK_identity_user_roles_identity_users_user_id", x => x.user_id, "identity_users", "id", onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateTable(
            name: "identity_user_tokens",
            columns: table => new
            {
                user_id = table.Column<string>(nullable: false),
                login_provider = table.Column<string>(nullable: false),
                name = table.Column<string>(nullable: false),
                value = table.Column<string>(nullable: true),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_identity_user_tokens", x => new { x.user_id, x.login_provider, x.name });
                table.ForeignKey("FK_identity_user_tokens_identity_users_user_id", x => x.user_id, "identity_users", "id", onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateTable(
            name: "audit_entries",
            columns: table => new
            {
                id = table.Column<long>(nullable: false).Annotation("Sqlite:Autoincrement", true)
                    .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                item_id = table.Column<Guid>(nullable: false),
                item_title = table.Column<string>(maxLength: 200, nullable: false),
                action = table.Column<string>(maxLength: 40, nullable: false),
                from_state = table.Column<string>(maxLength: 20, nullable: true),
                to_state = table.Column<string>(maxLength: 20, nullable: true),
                version_number = table.Column<int>(nullable: true),
                user_id = table.Column<string>(maxLength: 450, nullable: true),
                user_name = table.Column<string>(maxLength: 256, nullable: false),
                at = table.Column<DateTime>(nullable: false),
                comment = table.Column<string>(maxLength: 2000, nullable: false),
            },
            constraints: table => table.PrimaryKey("PK_audit_entries", x => x.id));

        migrationBuilder.CreateTable(
            name: "outbox_emails",
            columns: table => new
            {
                id = table.Column<long>(nullable: false).Annotation("Sqlite:Autoincrement", true)
                    .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                to = table.Column<string>(maxLength: 256, nullable: false),
                subject = table.Column<string>(maxLength: 300, nullable: false),
                body = table.Column<string>(nullable: false),
                created_at = table.Column<DateTime>(nullable: false),
                sent_at = table.Column<DateTime>(nullable: true),
                attempts = table.Column<int>(nullable: false),
                last_error = table.Column<string>(maxLength: 1000, nullable: false),
            },
            constraints: table => table.PrimaryKey("PK_outbox_emails", x => x.id));

        migrationBuilder.CreateIndex("IX_identity_role_claims_role_id", "identity_role_claims", "role_id");
        migrationBuilder.CreateIndex("RoleNameIndex", "identity_roles", "normalized_name", unique: true);
        migrationBuilder.CreateIndex("IX_identity_user_claims_user_id", "identity_user_claims", "user_id");
        migrationBuilder.CreateIndex("IX_identity_user_logins_user_id", "identity_user_logins", "user_id");
        migrationBuilder.CreateIndex("IX_identity_user_roles_role_id", "identity_user_roles", "role_id");
        migrationBuilder.CreateIndex("EmailIndex", "identity_users", "normalized_email");
        migrationBuilder.CreateIndex("UserNameIndex", "identity_users", "normalized_user_name", unique: true);
        migrationBuilder.CreateIndex("IX_audit_entries_at", "audit_entries", "at");
        migrationBuilder.CreateIndex("IX_audit_entries_item_id_at", "audit_entries", ["item_id", "at"]);
        migrationBuilder.CreateIndex("IX_outbox_emails_sent_at", "outbox_emails", "sent_at");
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        foreach (var table in new[] { "outbox_emails", "audit_entries", "identity_user_tokens", "identity_user_roles", "identity_user_logins", "identity_user_claims", "identity_role_claims", "identity_users", "identity_roles" })
        {
            migrationBuilder.DropTable(table);
        }
        migrationBuilder.DropColumn("submitted_at", "content_items");
        migrationBuilder.DropColumn("submitted_by_id", "content_items");
        migrationBuilder.DropColumn("scheduled_version_id", "content_items");
    }
}
