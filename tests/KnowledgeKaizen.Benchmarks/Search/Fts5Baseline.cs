using KnowledgeKaizen.Search;

namespace KnowledgeKaizen.Benchmarks.Search;

/// <summary>The baseline: SQLite FTS5 (porter + unicode61) ranked by bm25() with snippet(), same corpus and queries.</summary>
internal sealed class Fts5Baseline(string path) : IDisposable
{
    private readonly SqliteConnection _connection = Open(path);

    public double Build(IEnumerable<SearchDocument> documents)
    {
        Execute("CREATE VIRTUAL TABLE docs USING fts5(title, tags, body, type UNINDEXED, stages UNINDEXED, tokenize = 'porter unicode61')");
        var watch = Stopwatch.StartNew();
        using var transaction = _connection.BeginTransaction();
        using var insert = _connection.CreateCommand();
        insert.CommandText = "INSERT INTO docs(title, tags, body, type, stages) VALUES ($title, $tags, $body, $type, $stages)";
        var title = insert.Parameters.Add("$title", SqliteType.Text);
        var tags = insert.Parameters.Add("$tags", SqliteType.Text);
        var body = insert.Parameters.Add("$body", SqliteType.Text);
        var type = insert.Parameters.Add("$type", SqliteType.Text);
        var stages = insert.Parameters.Add("$stages", SqliteType.Text);
        var count = 0;
        foreach (var doc in documents)
        {
            // FTS5 gets the raw Markdown: stripping is part of what the Lucene side pays for.
            title.Value = doc.Title;
            tags.Value = string.Join(' ', doc.Tags);
            body.Value = doc.Body;
            type.Value = doc.Type;
            stages.Value = " " + string.Join(' ', doc.Stages) + " ";
            insert.ExecuteNonQuery();
            count++;
        }

        transaction.Commit();
        Execute("INSERT INTO docs(docs) VALUES ('optimize')");
        var rate = count / watch.Elapsed.TotalSeconds;
        Execute("PRAGMA wal_checkpoint(TRUNCATE)");
        return rate;
    }

    /// <summary>Top 10 by bm25 (title 3, tags 2.5, body 1) with a highlighted body snippet; returns the hit count.</summary>
    public int Search(BenchQuery query)
    {
        var match = ToMatch(query.Text);
        if (match.Length == 0)
        {
            return 0;
        }

        using var command = _connection.CreateCommand();
        command.CommandText = "SELECT rowid, title, snippet(docs, 2, '<mark>', '</mark>', '…', 24) FROM docs WHERE docs MATCH $match"
            + (query.Type is null ? "" : " AND type = $type")
            + (query.Stage is null ? "" : " AND stages LIKE $stage")
            + " ORDER BY bm25(docs, 3.0, 2.5, 1.0) LIMIT 10";
        command.Parameters.AddWithValue("$match", match);
        if (query.Type is not null)
        {
            command.Parameters.AddWithValue("$type", query.Type);
        }

        if (query.Stage is not null)
        {
            command.Parameters.AddWithValue("$stage", $"% {query.Stage} %");
        }

        var hits = 0;
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            _ = reader.GetString(2);
            hits++;
        }

        return hits;
    }

    public long SizeBytes() => new FileInfo(path).Length;

    public void Dispose()
    {
        _connection.Dispose();
        SqliteConnection.ClearAllPools();
    }

    // Every word (or quoted phrase) as an FTS5 string, ANDed: the same semantics as the Lucene side.
    private static string ToMatch(string text)
    {
        var parts = new List<string>();
        var segments = text.Split('"');
        for (var i = 0; i < segments.Length; i++)
        {
            if (i % 2 == 1)
            {
                parts.Add("\"" + segments[i].Replace("\"", "", StringComparison.Ordinal) + "\"");
                continue;
            }

            parts.AddRange(segments[i].Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(w => "\"" + w + "\""));
        }

        return string.Join(" AND ", parts);
    }

    private static SqliteConnection Open(string path)
    {
        var connection = new SqliteConnection($"Data Source={path};Pooling=False");
        connection.Open();
        using var pragma = connection.CreateCommand();
        pragma.CommandText = "PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL;";
        pragma.ExecuteNonQuery();
        return connection;
    }

    private void Execute(string sql)
    {
        using var command = _connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}
