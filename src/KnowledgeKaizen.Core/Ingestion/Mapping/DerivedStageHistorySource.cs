namespace KnowledgeKaizen.Core.Ingestion.Mapping;

/// <summary>
/// Stage history derived from a CRM's stage changes: the whole file is read into compact events per opportunity (the
/// only part that grows with the file, a few dozen bytes an event), then each opportunity's rows are derived
/// (<see cref="StageHistoryDerivation"/>) with the imported opportunity's outcome, creation, close and owner, and handed
/// to the pipeline one by one. A value missing from the stage map, or an opportunity not imported yet, is a problem on
/// the line concerned and that opportunity gets no rows.
/// </summary>
internal sealed class DerivedStageHistorySource(Stream stream, ImportFormat format, IReadOnlyList<ColumnSpec> columns, MappedImport import,
    ImportReport report) : RowSource(stream, columns)
{
    private const string Events = "events", FieldHistory = "field-history", EnteredColumns = "entered-columns";
    private const int Id = 0, Opportunity = 1, Stage = 2, Rep = 3, EnteredAt = 4, LeftAt = 5, Outcome = 6;

    private readonly SourceReader reader = SourceReader.Open(stream, format);
    private readonly StageDerivationRule rule = import.Mapping.Derive!;
    private readonly Dictionary<string, List<RawEvent>> byOpportunity = new(StringComparer.Ordinal);
    private readonly List<string> order = [];
    private readonly Queue<Output> pending = new();
    private readonly Dictionary<string, string> stageMap = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, string> states = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, string> currentStage = new(StringComparer.Ordinal);
    private string opportunitySource = "opportunity_id";
    private string stageSource = "stage";
    private int next;

    public override double Progress => next == 0 ? reader.Progress : (double)next / Math.Max(1, order.Count);

    public override string ColumnName(int column) => column switch
    {
        Opportunity => $"opportunity_id ({opportunitySource})",
        Stage => $"stage ({stageSource})",
        _ => base.ColumnName(column),
    };

    public override async ValueTask<IReadOnlyList<string>> OpenAsync(List<string> warnings, CancellationToken ct)
    {
        var (compiler, failed) = await import.StartAsync(reader, Columns, report, ct);
        if (compiler is null)
        {
            return failed;
        }

        var problems = compiler.Problems;
        var stages = import.Context.Stages;
        foreach (var (value, target) in rule.Stages)
        {
            if (target is not ("won" or "lost" or "ignore") && !stages.Contains(target, StringComparer.Ordinal))
            {
                problems.Add(ImportMessages.Format(ImportMessages.StageMapTarget, value, target, string.Join(", ", stages)));
            }

            stageMap[value.Trim()] = target;
        }

        foreach (var (value, meaning) in rule.States ?? new Dictionary<string, string>())
        {
            states[value.Trim()] = meaning;
        }

        var keep = import.Mapping.Keep.Select(c => compiler.Main(c, ImportMessages.AFilter)).ToList();
        var opportunity = compiler.Required(rule.Opportunity, ImportMessages.TheOpportunity);
        opportunitySource = opportunity.Describe();
        var read = rule.Shape switch
        {
            EnteredColumns => EnteredColumnsReader(compiler, opportunity, problems),
            FieldHistory => FieldHistoryReader(compiler, opportunity),
            _ => EventsReader(compiler, opportunity),
        };
        LoadRecords(problems);
        if (problems.Count > 0)
        {
            return problems;
        }

        var scope = new RowScope(reader, Columns);
        while (await reader.ReadAsync(ct))
        {
            if (reader.RecordProblem is { } shape)
            {
                pending.Enqueue(new Output(reader.Line, null, null, shape));
                continue;
            }

            scope.Reset(null);
            if (keep.FirstOrDefault(c => !c.Test(scope, scope.Cell)) is { } filter)
            {
                report.AddFiltered(filter.Describe());
                continue;
            }

            read(scope);
            if (scope.Problems.Count > 0)
            {
                var (column, reason) = scope.Problems[0];
                pending.Enqueue(new Output(reader.Line, null, column, reason));
            }
        }

        foreach (var id in currentStage.Keys.Where(id => !byOpportunity.ContainsKey(id)))
        {
            byOpportunity[id] = [];
            order.Add(id);
        }

        return [];
    }

    public override ValueTask<bool> ReadAsync(CancellationToken ct)
    {
        while (pending.Count == 0 && next < order.Count)
        {
            Derive(order[next++]);
        }

        if (!pending.TryDequeue(out var output))
        {
            return ValueTask.FromResult(false);
        }

        Line = output.Line;
        RecordProblem = output.Problem;
        RecordProblemColumn = output.Column;
        Array.Clear(Cells);
        if (output.Cells is { } cells)
        {
            cells.CopyTo(Cells, 0);
        }

        return ValueTask.FromResult(true);
    }

    private Action<RowScope> EventsReader(MappingCompiler compiler, RuleNode opportunity)
    {
        var at = compiler.Required(rule.At ?? new FieldRule(), ImportMessages.TheTimeOfAChange, isDate: true);
        var stage = compiler.Required(rule.Stage ?? new FieldRule(), ImportMessages.TheStage);
        stageSource = stage.Describe();
        return scope => Add(scope, opportunity, at, RawEventKind.Stage, stage.Evaluate(scope), null);
    }

    private Action<RowScope> FieldHistoryReader(MappingCompiler compiler, RuleNode opportunity)
    {
        var at = compiler.Required(rule.At ?? new FieldRule(), ImportMessages.TheTimeOfAChange, isDate: true);
        var field = compiler.Required(rule.FieldName ?? new FieldRule(), ImportMessages.TheChangedField);
        var oldValue = compiler.Required(rule.OldValue ?? new FieldRule(), ImportMessages.TheOldValue);
        var newValue = compiler.Required(rule.NewValue ?? new FieldRule(), ImportMessages.TheNewValue);
        stageSource = newValue.Describe();
        var stageFields = new HashSet<string>(rule.StageFields, StringComparer.OrdinalIgnoreCase);
        var stateFields = new HashSet<string>(rule.StateFields, StringComparer.OrdinalIgnoreCase);
        var filter = $"{field.Describe()} ∈ {{{string.Join(", ", rule.StageFields.Concat(rule.StateFields))}}}";
        return scope =>
        {
            var name = field.Evaluate(scope)?.Trim() ?? string.Empty;
            if (stageFields.Contains(name))
            {
                Add(scope, opportunity, at, RawEventKind.Stage, newValue.Evaluate(scope), oldValue.Evaluate(scope));
            }
            else if (stateFields.Contains(name))
            {
                Add(scope, opportunity, at, RawEventKind.State, newValue.Evaluate(scope), null, name);
            }
            else
            {
                report.AddFiltered(filter);
            }
        };
    }

    /// <summary>One row per opportunity; every "date entered" column with a value is an event for its stage.</summary>
    private Action<RowScope> EnteredColumnsReader(MappingCompiler compiler, RuleNode opportunity, List<string> problems)
    {
        var patterns = rule.EnteredColumns.Select(p => new Regex("^" + Regex.Escape(p).Replace("\\{stage}", "(.+)", StringComparison.Ordinal) + "$",
            RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)).ToList();
        var stageColumns = new List<(int Column, string Stage)>();
        for (var i = 0; i < reader.Header.Count; i++)
        {
            if (patterns.Select(p => p.Match(reader.Header[i])).FirstOrDefault(m => m.Success) is { } match)
            {
                stageColumns.Add((i, match.Groups[1].Value.Trim()));
            }
        }

        if (stageColumns.Count == 0)
        {
            problems.Add(ImportMessages.Format(ImportMessages.NoEnteredColumn, string.Join(" or ", rule.EnteredColumns)));
        }

        stageSource = rule.EnteredColumns.FirstOrDefault() ?? "stage";
        return scope =>
        {
            var id = opportunity.Evaluate(scope)?.Trim();
            if (string.IsNullOrEmpty(id))
            {
                scope.Problem(opportunity.Describe(), ImportMessages.ValueRequired);
                return;
            }

            foreach (var (column, stage) in stageColumns)
            {
                if (scope.Cell(column) is not { } text)
                {
                    continue;
                }

                if (!import.Context.Dates.TryParse(text, rule.EnteredFormat, out var at, out _))
                {
                    scope.Problem(reader.Header[column], rule.EnteredFormat is null
                        ? ImportMessages.Format(ImportMessages.NotDate, RuleNode.Shorten(text))
                        : ImportMessages.Format(ImportMessages.NotDateInFormat, RuleNode.Shorten(text), rule.EnteredFormat));
                    return;
                }

                Group(id).Add(new RawEvent(at, RawEventKind.Stage, stage, null, reader.Line, reader.Header[column]));
            }
        };
    }

    private void Add(RowScope scope, RuleNode opportunity, RuleNode at, RawEventKind kind, string? value, string? oldValue, string? field = null)
    {
        var id = opportunity.Evaluate(scope)?.Trim();
        var time = at.Evaluate(scope);
        if (scope.Problems.Count > 0)
        {
            return;
        }

        if (string.IsNullOrEmpty(id) || time is null)
        {
            scope.Problem(string.IsNullOrEmpty(id) ? opportunity.Describe() : at.Describe(), ImportMessages.ValueRequired);
            return;
        }

        IsoDates.TryParse(time, out var utc);
        Group(id).Add(new RawEvent(utc, kind, value?.Trim() ?? string.Empty, oldValue?.Trim(), reader.Line, field));
    }

    private List<RawEvent> Group(string id)
    {
        if (!byOpportunity.TryGetValue(id, out var list))
        {
            byOpportunity[id] = list = [];
            order.Add(id);
        }

        return list;
    }

    /// <summary>The records companion: every opportunity's current stage, which is where one that never changed starts.</summary>
    private void LoadRecords(List<string> problems)
    {
        if (rule.Records is not { } records || !import.Context.Tables.TryGetValue(records.Companion, out var table))
        {
            return;
        }

        var id = table.IndexOf(records.Id);
        var stage = table.IndexOf(records.Stage);
        if (id < 0 || stage < 0)
        {
            problems.Add(ImportMessages.Format(ImportMessages.TableHasNoColumn, table.Name, id < 0 ? records.Id : records.Stage));
            return;
        }

        for (var row = 0; row < table.Count; row++)
        {
            if (table.Cell(row, id)?.Trim() is { Length: > 0 } key)
            {
                currentStage[key] = table.Cell(row, stage)?.Trim() ?? string.Empty;
            }
        }
    }

    private void Derive(string id)
    {
        var raw = byOpportunity[id];
        var firstLine = raw.Count > 0 ? raw.Min(e => e.Line) : 0;
        if (!import.Context.Opportunities.TryGetValue(id, out var facts))
        {
            pending.Enqueue(new Output(firstLine, null, ColumnName(Opportunity), ImportMessages.Format(ImportMessages.ImportOpportunitiesFirst, id)));
            return;
        }

        var stages = import.Context.Stages;
        var events = new List<StageEvent>();
        var bad = new List<Output>();
        foreach (var change in Changes(id, raw, facts))
        {
            var target = change.Target;
            if (target is null)
            {
                if (!stageMap.TryGetValue(change.Value, out var code))
                {
                    bad.Add(new Output(change.Line, null, change.Column ?? ColumnName(Stage), ImportMessages.Format(ImportMessages.NotInStageMap, RuleNode.Shorten(change.Value))));
                    continue;
                }

                target = code switch
                {
                    "won" => StageEvent.Won,
                    "lost" => StageEvent.Lost,
                    "ignore" => StageEvent.Ignore,
                    _ => IndexOf(stages, code),
                };
            }

            events.Add(new StageEvent(change.At, target.Value, change.Value, change.Line));
        }

        if (bad.Count > 0)
        {
            bad.ForEach(pending.Enqueue);
            return;
        }

        var derived = StageHistoryDerivation.Derive(id, events, stages, facts.Outcome, facts.ClosedAt);
        foreach (var note in derived.Notes)
        {
            report.AddNote(new ImportNote(note.Line, NoteKind(note.Kind), note.Opportunity, note.Detail, note.At, note.Source));
        }

        foreach (var row in derived.Rows)
        {
            var cells = new string?[Columns.Count];
            cells[Id] = $"{id}:{row.Stage}";
            cells[Opportunity] = id;
            cells[Stage] = row.Stage;
            cells[Rep] = facts.Owner;
            cells[EnteredAt] = DateReader.Format(row.EnteredAt, false);
            cells[LeftAt] = row.LeftAt is { } left ? DateReader.Format(left, false) : null;
            cells[Outcome] = row.Outcome.ToString().ToLowerInvariant();
            pending.Enqueue(new Output(row.Line, cells, null, null));
        }
    }

    /// <summary>
    /// The opportunity's changes in time order. Field history starts with the old value of the first stage change at the
    /// opportunity's creation (or its current stage when it never changed); a state is won, lost, or reopens the deal in
    /// the stage it is in at that moment.
    /// </summary>
    private List<Change> Changes(string id, List<RawEvent> raw, OpportunityFacts facts)
    {
        var sorted = raw.OrderBy(e => e.At).ToList();
        if (rule.Shape != FieldHistory)
        {
            return sorted.Select(e => new Change(e.At, e.Value, e.Line, e.Column, null)).ToList();
        }

        var changes = new List<Change>();
        var firstStage = sorted.FirstOrDefault(e => e.Kind == RawEventKind.Stage);
        var stage = firstStage is not null
            ? (string.IsNullOrEmpty(firstStage.OldValue) ? null : firstStage.OldValue)
            : currentStage.GetValueOrDefault(id) is { Length: > 0 } current ? current : null;
        if (stage is not null)
        {
            changes.Add(new Change(facts.CreatedAt, stage, firstStage?.Line ?? sorted.FirstOrDefault()?.Line ?? 0, null, null));
        }

        foreach (var e in sorted)
        {
            if (e.Kind == RawEventKind.Stage)
            {
                stage = e.Value;
                changes.Add(new Change(e.At, e.Value, e.Line, null, null));
                continue;
            }

            var source = $"{e.Column} {e.Value}";
            switch (states.GetValueOrDefault(e.Value))
            {
                case "won":
                    changes.Add(new Change(e.At, source, e.Line, null, StageEvent.Won));
                    break;
                case "lost":
                    changes.Add(new Change(e.At, source, e.Line, null, StageEvent.Lost));
                    break;
                case "reopened":
                    if (stage is not null)
                    {
                        changes.Add(new Change(e.At, stage, e.Line, null, null));
                    }

                    break;
                case "ignore":
                    break;
                default:
                    changes.Add(new Change(e.At, e.Value, e.Line, ColumnName(Stage), null));
                    break;
            }
        }

        return changes;
    }

    private static int IndexOf(IReadOnlyList<string> stages, string code)
    {
        for (var i = 0; i < stages.Count; i++)
        {
            if (stages[i] == code)
            {
                return i;
            }
        }

        return -1;
    }

    private static string NoteKind(DerivationNoteKind kind) => kind switch
    {
        DerivationNoteKind.Skipped => ImportNoteKinds.Skipped,
        DerivationNoteKind.FilledToWon => ImportNoteKinds.FilledToWon,
        DerivationNoteKind.Backward => ImportNoteKinds.Backward,
        DerivationNoteKind.Reopened => ImportNoteKinds.Reopened,
        DerivationNoteKind.TerminalMissing => ImportNoteKinds.TerminalMissing,
        DerivationNoteKind.StateConflict => ImportNoteKinds.StateConflict,
        _ => ImportNoteKinds.NoHistory,
    };

    public override void Dispose()
    {
        reader.Dispose();
        base.Dispose();
    }

    private enum RawEventKind : byte
    {
        Stage,
        State,
    }

    private sealed record RawEvent(DateTime At, RawEventKind Kind, string Value, string? OldValue, long Line, string? Column);

    private sealed record Output(long Line, string?[]? Cells, string? Column, string? Problem);

    /// <summary>A change to a vendor value (looked up in the stage map) or, for a state, straight to won or lost.</summary>
    private sealed record Change(DateTime At, string Value, long Line, string? Column, int? Target);
}
