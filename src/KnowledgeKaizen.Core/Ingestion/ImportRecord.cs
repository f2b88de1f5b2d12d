using System.Text.Json;
using System.Text.Json.Serialization;
using KnowledgeKaizen.Core.Events;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace KnowledgeKaizen.Core.Ingestion;

/// <summary>The history entry of one import: who, when, which file, what happened and every problem.</summary>
public class ImportRecord : IRaisesEvents
{
    internal static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };

    private readonly List<IDomainEvent> events = [];

    private ImportRecord()
    {
        FileName = string.Empty;
    }

    public ImportRecord(ImportKind kind, ImportFormat format, ImportMode mode, bool dryRun, ImportSource source,
        string fileName, string storedFile, long fileBytes, string? requestedBy, DateTimeOffset createdAt)
    {
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

    public Guid Id { get; private set; } = Guid.NewGuid();

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

    public long Inserted { get; private set; }

    public long Updated { get; private set; }

    public long Unchanged { get; private set; }

    public long Rejected { get; private set; }

    public long TotalProblems { get; private set; }

    public string? Message { get; private set; }

    /// <summary>The full report (first problems included) as JSON.</summary>
    public string? ReportJson { get; private set; }

    public bool IsFinished => Status is not (ImportStatus.Queued or ImportStatus.Running);

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

    public void Complete(ImportReport report, DateTimeOffset at)
    {
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
        events.Add(new ImportFinished(Id, Status, RequestedBy, FileName, Message));
    }

    public void Fail(string reason, DateTimeOffset at)
    {
        Status = ImportStatus.Failed;
        Message = reason;
        FinishedAt = at;
        events.Add(new ImportFinished(Id, Status, RequestedBy, FileName, Message));
    }

    /// <inheritdoc />
    public IReadOnlyList<IDomainEvent> TakeEvents()
    {
        var taken = events.ToList();
        events.Clear();
        return taken;
    }
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
        builder.HasIndex(r => r.CreatedAt);
        builder.HasIndex(r => r.JobId);
    }
}
