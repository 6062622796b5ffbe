using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace EHalsostodet.Core.Persistence.Migrations;

/// <summary>
/// The audit log also records an administrator's lock and unlock of an account: an entry names
/// either a content item or an account, so the item becomes optional.
/// </summary>
[DbContext(typeof(PortalDbContext))]
[Migration("20261220090000_AccountAuditEntries")]
public sealed class AccountAuditEntries : Migration
{
    private const string Table = "audit_entries";
    private const string Rebuilt = "audit_entries_rebuilt";
    private const string ContentColumns = "id, item_id, item_title, action, from_state, to_state, version_number, user_id, user_name, at, comment";

    protected override void Up(MigrationBuilder migrationBuilder)
    {
        if (migrationBuilder.ActiveProvider == SearchIndex.PostgresProvider)
        {
            migrationBuilder.AlterColumn<Guid>(name: "item_id", table: Table, nullable: true, oldClrType: typeof(Guid), oldNullable: false);
            migrationBuilder.AddColumn<string>(name: "account_id", table: Table, maxLength: 450, nullable: true);
            return;
        }
        // SQLite cannot drop NOT NULL from a column: the table is rebuilt with every row and id, as EF rebuilds tables.
        RebuildForSqlite(migrationBuilder, itemRequired: false);
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.Sql($"DELETE FROM {Table} WHERE item_id IS NULL;");
        if (migrationBuilder.ActiveProvider == SearchIndex.PostgresProvider)
        {
            migrationBuilder.DropColumn(name: "account_id", table: Table);
            migrationBuilder.AlterColumn<Guid>(name: "item_id", table: Table, nullable: false, oldClrType: typeof(Guid), oldNullable: true);
            return;
        }
        RebuildForSqlite(migrationBuilder, itemRequired: true);
    }

    private static void RebuildForSqlite(MigrationBuilder migrationBuilder, bool itemRequired)
    {
        if (itemRequired)
        {
            migrationBuilder.CreateTable(
                name: Rebuilt,
                columns: table => new
                {
                    id = table.Column<long>(nullable: false).Annotation("Sqlite:Autoincrement", true),
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
        }
        else
        {
            migrationBuilder.CreateTable(
                name: Rebuilt,
                columns: table => new
                {
                    id = table.Column<long>(nullable: false).Annotation("Sqlite:Autoincrement", true),
                    item_id = table.Column<Guid>(nullable: true),
                    account_id = table.Column<string>(maxLength: 450, nullable: true),
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
        }
        migrationBuilder.Sql($"INSERT INTO {Rebuilt} ({ContentColumns}) SELECT {ContentColumns} FROM {Table};");
        migrationBuilder.DropTable(Table);
        migrationBuilder.RenameTable(Rebuilt, newName: Table);
        migrationBuilder.CreateIndex("IX_audit_entries_at", Table, "at");
        migrationBuilder.CreateIndex("IX_audit_entries_item_id_at", Table, ["item_id", "at"]);
    }
}
