namespace KnowledgeKaizen.Insights.Metrics;

/// <summary>
/// Turns a <see cref="MetricFilter"/> into a parameterised WHERE clause for one fact table. Joins are added
/// only for the dimensions actually filtered on, so the common unfiltered dashboard scans one table.
/// </summary>
internal sealed class SqlScope(ISqlDialect sql)
{
    private readonly List<string> joins = [];
    private readonly List<string> conditions = [];
    private readonly Dictionary<string, object> parameters = [];

    public string Joins => string.Join(' ', joins);

    public string Where => conditions.Count == 0 ? "1=1" : string.Join(" AND ", conditions);

    public SqlScope Period(string column, DateTime from, DateTime to)
    {
        conditions.Add($"{column} >= @from AND {column} < @to");
        parameters["@from"] = sql.Instant(from);
        parameters["@to"] = sql.Instant(to);
        return this;
    }

    public SqlScope Condition(string sql)
    {
        conditions.Add(sql);
        return this;
    }

    /// <summary>Team, region and rep applied to the rep referenced by <paramref name="repColumn"/>.</summary>
    public SqlScope Rep(MetricFilter filter, string repColumn)
    {
        if (filter.RepId is { } rep)
        {
            conditions.Add($"{repColumn} = @rep");
            parameters["@rep"] = rep;
        }

        if (filter.Team is not null || filter.Region is not null)
        {
            joins.Add($"JOIN \"Reps\" fr ON fr.\"Id\" = {repColumn}");
            Equal("fr.\"Team\"", "@team", filter.Team);
            Equal("fr.\"Region\"", "@region", filter.Region);
        }

        return this;
    }

    /// <summary>Industry and source of the opportunity referenced by <paramref name="opportunityColumn"/>.</summary>
    public SqlScope Opportunity(MetricFilter filter, string opportunityColumn)
    {
        if (filter.Industry is not null || filter.Source is not null)
        {
            joins.Add($"JOIN \"Opportunities\" fo ON fo.\"Id\" = {opportunityColumn}");
            Equal("fo.\"Industry\"", "@industry", filter.Industry);
            Equal("fo.\"Source\"", "@source", filter.Source?.ToString());
        }

        return this;
    }

    /// <summary>Industry of the customer referenced by <paramref name="customerColumn"/> (cases, feedback).</summary>
    public SqlScope CustomerIndustry(MetricFilter filter, string customerColumn)
    {
        if (filter.Industry is not null)
        {
            joins.Add($"JOIN \"Customers\" fc ON fc.\"Id\" = {customerColumn}");
            Equal("fc.\"Industry\"", "@industry", filter.Industry);
        }

        return this;
    }

    public SqlScope Stage(MetricFilter filter, string stageColumn)
    {
        if (filter.Stage is not null)
        {
            conditions.Add($"{stageColumn} = (SELECT \"Id\" FROM \"SalesStages\" WHERE \"Code\" = @stage)");
            parameters["@stage"] = filter.Stage;
        }

        return this;
    }

    public SqlScope Parameter(string name, object value)
    {
        parameters[name] = value;
        return this;
    }

    public void Bind(DbCommand command)
    {
        foreach (var (name, value) in parameters)
        {
            var p = command.CreateParameter();
            p.ParameterName = name;
            p.Value = value;
            command.Parameters.Add(p);
        }
    }

    private void Equal(string column, string name, string? value)
    {
        if (value is not null)
        {
            conditions.Add($"{column} = {name}");
            parameters[name] = value;
        }
    }
}
