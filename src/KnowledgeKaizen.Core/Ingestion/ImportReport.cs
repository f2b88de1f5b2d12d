using System.Text.Json.Serialization;

namespace KnowledgeKaizen.Core.Ingestion;

/// <summary>What an import did (or, for a dry run or a rejected file, would have done).</summary>
public sealed class ImportReport
{
    /// <summary>Problems kept in the report; the rest are only counted.</summary>
    public const int MaxProblems = 1000;

    public required ImportKind Kind { get; init; }

    public required ImportMode Mode { get; init; }

    public bool DryRun { get; init; }

    /// <summary>Data rows read (header excluded).</summary>
    public long Rows { get; set; }

    public long Inserted { get; set; }

    public long Updated { get; set; }

    public long Unchanged { get; set; }

    /// <summary>Rows with at least one problem.</summary>
    public long Rejected { get; set; }

    /// <summary>True when the changes were committed.</summary>
    public bool Applied { get; set; }

    /// <summary>Notes that did not stop the import, e.g. unknown columns that were ignored.</summary>
    public List<string> Warnings { get; init; } = [];

    /// <summary>The mapping that translated the file, when it was not in the portal's own layout.</summary>
    public string? Mapping { get; set; }

    /// <summary>Source rows the mapping's filters left out (no portal record: an e-mail, an open task…); not problems.</summary>
    public long Filtered { get; set; }

    /// <summary>How many rows each filter left out, by the filter's written form ("Status = Completed").</summary>
    public Dictionary<string, long> FilteredBy { get; init; } = [];

    /// <summary>What the mapping had to interpret: the first 1,000 notes (totalNotes counts all).</summary>
    public List<ImportNote> Notes { get; init; } = [];

    public long TotalNotes { get; set; }

    public List<ImportProblem> Problems { get; init; } = [];

    public long TotalProblems { get; set; }

    public double Seconds { get; set; }

    /// <summary>A problem that stopped reading the file (not UTF-8, broken JSON, missing columns).</summary>
    [JsonIgnore]
    public bool HasFileProblem => Problems.Any(p => p.Line == 0);

    public void AddProblem(long line, string? column, string reason)
    {
        TotalProblems++;
        if (Problems.Count < MaxProblems)
        {
            Problems.Add(new ImportProblem(line, column, reason));
        }
    }

    /// <summary>Records a note; past <see cref="MaxProblems"/> it is only counted.</summary>
    public void AddNote(ImportNote note)
    {
        TotalNotes++;
        if (Notes.Count < MaxProblems)
        {
            Notes.Add(note);
        }
    }

    /// <summary>Counts a source row a mapping's filter left out.</summary>
    public void AddFiltered(string filter)
    {
        Filtered++;
        FilteredBy[filter] = FilteredBy.GetValueOrDefault(filter) + 1;
    }

    /// <summary>One line for logs and the command line.</summary>
    public string Summary() =>
        $"{Kind.Slug()}: {Rows} rows, {Inserted} inserted, {Updated} updated, {Unchanged} unchanged, {Rejected} rejected, " +
        (Mapping is null ? string.Empty : $"{Filtered} left out by mapping {Mapping}, ") +
        $"{TotalProblems} problems — {(Applied ? "applied" : DryRun ? "dry run, nothing applied" : "nothing applied")}";
}
