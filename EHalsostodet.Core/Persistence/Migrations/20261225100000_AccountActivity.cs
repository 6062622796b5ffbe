using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace EHalsostodet.Core.Persistence.Migrations;

/// <summary>
/// Members' last sign-in and the reminder before an unused account is deleted. Accounts that
/// existed before get their row at the first run of the inactivity job, so their time starts then.
/// </summary>
[DbContext(typeof(PortalDbContext))]
[Migration("20261225100000_AccountActivity")]
public sealed class AccountActivities : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder) =>
        migrationBuilder.CreateTable(
            name: "account_activity",
            columns: table => new
            {
                user_id = table.Column<string>(maxLength: 450, nullable: false),
                last_sign_in_at = table.Column<DateTime>(nullable: false),
                reminder_sent_at = table.Column<DateTime>(nullable: true),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_account_activity", x => x.user_id);
                table.ForeignKey("FK_account_activity_identity_users_user_id", x => x.user_id, "identity_users", "id", onDelete: ReferentialAction.Cascade);
            });

    protected override void Down(MigrationBuilder migrationBuilder) =>
        migrationBuilder.DropTable("account_activity");
}
