using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace EHalsostodet.Core.Persistence.Migrations;

/// <summary>
/// An administrator's block becomes its own state on the account (when and by whom), separate from
/// Identity's lockout, which is no longer used: failed sign-ins are throttled instead. Accounts an
/// administrator had locked (lockout until year 9999) stay blocked; temporary lockouts from
/// failed sign-ins are lifted.
/// </summary>
[DbContext(typeof(PortalDbContext))]
[Migration("20261215090000_AccountBlocks")]
public sealed class AccountBlocks : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.AddColumn<DateTime>(name: "blocked_at", table: "identity_users", nullable: true);
        migrationBuilder.AddColumn<string>(name: "blocked_by", table: "identity_users", maxLength: 450, nullable: true);
        migrationBuilder.Sql(migrationBuilder.ActiveProvider == SearchIndex.PostgresProvider
            ? "UPDATE identity_users SET blocked_at = now() WHERE lockout_end > '9000-01-01';"
            : "UPDATE identity_users SET blocked_at = strftime('%Y-%m-%d %H:%M:%f', 'now') WHERE lockout_end >= '9000';");
        migrationBuilder.Sql("UPDATE identity_users SET lockout_end = NULL, access_failed_count = 0;");
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.Sql("UPDATE identity_users SET lockout_enabled = TRUE, lockout_end = '9999-12-31 23:59:59+00:00' WHERE blocked_at IS NOT NULL;");
        migrationBuilder.DropColumn(name: "blocked_by", table: "identity_users");
        migrationBuilder.DropColumn(name: "blocked_at", table: "identity_users");
    }
}
