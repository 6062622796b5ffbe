using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace EHalsostodet.Core.Persistence.Migrations;

/// <summary>Messages from the contact form, with the status the editors give them.</summary>
[DbContext(typeof(PortalDbContext))]
[Migration("20261225090000_ContactMessages")]
public sealed class ContactMessages : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "contact_messages",
            columns: table => new
            {
                id = table.Column<Guid>(nullable: false),
                subject = table.Column<string>(maxLength: 20, nullable: false),
                name = table.Column<string>(maxLength: 100, nullable: false),
                email = table.Column<string>(maxLength: 254, nullable: false),
                message = table.Column<string>(maxLength: 5000, nullable: false),
                received_at = table.Column<DateTime>(nullable: false),
                status = table.Column<string>(maxLength: 20, nullable: false),
                status_changed_at = table.Column<DateTime>(nullable: true),
                status_changed_by = table.Column<string>(maxLength: 200, nullable: true),
            },
            constraints: table => table.PrimaryKey("PK_contact_messages", x => x.id));
        migrationBuilder.CreateIndex("IX_contact_messages_status", "contact_messages", "status");
    }

    protected override void Down(MigrationBuilder migrationBuilder) =>
        migrationBuilder.DropTable("contact_messages");
}
