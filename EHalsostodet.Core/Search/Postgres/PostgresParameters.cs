using System.Data.Common;
using System.Globalization;
using Npgsql;

namespace EHalsostodet.Core.Search.Postgres;

/// <summary>The parameters of one PostgreSQL statement, named @p0, @p1, … in the order they are added.</summary>
internal sealed class PostgresParameters
{
    private readonly List<NpgsqlParameter> _parameters = [];

    /// <returns>The placeholder to write into the SQL.</returns>
    public string Add(object value)
    {
        var name = "p" + _parameters.Count.ToString(CultureInfo.InvariantCulture);
        _parameters.Add(new NpgsqlParameter(name, value));
        return "@" + name;
    }

    public void AddTo(DbCommand command)
    {
        foreach (var parameter in _parameters)
        {
            command.Parameters.Add(parameter.Clone());
        }
    }
}
