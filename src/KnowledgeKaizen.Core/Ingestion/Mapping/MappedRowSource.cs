namespace KnowledgeKaizen.Core.Ingestion.Mapping;

/// <summary>
/// A file in another layout, read through a mapping row by row: the pipeline sees the kind's columns, lines stay the
/// file's own, rows the filters leave out are counted in the report, an element list makes one row per element, and a
/// value the mapping cannot translate is a problem naming the portal column and the source column.
/// </summary>
internal sealed class MappedRowSource(Stream stream, ImportFormat format, IReadOnlyList<ColumnSpec> columns, MappedImport import, ImportReport report)
    : RowSource(stream, columns)
{
    private readonly SourceReader reader = SourceReader.Open(stream, format);
    private readonly Queue<string> elements = new();
    private MappingPlan? plan;
    private RowScope? scope;

    public override double Progress => reader.Progress;

    public override string ColumnName(int column) => plan?.Describe(column) ?? base.ColumnName(column);

    public override async ValueTask<IReadOnlyList<string>> OpenAsync(List<string> warnings, CancellationToken ct)
    {
        var (compiler, problems) = await import.StartAsync(reader, Columns, report, ct);
        if (compiler is null)
        {
            return problems;
        }

        plan = compiler.CompilePlan();
        warnings.AddRange(compiler.Warnings);
        scope = new RowScope(reader, Columns);
        scope.Use(plan.Fields);
        return compiler.Problems;
    }

    public override async ValueTask<bool> ReadAsync(CancellationToken ct)
    {
        while (true)
        {
            if (elements.TryDequeue(out var element))
            {
                Map(element);
                return true;
            }

            if (!await reader.ReadAsync(ct))
            {
                return false;
            }

            Line = reader.Line;
            if (reader.RecordProblem is { } shape)
            {
                Array.Clear(Cells);
                RecordProblem = shape;
                RecordProblemColumn = null;
                MoreRecordProblems = [];
                return true;
            }

            scope!.Reset(null);
            if (plan!.Keep.FirstOrDefault(c => !c.Test(scope, scope.Cell)) is { } failed)
            {
                report.AddFiltered(failed.Describe());
                continue;
            }

            if (plan.Each is null)
            {
                Map(null);
                return true;
            }

            var found = plan.Each.EvaluateMany(scope);
            if (scope.Problems.Count > 0)
            {
                Fail();
                return true;
            }

            if (found.Count == 0)
            {
                report.AddFiltered($"{plan.Each.Describe()} = ∅");
                continue;
            }

            foreach (var e in found)
            {
                elements.Enqueue(e);
            }
        }
    }

    private void Map(string? element)
    {
        scope!.Reset(element);
        for (var i = 0; i < Cells.Length; i++)
        {
            Cells[i] = plan!.Fields[i] is null ? null : scope.FieldValue(i);
        }

        if (scope.Problems.Count > 0)
        {
            Fail();
            return;
        }

        RecordProblem = null;
        RecordProblemColumn = null;
        MoreRecordProblems = [];
        foreach (var (field, source, value) in scope.Defaults)
        {
            report.AddNote(new ImportNote(Line, ImportNoteKinds.DefaultUsed, field, value, null, source));
        }
    }

    /// <summary>The row's mapping problems as the record's problems, each with its column.</summary>
    private void Fail()
    {
        var problems = scope!.Problems;
        RecordProblemColumn = problems[0].Column;
        RecordProblem = problems[0].Reason;
        MoreRecordProblems = [.. problems.Skip(1).Select(p => new ImportProblem(Line, p.Column, p.Reason))];
        Array.Clear(Cells);
    }

    public override void Dispose()
    {
        reader.Dispose();
        base.Dispose();
    }
}
