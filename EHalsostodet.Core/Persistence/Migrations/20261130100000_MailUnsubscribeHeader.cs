using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace EHalsostodet.Core.Persistence.Migrations;

/// <summary>The one-click unsubscribe address of a queued mail, written as List-Unsubscribe headers.</summary>
[DbContext(typeof(PortalDbContext))]
[Migration("20261130100000_MailUnsubscribeHeader")]
public sealed class MailUnsubscribeHeader : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder) =>
        migrationBuilder.AddColumn<string>(name: "unsubscribe_url", table: "outbox_emails", maxLength: 300, nullable: true);

    protected override void Down(MigrationBuilder migrationBuilder) =>
        migrationBuilder.DropColumn(name: "unsubscribe_url", table: "outbox_emails");
}
