using System.Data.Common;
using System.Globalization;
using System.Text;
using EHalsostodet.Core.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace EHalsostodet.Benchmarks.Search.Queries;

/// <summary>
/// What a developer might write without a full-text index: every word as a LIKE over the title
/// and the stored document, a join for a facet filter, newest first, one page and the total.
/// No stemming, ranking, facet counts or snippets.
/// </summary>
internal sealed class LikeScanBaseline(int pageSize) : ISearchUnderTest
{
    public string Name => "LIKE baseline";

    public async Task<SearchOutcome> SearchAsync(IServiceProvider services, BenchmarkQuery query, CancellationToken cancellationToken)
    {
        var db = services.GetRequiredService<PortalDbContext>();
        var connection = db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            await using var command = connection.CreateCommand();
            var sql = new StringBuilder("SELECT p.item_id, p.type, p.title, p.slug, count(*) OVER () AS total FROM published_content p");
            if (query.Filter is var (facet, value))
            {
                sql.Append(" JOIN published_facets f ON f.item_id = p.item_id AND f.facet = $facet AND f.value = $value");
                Add(command, "$facet", facet);
                Add(command, "$value", value);
            }
            for (var i = 0; i < query.Substrings.Count; i++)
            {
                var name = "$w" + i.ToString(CultureInfo.InvariantCulture);
                sql.Append(i == 0 ? " WHERE " : " AND ").Append(CultureInfo.InvariantCulture, $"(p.title LIKE {name} OR p.document_json LIKE {name})");
                Add(command, name, "%" + query.Substrings[i] + "%");
            }
            sql.Append(" ORDER BY p.first_published_at DESC LIMIT $limit");
            Add(command, "$limit", pageSize);
            command.CommandText = sql.ToString();

            var total = 0;
            var rows = 0;
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                total = reader.GetInt32(4);
                rows++;
            }
            return new SearchOutcome(total, rows);
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    private static void Add(DbCommand command, string name, object value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value;
        command.Parameters.Add(parameter);
    }
}
