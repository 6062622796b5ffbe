using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace EHalsostodet.Core.Persistence.Migrations;

/// <summary>
/// A counter on each account that goes up whenever the member saves, follows or changes an own
/// collection, so that every instance can keep what a member has saved in memory and still see a
/// change made on another instance at the member's next request.
/// </summary>
[DbContext(typeof(PortalDbContext))]
[Migration("20261226090000_MemberStateVersion")]
public sealed class MemberStateVersion : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder) =>
        migrationBuilder.AddColumn<long>(name: "member_state_version", table: "identity_users", nullable: false, defaultValue: 0L);

    protected override void Down(MigrationBuilder migrationBuilder) =>
        migrationBuilder.DropColumn(name: "member_state_version", table: "identity_users");
}
