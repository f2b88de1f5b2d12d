namespace KnowledgeKaizen.Core.Data;

/// <summary>
/// The fragments of raw SQL that differ between databases. Every hand-written query (metrics, aggregates,
/// performer-detection data, the import's staleness marks) builds its database-specific parts here, so another
/// database needs another implementation, not edits in the queries.
/// </summary>
public interface ISqlDialect
{
    /// <summary>Whether one transaction at a time may write to the database, so writers take turns (<see cref="WriteTurns"/>).</summary>
    bool OneWriterAtATime { get; }

    /// <summary>The month of a timestamp column as 'yyyy-MM' text.</summary>
    string MonthOf(string timestamp);

    /// <summary>Fractional days from <paramref name="start"/> to <paramref name="end"/> (NULL when either is NULL).</summary>
    string DaysBetween(string start, string end);

    /// <summary>An aggregate: the number of rows for which <paramref name="condition"/> holds (NULL over no rows).</summary>
    string CountWhere(string condition);

    /// <summary>A column: 1 where <paramref name="condition"/> holds, else 0.</summary>
    string Flag(string condition);

    /// <summary>An aggregate: the sum of <paramref name="expression"/>, 0.0 over no rows.</summary>
    string Total(string expression);

    /// <summary>The larger of two numbers.</summary>
    string Greatest(string first, string second);

    /// <summary>Text equality ignoring ASCII case.</summary>
    string EqualsIgnoringCase(string left, string right);

    /// <summary>
    /// <paramref name="column"/> in a form the planner will not use an index for: where it would pick a worse index
    /// than the one the query is written for.
    /// </summary>
    string WithoutIndex(string column);

    /// <summary>A query that returns a row when the table named by parameter <paramref name="nameParameter"/> exists.</summary>
    string TableExists(string nameParameter);

    /// <summary>
    /// What ends a SELECT so that the rows it reads stay locked until the transaction ends: empty where a write transaction
    /// already keeps every other writer out.
    /// </summary>
    string LockingRead { get; }

    /// <summary>An INSERT of one row that does nothing when it would violate a unique key.</summary>
    string InsertOrIgnore(string table, IReadOnlyList<string> columns, IReadOnlyList<string> values);

    /// <summary>Statements that set up the database once it is migrated, or null when there are none.</summary>
    string? AfterMigration { get; }

    /// <summary>The parameter value of a UTC instant, compared against timestamp columns as the database stores them.</summary>
    object Instant(DateTime utc);
}
