using Mono.Cecil;
using Mono.Cecil.Cil;

namespace KnowledgeKaizen.Architecture.Tests;

/// <summary>The seams the next work swaps stay the only way to what they stand for.</summary>
public sealed class SeamRulesTests
{
    private static readonly string[] SystemClock =
    [
        "System.DateTime System.DateTime::get_Now()",
        "System.DateTime System.DateTime::get_UtcNow()",
        "System.DateTime System.DateTime::get_Today()",
        "System.DateTimeOffset System.DateTimeOffset::get_Now()",
        "System.DateTimeOffset System.DateTimeOffset::get_UtcNow()",
    ];

    // What only SQLite understands; everywhere else raw SQL asks ISqlDialect for it.
    private static readonly string[] SqliteOnly = ["julianday(", "substr(", "sqlite_master", "INSERT OR IGNORE", "TOTAL(", "COLLATE NOCASE", "PRAGMA"];

    // The dialect itself, the import's SQLite staging and apply (raw sqlite3 statements on the connection, by design)
    // and the SQLite backup (a server database is backed up by its own tools).
    private static readonly string[] SqliteAdapters =
    [
        "KnowledgeKaizen.Core.Data.SqliteDialect",
        "KnowledgeKaizen.Core.Ingestion.SqliteImportStaging",
        "KnowledgeKaizen.Core.Ingestion.StagingWriter",
        "KnowledgeKaizen.Core.Backups.SqliteBackup",
    ];

    [Fact]
    public void NoCode_ReadsTheSystemClock_EverythingAsksTimeProvider()
    {
        var readers = CodeScan.Instructions()
            .Where(x => x.Instruction.OpCode.Code is Code.Call && x.Instruction.Operand is MethodReference m && SystemClock.Contains(m.FullName))
            .Select(x => $"{x.Type.FullName}.{x.Method.Name}").Distinct().ToList();

        Assert.True(readers.Count == 0, "Reads the system clock instead of TimeProvider: " + string.Join(", ", readers));
    }

    [Fact]
    public void RawSql_WritesSqliteOnlyFragments_ThroughTheDialect()
    {
        var writers = CodeScan.Instructions()
            .Where(x => x.Instruction.OpCode.Code is Code.Ldstr && x.Instruction.Operand is string text
                && SqliteOnly.Any(f => text.Contains(f, StringComparison.OrdinalIgnoreCase)))
            .Select(x => CodeScan.Outermost(x.Type))
            // Generated code holds text, not SQL (the OpenAPI generator embeds every XML doc comment as a string).
            .Where(t => !t.CustomAttributes.Any(a => a.AttributeType.FullName == "System.CodeDom.Compiler.GeneratedCodeAttribute"))
            .Select(t => t.FullName)
            .Where(t => !SqliteAdapters.Contains(t) && !t.StartsWith("KnowledgeKaizen.Data.Sqlite.", StringComparison.Ordinal))
            .Distinct().ToList();

        Assert.True(writers.Count == 0, "SQLite-only SQL outside ISqlDialect: " + string.Join(", ", writers));
    }
}
