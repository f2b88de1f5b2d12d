using System.Data;

namespace KnowledgeKaizen.Insights.Metrics;

/// <summary>
/// Reads and rebuilds the monthly pre-aggregates (<c>MetricMonthlyFacts</c>). A period is served as its whole
/// months from the stored rows plus its partial edge months from the live tables, through the same
/// accumulation, so the figures equal the live queries'. The stored rows are used only while
/// <c>MetricFactsState.Fresh</c> is 1: the import refresh sets it in the import's transaction, and triggers
/// on the fact tables clear it on any other write (and list the months it touched, so the next refresh
/// rebuilds only those).
/// </summary>
/// <remarks>
/// With <paramref name="segments"/>, the live facts of a partial month are computed once per data version and shared:
/// every filter and page over the same period (the rep page, a team's view) reads its edge months from memory once any
/// request or the warmer has read them. Facts are never changed after loading, so sharing them is safe.
/// </remarks>
internal sealed class MetricFactStore(DbConnection connection, ISqlDialect sql, DbTransaction? transaction = null, MetricResultCache? segments = null)
{
    private bool? fresh;

    /// <summary>The data version read by <see cref="IsFreshAsync"/> (null: the database has no metric tables).</summary>
    public long? Version { get; private set; }

    /// <summary>The data version and the feedback version read by <see cref="IsFreshAsync"/>, as one value.</summary>
    public long VersionWithFeedback { get; private set; }

    /// <summary>
    /// Whether the stored facts match the current data (false when the tables do not exist), reading the data
    /// version in the same query. <paramref name="tablesExist"/> skips the existence check when the caller knows.
    /// </summary>
    public async Task<bool> IsFreshAsync(CancellationToken ct, bool? tablesExist = null)
    {
        if (fresh is null)
        {
            var state = 0L;
            if (tablesExist ?? await ExistsAsync(ct))
            {
                await ReadAsync("""SELECT "Fresh", "Version", "FeedbackVersion" FROM "MetricFactsState" WHERE "Id" = 1""", null, r =>
                {
                    state = MetricQuery.Long(r, 0);
                    Version = MetricQuery.Long(r, 1);
                    // Both are random 64-bit values; mixed so that a change of either gives another value.
                    VersionWithFeedback = unchecked((MetricQuery.Long(r, 1) * -7046029254386353131L) ^ MetricQuery.Long(r, 2));
                }, ct);
            }

            fresh = state == 1;
        }

        return fresh.Value;
    }

    /// <summary>Whether the database has the aggregate tables (an <c>EnsureCreated</c> test database has not).</summary>
    public async Task<bool> ExistsAsync(CancellationToken ct)
    {
        var exists = false;
        await ReadAsync(sql.TableExists("@table"), [("@table", "MetricFactsState")], _ => exists = true, ct);
        return exists;
    }

    /// <summary>Facts for [from, to): stored whole months, live edges (or all live when there is no whole month).</summary>
    public async Task<List<T>> LoadAsync<T>(DateTime from, DateTime to, CancellationToken ct) where T : IMonthlyFact<T>
    {
        var facts = new List<T>();
        foreach (var (start, end, stored) in Segments(from, to))
        {
            if (stored)
            {
                await ReadAsync("""SELECT "Month", "GroupKey", "Payload" FROM "MetricMonthlyFacts" WHERE "Kind" = @kind AND "Month" >= @from AND "Month" < @to""",
                    [("@kind", T.Kind), ("@from", MonthOf(start)), ("@to", MonthOf(end))], r =>
                    {
                        using var payload = new BinaryReader(new MemoryStream((byte[])r.GetValue(2)));
                        facts.Add(T.Read(r.GetString(0), r.GetString(1), payload));
                    }, ct);
            }
            else
            {
                facts.AddRange(await LiveSegmentAsync<T>(start, end, ct));
            }
        }

        return facts;
    }

