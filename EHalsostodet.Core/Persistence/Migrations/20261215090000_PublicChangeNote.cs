using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace EHalsostodet.Core.Persistence.Migrations;

/// <summary>A version's public "what changed" text, apart from the editors' internal change note.</summary>
[DbContext(typeof(PortalDbContext))]
[Migration("20261215090000_PublicChangeNote")]
public sealed class PublicChangeNote : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder) =>
        migrationBuilder.AddColumn<string>(name: "public_change_note", table: "content_versions", maxLength: 1000, nullable: true);

    protected override void Down(MigrationBuilder migrationBuilder) =>
        migrationBuilder.DropColumn(name: "public_change_note", table: "content_versions");
}
