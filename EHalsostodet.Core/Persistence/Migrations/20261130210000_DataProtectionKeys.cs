using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

namespace EHalsostodet.Core.Persistence.Migrations;

/// <summary>Data-protection keys in the database, so every instance signs and reads the same cookies and tokens.</summary>
[DbContext(typeof(PortalDbContext))]
[Migration("20261130210000_DataProtectionKeys")]
public sealed class DataProtectionKeys : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "data_protection_keys",
            columns: table => new
            {
                id = table.Column<int>(nullable: false).Annotation("Sqlite:Autoincrement", true)
                    .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                friendly_name = table.Column<string>(nullable: true),
                xml = table.Column<string>(nullable: true),
            },
            constraints: table => table.PrimaryKey("PK_data_protection_keys", x => x.id));
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropTable("data_protection_keys");
    }
}