    /// <summary>
    /// Brings the stored facts up to date from the live tables and marks them fresh (call inside the writer's
    /// transaction): only the months the change triggers listed when every change since the last build was
    /// listed (<c>Partial</c>; month <c>*</c>, listed by a bulk load, stands for all months of its kind),
    /// otherwise every kind whole.
    /// </summary>
    public async Task RebuildAsync(CancellationToken ct)
    {
        var partial = false;
        await ReadAsync("""SELECT "Partial" FROM "MetricFactsState" WHERE "Id" = 1""", null, r => partial = MetricQuery.Long(r, 0) == 1, ct);
        var dirty = new List<(string Kind, string Month)>();
        if (partial)
        {
            await ReadAsync("""SELECT DISTINCT "Kind", "Month" FROM "MetricDirtyMonths" """, null, r => dirty.Add((r.GetString(0), r.GetString(1))), ct);
        }

        var whole = partial
            ? dirty.Where(d => d.Month == MetricFactsStaleness.AllMonths).Select(d => d.Kind).ToHashSet()
            : [.. AllKinds];
        foreach (var kind in whole)
        {
            await ExecuteAsync("""DELETE FROM "MetricMonthlyFacts" WHERE "Kind" = @kind""", [("@kind", kind)], ct);
            await RebuildKindAsync(kind, DateTime.MinValue, DateTime.MaxValue, ct);
        }

        foreach (var (kind, month) in dirty.Where(d => !whole.Contains(d.Kind)))
        {
            await ExecuteAsync("""DELETE FROM "MetricMonthlyFacts" WHERE "Kind" = @kind AND "Month" = @month""", [("@kind", kind), ("@month", month)], ct);
            await InsertAsync(kind, await ComputeMonthAsync(kind, month, ct), ct);
        }

        await ExecuteAsync("""DELETE FROM "MetricDirtyMonths" """, [], ct);
        await ExecuteAsync("""UPDATE "MetricFactsState" SET "Fresh" = 1, "Partial" = 0, "BuiltAt" = CURRENT_TIMESTAMP WHERE "Id" = 1""", [], ct);
        fresh = true;
    }

    /// <summary>Whether the facts are fresh and whether every change since the last build is listed.</summary>
    public async Task<(bool Fresh, bool Partial)> StateAsync(CancellationToken ct)
    {
        var state = (Fresh: false, Partial: false);
        await ReadAsync("""SELECT "Fresh", "Partial" FROM "MetricFactsState" WHERE "Id" = 1""", null,
            r => state = (MetricQuery.Long(r, 0) == 1, MetricQuery.Long(r, 1) == 1), ct);
        return state;
    }

    /// <summary>The (kind, month) pairs listed as changed; month <c>*</c> stands for all months of its kind.</summary>
    public async Task<List<(string Kind, string Month)>> DirtyAsync(CancellationToken ct)
    {
        var dirty = new List<(string Kind, string Month)>();
        await ReadAsync("""SELECT DISTINCT "Kind", "Month" FROM "MetricDirtyMonths" """, null, r => dirty.Add((r.GetString(0), r.GetString(1))), ct);
        return dirty;
    }

    /// <summary>
    /// Starts listing every change (call in a transaction of its own): what was listed before no longer matters, as every
    /// kind is listed whole.
    /// </summary>
    public async Task ListEverythingAsync(CancellationToken ct)
    {
        await ExecuteAsync("""DELETE FROM "MetricDirtyMonths" """, [], ct);
        foreach (var kind in AllKinds)
        {
            await ExecuteAsync("""INSERT INTO "MetricDirtyMonths" ("Kind", "Month") VALUES (@kind, @month)""",
                [("@kind", kind), ("@month", MetricFactsStaleness.AllMonths)], ct);
        }

        await ExecuteAsync("""UPDATE "MetricFactsState" SET "Partial" = 1 WHERE "Id" = 1""", [], ct);
    }

    /// <summary>The months a kind has facts in, live or stored: what rebuilding the kind whole means month by month.</summary>
    public async Task<List<string>> MonthsOfAsync(string kind, CancellationToken ct)
    {
        var months = new SortedSet<string>(StringComparer.Ordinal);
        await ReadAsync("""SELECT DISTINCT "Month" FROM "MetricMonthlyFacts" WHERE "Kind" = @kind""", [("@kind", kind)], r => months.Add(r.GetString(0)), ct);
        months.UnionWith(kind switch
        {
            _ when kind == StageFact.Kind => await LiveMonthsAsync<StageFact>(ct),
            _ when kind == ActivityFact.Kind => await LiveMonthsAsync<ActivityFact>(ct),
            _ when kind == DealFact.Kind => await LiveMonthsAsync<DealFact>(ct),
            _ when kind == CaseFact.Kind => await LiveMonthsAsync<CaseFact>(ct),
            _ => [],
        });
        return [.. months];
    }

    /// <summary>Replaces a kind listed whole by its months (call in a transaction of its own).</summary>
    public async Task ListMonthsAsync(string kind, IEnumerable<string> months, CancellationToken ct)
    {
        await ExecuteAsync("""DELETE FROM "MetricDirtyMonths" WHERE "Kind" = @kind AND "Month" = @month""",
            [("@kind", kind), ("@month", MetricFactsStaleness.AllMonths)], ct);
        foreach (var month in months)
        {
            await ExecuteAsync(sql.InsertOrIgnore("\"MetricDirtyMonths\"", ["\"Kind\"", "\"Month\""], ["@kind", "@month"]), [("@kind", kind), ("@month", month)], ct);
        }
    }

