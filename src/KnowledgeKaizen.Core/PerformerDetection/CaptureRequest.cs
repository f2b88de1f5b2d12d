namespace KnowledgeKaizen.Core.PerformerDetection;

/// <summary>
/// A request to a standout rep to write down how they work at a stage, with the evidence that singled them out.
/// Accepting it opens a playbook draft pre-filled with that evidence and the playbook template.
/// </summary>
public class CaptureRequest
{
    private CaptureRequest()
    {
        RepName = string.Empty;
        Stage = string.Empty;
        RepUserId = string.Empty;
        RequestedBy = string.Empty;
        EvidenceMarkdown = string.Empty;
    }

    public CaptureRequest(long snapshotId, long repId, string repName, string stage, string repUserId, string requestedBy,
        string evidenceMarkdown, DateTimeOffset requestedAt)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(repUserId);
        ArgumentException.ThrowIfNullOrWhiteSpace(evidenceMarkdown);
        SnapshotId = snapshotId;
        RepId = repId;
        RepName = repName;
        Stage = stage;
        RepUserId = repUserId;
        RequestedBy = requestedBy;
        EvidenceMarkdown = evidenceMarkdown;
        RequestedAt = requestedAt;
        Status = CaptureRequestStatus.Open;
    }

    public long Id { get; private set; }

    /// <summary>The snapshot whose finding prompted the request.</summary>
    public long SnapshotId { get; private set; }

    public long RepId { get; private set; }

    public string RepName { get; private set; }

    /// <summary>Stage code.</summary>
    public string Stage { get; private set; }

    /// <summary>The rep's portal account: who is asked.</summary>
    public string RepUserId { get; private set; }

    /// <summary>Name of the manager who asked, or "automatic".</summary>
    public string RequestedBy { get; private set; }

    public DateTimeOffset RequestedAt { get; private set; }

    /// <summary>The finding as Markdown, frozen when the request was sent.</summary>
    public string EvidenceMarkdown { get; private set; }

    public CaptureRequestStatus Status { get; private set; }

    /// <summary>The playbook draft written in answer.</summary>
    public int? PlaybookId { get; private set; }

    public DateTimeOffset? AnsweredAt { get; private set; }

    public bool IsOpen => Status == CaptureRequestStatus.Open;

    /// <summary>Records the draft created for this request; only an open request can be accepted.</summary>
    public void Draft(int playbookId, DateTimeOffset at)
    {
        RequireOpen();
        PlaybookId = playbookId;
        Status = CaptureRequestStatus.Drafted;
        AnsweredAt = at;
    }

    public void Decline(DateTimeOffset at)
    {
        RequireOpen();
        Status = CaptureRequestStatus.Declined;
        AnsweredAt = at;
    }

    /// <summary>The draft's playbook went live.</summary>
    public void MarkPublished()
    {
        if (Status != CaptureRequestStatus.Drafted)
        {
            throw new InvalidOperationException($"Capture request {Id} is {Status}; only a drafted request can be published.");
        }

        Status = CaptureRequestStatus.Published;
    }

    private void RequireOpen()
    {
        if (!IsOpen)
        {
            throw new InvalidOperationException($"Capture request {Id} is {Status}; it was already answered.");
        }
    }
}

internal sealed class CaptureRequestConfiguration : IEntityTypeConfiguration<CaptureRequest>
{
    public void Configure(EntityTypeBuilder<CaptureRequest> builder)
    {
        builder.ToTable("CaptureRequests");
        builder.Property(c => c.RepName).HasMaxLength(200);
        builder.Property(c => c.Stage).HasMaxLength(64);
        builder.Property(c => c.RepUserId).HasMaxLength(450);
        builder.Property(c => c.RequestedBy).HasMaxLength(256);
        builder.Property(c => c.Status).HasConversion<string>().HasMaxLength(16);
        builder.HasIndex(c => new { c.RepId, c.Stage, c.Status });
        builder.HasIndex(c => c.RepUserId);
    }
}
