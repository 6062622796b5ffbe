using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace EHalsostodet.Core.Persistence.Migrations;

/// <summary>
/// Searches without hits are counted with personal data masked from now on. The rows counted
/// before kept what visitors typed, split into words and sorted, so that a personnummer or an
/// e-mail address in them can no longer be told from other words: the list starts over.
/// Synonyms and best bets that answered old rows stay.
/// </summary>
[DbContext(typeof(PortalDbContext))]
[Migration("20261220091000_SearchMissesWithoutPersonalData")]
public sealed class SearchMissesWithoutPersonalData : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder) => migrationBuilder.Sql("DELETE FROM search_misses;");

    protected override void Down(MigrationBuilder migrationBuilder)
    {
    }
}