    /// <summary>
    /// Rebuilds one listed month of a kind from the live tables and takes it off the list (call in a transaction of its
    /// own: reading the month and storing its facts see one state, and a write after it lists the month again).
    /// </summary>
    public async Task RebuildListedMonthAsync(string kind, string month, CancellationToken ct) =>
        await ReplaceListedMonthAsync(kind, month, await ComputeMonthAsync(kind, month, ct), ct);

    /// <summary>
    /// The data version (<c>MetricFactsState.Version</c>): every write to a table the facts summarise gives it a new value,
    /// in the writer's transaction, so an unchanged value means no such write committed in between.
    /// </summary>
    public Task<long> DataVersionAsync(CancellationToken ct) => DataVersionAsync(string.Empty, ct);

    /// <summary>
    /// The stored rows of one month of a kind, computed from the live tables: the costly half of a rebuild, which needs
    /// no transaction of its own when <see cref="StoreListedMonthAsync"/> checks the data version read before it.
    /// </summary>
    public Task<IReadOnlyList<StoredFact>> ComputeMonthAsync(string kind, string month, CancellationToken ct) =>
        DateTime.TryParseExact(month, "yyyy-MM", CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var start)
            ? ComputeAsync(kind, start, start.AddMonths(1), ct)
            : Task.FromResult<IReadOnlyList<StoredFact>>([]);

    /// <summary>
    /// Stores a month computed by <see cref="ComputeMonthAsync"/> and takes it off the list if the data version is still
    /// <paramref name="version"/>, read before computing it (call in a transaction of its own); returns whether it did.
    /// Otherwise a write came in between and the month stays listed.
    /// </summary>
    /// <remarks>
    /// On PostgreSQL the version is read locked: a write commits by updating that row, so none can commit between this
    /// check and the end of the step, and a month such a write lists is never deleted here unseen.
    /// </remarks>
    public async Task<bool> StoreListedMonthAsync(string kind, string month, IReadOnlyList<StoredFact> rows, long version, CancellationToken ct)
    {
        if (await DataVersionAsync(sql.LockingRead, ct) != version)
        {
            return false;
        }

        await ReplaceListedMonthAsync(kind, month, rows, ct);
        return true;
    }

    private async Task<long> DataVersionAsync(string lockingRead, CancellationToken ct)
    {
        var version = 0L;
        await ReadAsync($"""SELECT "Version" FROM "MetricFactsState" WHERE "Id" = 1{lockingRead}""", null, r => version = MetricQuery.Long(r, 0), ct);
        return version;
    }

    /// <summary>Marks the facts fresh if nothing is listed any more (call in a transaction of its own); returns whether it did.</summary>
    public async Task<bool> MarkFreshIfNothingListedAsync(CancellationToken ct)
    {
        await using var command = Command("""UPDATE "MetricFactsState" SET "Fresh" = 1, "Partial" = 0, "BuiltAt" = CURRENT_TIMESTAMP """ +
            """WHERE "Id" = 1 AND "Partial" = 1 AND NOT EXISTS (SELECT 1 FROM "MetricDirtyMonths")""", []);
        return await command.ExecuteNonQueryAsync(ct) == 1;
    }

    private static readonly string[] AllKinds = [StageFact.Kind, ActivityFact.Kind, DealFact.Kind, CaseFact.Kind];

    private async Task<IEnumerable<string>> LiveMonthsAsync<T>(CancellationToken ct) where T : IMonthlyFact<T> =>
        (await LiveAsync<T>(sql.Instant(DateTime.MinValue), sql.Instant(DateTime.MaxValue), ct)).All.Select(f => f.Month).Distinct(StringComparer.Ordinal).ToList();

    private async Task RebuildKindAsync(string kind, DateTime from, DateTime to, CancellationToken ct) =>
        await InsertAsync(kind, await ComputeAsync(kind, from, to, ct), ct);

    private Task<IReadOnlyList<StoredFact>> ComputeAsync(string kind, DateTime from, DateTime to, CancellationToken ct) => kind switch
    {
        _ when kind == StageFact.Kind => ComputeAsync<StageFact>(from, to, ct),
        _ when kind == ActivityFact.Kind => ComputeAsync<ActivityFact>(from, to, ct),
        _ when kind == DealFact.Kind => ComputeAsync<DealFact>(from, to, ct),
        _ when kind == CaseFact.Kind => ComputeAsync<CaseFact>(from, to, ct),
        _ => Task.FromResult<IReadOnlyList<StoredFact>>([]),
    };

