using System.Data.Common;

namespace KnowledgeKaizen.Web.Tests.Data;

/// <summary>
/// A database's schema as sorted lines (columns, keys, indexes, foreign keys, triggers, functions), blind to what a chain
/// of migrations changes without meaning: column order, and whitespace in the SQL of triggers and functions.
/// </summary>
internal static class SchemaDescription
{
    public static Task<List<string>> OfSqliteAsync(SqliteConnection connection) => LinesAsync(connection,
        """
        SELECT 'column ' || m.name || '.' || p.name || ' ' || p.type || ' notnull=' || p."notnull" || ' default=' || ifnull(p.dflt_value, '-') || ' pk=' || p.pk
        FROM sqlite_master m JOIN pragma_table_info(m.name) p WHERE m.type = 'table' AND m.name NOT LIKE 'sqlite\_%' ESCAPE '\'
        """,
        """
        SELECT 'index ' || m.name || ' ' || (CASE WHEN i.name LIKE 'sqlite\_autoindex%' ESCAPE '\' THEN '(auto)' ELSE i.name END)
            || ' unique=' || i."unique" || ' origin=' || i.origin || ' partial=' || i.partial
            || ' (' || (SELECT group_concat(c.name, ',') FROM (SELECT name FROM pragma_index_info(i.name) ORDER BY seqno) c) || ')'
        FROM sqlite_master m JOIN pragma_index_list(m.name) i WHERE m.type = 'table'
        """,
        """
        SELECT 'foreign key ' || m.name || '.' || f."from" || ' -> ' || f."table" || '.' || ifnull(f."to", '-') || ' on delete ' || f.on_delete
        FROM sqlite_master m JOIN pragma_foreign_key_list(m.name) f WHERE m.type = 'table'
        """,
        "SELECT 'trigger ' || name || ' on ' || tbl_name || ': ' || sql FROM sqlite_master WHERE type = 'trigger'",
        "SELECT 'view ' || name || ': ' || sql FROM sqlite_master WHERE type = 'view'");

    public static Task<List<string>> OfPostgreSqlAsync(DbConnection connection) => LinesAsync(connection,
        """
        SELECT format('column %s.%s %s nullable=%s default=%s identity=%s length=%s', table_name, column_name, data_type, is_nullable,
            coalesce(column_default, '-'), is_identity, coalesce(character_maximum_length::text, '-'))
        FROM information_schema.columns WHERE table_schema = current_schema()
        """,
        """
        SELECT format('constraint %s %s %s', conrelid::regclass, conname, pg_get_constraintdef(oid))
        FROM pg_constraint WHERE connamespace = current_schema()::regnamespace
        """,
        "SELECT format('index %s', indexdef) FROM pg_indexes WHERE schemaname = current_schema()",
        """
        SELECT format('trigger %s', pg_get_triggerdef(t.oid)) FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid
        WHERE NOT t.tgisinternal AND c.relnamespace = current_schema()::regnamespace
        """,
        "SELECT format('function %s', pg_get_functiondef(oid)) FROM pg_proc WHERE pronamespace = current_schema()::regnamespace",
        """
        SELECT format('sequence %s %s start=%s by=%s', sequencename, data_type, start_value, increment_by)
        FROM pg_sequences WHERE schemaname = current_schema()
        """,
        "SELECT format('view %s', viewname) FROM pg_views WHERE schemaname = current_schema()");

    private static async Task<List<string>> LinesAsync(DbConnection connection, params string[] queries)
    {
        var lines = new List<string>();
        foreach (var query in queries)
        {
            await using var command = connection.CreateCommand();
            command.CommandText = query;
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                lines.Add(Regex.Replace(reader.GetString(0), @"\s+", " ").Trim());
            }
        }

        lines.Sort(StringComparer.Ordinal);
        return lines;
    }
}
