using System.Text.Json.Serialization;

namespace KnowledgeKaizen.Core.Ingestion;

/// <summary>
/// The history entry of one import: who, when, which file, what happened and every problem. It is always true: an
/// applied import's outcome commits in the same transaction as its last rows (the counts with each batch), and
/// <see cref="ImportFinished"/> is raised in the transaction that records the outcome.
/// </summary>
public class ImportRecord : IRaisesEvents
{
    internal static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };

    private readonly List<IDomainEvent> events = [];

    private ImportRecord()
    {
        FileName = string.Empty;
    }

    public ImportRecord(Guid id, ImportKind kind, ImportFormat format, ImportMode mode, bool dryRun, ImportSource source,
        string fileName, string storedFile, long fileBytes, string? requestedBy, DateTimeOffset createdAt)
    {
        Id = id;
        Kind = kind;
        Format = format;
        Mode = mode;
        DryRun = dryRun;
        Source = source;
        FileName = Path.GetFileName(fileName);
        StoredFile = storedFile;
        FileBytes = fileBytes;
        RequestedBy = requestedBy;
        Status = ImportStatus.Queued;
        CreatedAt = createdAt;
    }

    public Guid Id { get; private set; }

    public ImportKind Kind { get; private set; }

    public ImportFormat Format { get; private set; }

    public ImportMode Mode { get; private set; }

    public bool DryRun { get; private set; }

    public ImportSource Source { get; private set; }

    /// <summary>The name the file had when it was given.</summary>
    public string FileName { get; private set; }

    /// <summary>Where the file is kept in the file store ("imports/…"), whichever way it came in.</summary>
    public string? StoredFile { get; private set; }

    public long FileBytes { get; private set; }

    /// <summary>Email of the user, or "token:name" for API tokens.</summary>
    public string? RequestedBy { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset? FinishedAt { get; private set; }

    public ImportStatus Status { get; private set; }

    public Guid? JobId { get; private set; }

    public long Rows { get; private set; }

    /// <summary>Rows inserted; while <see cref="ImportStatus.Applying"/>, those of the batches committed so far.</summary>
    public long Inserted { get; private set; }

    public long Updated { get; private set; }

    public long Unchanged { get; private set; }

    public long Rejected { get; private set; }

    public long TotalProblems { get; private set; }

    public string? Message { get; private set; }

    /// <summary>The full report (first problems included) as JSON.</summary>
    public string? ReportJson { get; private set; }

    public bool IsFinished => Status is not (ImportStatus.Queued or ImportStatus.Running or ImportStatus.Applying);

    /// <summary>Staged rows applied so far (each lands in exactly one of the three counts), where a resumed apply goes on.</summary>
    public long AppliedRows => Inserted + Updated + Unchanged;

    public ImportReport? Report => ReportJson is null ? null : JsonSerializer.Deserialize<ImportReport>(ReportJson, Json);

    public void AttachJob(Guid jobId) => JobId = jobId;

    public void Start()
    {
        if (Status != ImportStatus.Queued)
        {
            throw new InvalidOperationException($"Import {Id} is {Status}; only a queued import can start.");
        }

        Status = ImportStatus.Running;
    }

    /// <summary>
    /// Back to queued, to be run again from its file: the process running it died while nothing of it was applied (it was
    /// reading, or applying in one transaction that the database rolled back), and another instance takes it over.
    /// </summary>
    public void Requeue()
    {
        if (!(Status == ImportStatus.Running || (Status == ImportStatus.Applying && AppliedRows == 0)))
        {
            throw new InvalidOperationException($"Import {Id} is {Status} with {AppliedRows} rows applied; only an import that applied nothing can run again.");
        }

        Status = ImportStatus.Queued;
        Message = null;
    }

    /// <summary>
    /// The file is read and checked, and its valid rows will be applied: from this commit on the import completes, across
    /// restarts if need be. The counts start at zero and grow with each applied batch.
    /// </summary>
    public void BeginApply(ImportReport report)
    {
        if (Status != ImportStatus.Running || !report.Applied)
        {
            throw new InvalidOperationException($"Import {Id} is {Status}; only a running import whose file passed can be applied.");
        }

        Status = ImportStatus.Applying;
        Rows = report.Rows;
        Rejected = report.Rejected;
        TotalProblems = report.TotalProblems;
        (Inserted, Updated, Unchanged) = (0, 0, 0);
        ReportJson = JsonSerializer.Serialize(report, Json);
        Message = null;
    }

    /// <summary>Counts one applied batch; saved in that batch's transaction.</summary>
    public void AddApplied(long inserted, long updated, long unchanged)
    {
        if (Status != ImportStatus.Applying)
        {
            throw new InvalidOperationException($"Import {Id} is {Status}; only an import being applied takes applied rows.");
        }

        Inserted += inserted;
        Updated += updated;
        Unchanged += unchanged;
    }

    /// <summary>The apply stopped part-way (shutdown, disk full…): the import stays applying and says so until it resumes.</summary>
    public void PauseApply(string reason)
    {
        if (Status == ImportStatus.Applying)
        {
            Message = reason;
        }
    }

    /// <summary>
    /// The outcome. For an applied import (saved with its last batch) the report takes the counts the batches added up;
    /// otherwise the record takes the report's.
    /// </summary>
    public void Complete(ImportReport report, DateTimeOffset at)
    {
        if (Status == ImportStatus.Applying)
        {
            (report.Inserted, report.Updated, report.Unchanged) = (Inserted, Updated, Unchanged);
        }

        Rows = report.Rows;
        Inserted = report.Inserted;
        Updated = report.Updated;
        Unchanged = report.Unchanged;
        Rejected = report.Rejected;
        TotalProblems = report.TotalProblems;
        ReportJson = JsonSerializer.Serialize(report, Json);
        Status = report.Applied ? ImportStatus.Succeeded : report.DryRun ? ImportStatus.Previewed : ImportStatus.Rejected;
        Message = report.Summary();
        FinishedAt = at;
        RaiseFinished();
    }

    /// <summary>Nothing of the import was applied (it broke, was cancelled or interrupted before its apply began).</summary>
    public void Fail(string reason, DateTimeOffset at)
    {
        if (Status == ImportStatus.Applying && AppliedRows > 0)
        {
            throw new InvalidOperationException($"Import {Id} has applied rows; it completes instead of failing.");
        }

        Status = ImportStatus.Failed;
        Message = reason;
        FinishedAt = at;
        RaiseFinished();
    }

    /// <inheritdoc />
    public IReadOnlyList<IDomainEvent> TakeEvents()
    {
        var taken = events.ToList();
        events.Clear();
        return taken;
    }

    private void RaiseFinished() => events.Add(new ImportFinished(Id, Kind, Status, Source, RequestedBy, FileName, Rows, Inserted, Updated,
        Unchanged, Rejected, Message));
}

internal sealed class ImportRecordConfiguration : IEntityTypeConfiguration<ImportRecord>
{
    public void Configure(EntityTypeBuilder<ImportRecord> builder)
    {
        builder.ToTable("Imports");
        builder.Property(r => r.Kind).HasConversion<string>().HasMaxLength(32);
        builder.Property(r => r.Format).HasConversion<string>().HasMaxLength(8);
        builder.Property(r => r.Mode).HasConversion<string>().HasMaxLength(16);
        builder.Property(r => r.Source).HasConversion<string>().HasMaxLength(16);
        builder.Property(r => r.Status).HasConversion<string>().HasMaxLength(16);
        builder.Property(r => r.FileName).HasMaxLength(260);
        builder.Property(r => r.StoredFile).HasMaxLength(1024);
        builder.Property(r => r.RequestedBy).HasMaxLength(256);
        builder.Ignore(r => r.Report);
        builder.Ignore(r => r.AppliedRows);
        builder.HasIndex(r => r.CreatedAt);
        builder.HasIndex(r => r.JobId);
    }
}