    private async Task ReplaceListedMonthAsync(string kind, string month, IReadOnlyList<StoredFact> rows, CancellationToken ct)
    {
        await ExecuteAsync("""DELETE FROM "MetricDirtyMonths" WHERE "Kind" = @kind AND "Month" = @month""", [("@kind", kind), ("@month", month)], ct);
        await ExecuteAsync("""DELETE FROM "MetricMonthlyFacts" WHERE "Kind" = @kind AND "Month" = @month""", [("@kind", kind), ("@month", month)], ct);
        await InsertAsync(kind, rows, ct);
    }

    /// <summary>Splits [from, to) into a leading partial month, the whole months, and a trailing partial month.</summary>
    internal static IEnumerable<(DateTime From, DateTime To, bool Stored)> Segments(DateTime from, DateTime to)
    {
        var firstWhole = from == MonthStart(from) ? from : MonthStart(from).AddMonths(1);
        var lastWhole = MonthStart(to);
        if (firstWhole >= lastWhole)
        {
            yield return (from, to, false);
            yield break;
        }

        if (from < firstWhole)
        {
            yield return (from, firstWhole, false);
        }

        yield return (firstWhole, lastWhole, true);
        if (lastWhole < to)
        {
            yield return (lastWhole, to, false);
        }
    }

    private static DateTime MonthStart(DateTime value) => new(value.Year, value.Month, 1, 0, 0, 0, value.Kind);

    private static string MonthOf(DateTime value) => value.ToString("yyyy-MM", CultureInfo.InvariantCulture);

    /// <summary>The live facts of [from, to), shared through <c>segments</c> at the data version read first.</summary>
    private async Task<IReadOnlyList<T>> LiveSegmentAsync<T>(DateTime from, DateTime to, CancellationToken ct) where T : IMonthlyFact<T>
    {
        async Task<IReadOnlyList<T>> ComputeAsync() => [.. (await LiveAsync<T>(sql.Instant(from), sql.Instant(to), ct)).All];
        return segments is not null && Version is { } version
            ? await segments.GetOrAddAsync(MetricDataLane.Crm, version, new MetricResultKey("live " + T.Kind, new MetricFilter(from, to)), ComputeAsync, ct)
            : await ComputeAsync();
    }

    private async Task<FactSet<T>> LiveAsync<T>(object from, object to, CancellationToken ct) where T : IMonthlyFact<T>
    {
        var facts = new FactSet<T>();
        await ReadAsync(T.Sql(sql), [("@from", from), ("@to", to)], r => T.Accumulate(r, facts), ct);
        return facts;
    }

    private async Task<IReadOnlyList<StoredFact>> ComputeAsync<T>(DateTime from, DateTime to, CancellationToken ct) where T : IMonthlyFact<T>
    {
        var facts = await LiveAsync<T>(sql.Instant(from), sql.Instant(to), ct);
        return [.. facts.All.Select(StoredFact.Of)];
    }

    private async Task InsertAsync(string kind, IReadOnlyList<StoredFact> rows, CancellationToken ct)
    {
        await using var insert = Command("""INSERT INTO "MetricMonthlyFacts" ("Kind", "Month", "GroupKey", "Payload") VALUES (@kind, @month, @key, @payload)""",
            [("@kind", kind), ("@month", string.Empty), ("@key", string.Empty), ("@payload", Array.Empty<byte>())]);
        await insert.PrepareAsync(ct);
        foreach (var row in rows)
        {
            insert.Parameters["@month"].Value = row.Month;
            insert.Parameters["@key"].Value = row.Key;
            insert.Parameters["@payload"].Value = row.Payload;
            await insert.ExecuteNonQueryAsync(ct);
        }
    }

    private async Task ReadAsync(string sql, (string Name, object Value)[]? parameters, Action<DbDataReader> row, CancellationToken ct)
    {
        if (connection.State != ConnectionState.Open)
        {
            await connection.OpenAsync(ct);
        }

        await using var command = Command(sql, parameters ?? []);
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            row(reader);
        }
    }

    private async Task ExecuteAsync(string sql, (string Name, object Value)[] parameters, CancellationToken ct)
    {
        await using var command = Command(sql, parameters);
        await command.ExecuteNonQueryAsync(ct);
    }

    private DbCommand Command(string sql, (string Name, object Value)[] parameters)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        command.Transaction = transaction;
        foreach (var (name, value) in parameters)
        {
            var p = command.CreateParameter();
            p.ParameterName = name;
            p.Value = value;
            command.Parameters.Add(p);
        }

        return command;
    }
}
