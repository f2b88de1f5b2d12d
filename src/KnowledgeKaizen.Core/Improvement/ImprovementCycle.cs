namespace KnowledgeKaizen.Core.Improvement;

/// <summary>
/// One SDCA or PDCA cycle: the problem, who does what, the target metric with its measured baseline, what
/// was rolled out, the computed check and how it ended. Cycles chain through <see cref="ParentCycleId"/>:
/// each one starts from the previous one's result.
/// </summary>
public class ImprovementCycle
{
    public const int MaxTitleLength = 200;
    public const int MaxTextLength = 4000;

    private readonly List<CycleLink> links = [];

    private ImprovementCycle()
    {
        Title = string.Empty;
        Problem = string.Empty;
        OwnerName = string.Empty;
        Roles = new CycleRoles(string.Empty, string.Empty, string.Empty);
        Target = new TargetMetric(string.Empty, null, null);
    }

    public int Id { get; private set; }

    public CycleType Type { get; private set; }

    public string Title { get; private set; }

    public string Problem { get; private set; }

    /// <summary>Team the cycle belongs to (a Rep.Team value), or null for the whole company.</summary>
    public string? Team { get; private set; }

    public string? OwnerUserId { get; private set; }

    public string OwnerName { get; private set; }

    public CycleRoles Roles { get; private set; }

    public TargetMetric Target { get; private set; }

    /// <summary>Definition version of the metric when the baseline was computed.</summary>
    public int DefinitionVersion { get; private set; }

    public double? BaselineValue { get; private set; }

    public long BaselineSample { get; private set; }

    public DateTime BaselineFrom { get; private set; }

    public DateTime BaselineTo { get; private set; }

    public double TargetValue { get; private set; }

    /// <summary>Planned rollout; replaced by the actual date when the cycle enters Do.</summary>
    public DateTime RolloutDate { get; private set; }

    /// <summary>End of the after-rollout window (the check date).</summary>
    public DateTime CheckDate { get; private set; }

    public CyclePhase Phase { get; private set; }

    public DateTime CreatedAt { get; private set; }

    public DateTime PhaseChangedAt { get; private set; }

    public DateTime? ClosedAt { get; private set; }

    public int? ParentCycleId { get; private set; }

    /// <summary>Where the problem came from, e.g. "Complaint cluster: invoice, 发票错误".</summary>
    public string? Source { get; private set; }

    public CycleOutcome Outcome { get; private set; }

    public string? AdaptNote { get; private set; }

    public CheckResult? LastCheck { get; private set; }

    public IReadOnlyList<CycleLink> Links => links;

    public bool IsClosed => Phase == CyclePhase.Closed;

    /// <summary>Opens a cycle in Plan with the measured baseline.</summary>
    public static ImprovementCycle Open(CyclePlan plan, MeasuredBaseline baseline, DateTime now)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(baseline);
        var title = Required(plan.Title, MaxTitleLength, "Give the cycle a title.");
        var problem = Required(plan.Problem, MaxTextLength, "Describe the problem.");
        if (string.IsNullOrWhiteSpace(plan.Target.MetricKey))
        {
            throw new ImprovementRuleException("Choose a target metric.");
        }

        if (plan.BaselineTo <= plan.BaselineFrom)
        {
            throw new ImprovementRuleException("The baseline period must end after it starts.");
        }

        if (plan.CheckDate <= plan.RolloutDate)
        {
            throw new ImprovementRuleException("The check date must come after the rollout.");
        }

        return new ImprovementCycle
        {
            Type = plan.Type,
            Title = title,
            Problem = problem,
            Team = Optional(plan.Team),
            OwnerUserId = plan.OwnerUserId,
            OwnerName = Required(plan.OwnerName, 256, "Name the owner."),
            Roles = plan.Roles.Trimmed(),
            Target = plan.Target with { Stage = Optional(plan.Target.Stage), Team = Optional(plan.Target.Team) },
            DefinitionVersion = baseline.DefinitionVersion,
            BaselineValue = baseline.Value,
            BaselineSample = baseline.Sample,
            BaselineFrom = Utc(plan.BaselineFrom),
            BaselineTo = Utc(plan.BaselineTo),
            TargetValue = plan.TargetValue,
            RolloutDate = Utc(plan.RolloutDate),
            CheckDate = Utc(plan.CheckDate),
            Phase = CyclePhase.Plan,
            CreatedAt = now,
            PhaseChangedAt = now,
            ParentCycleId = plan.ParentCycleId,
            Source = Optional(plan.Source),
        };
    }

    /// <summary>Links a playbook, procedure revision or course rolled out by this cycle (once each).</summary>
    public CycleLink Link(CycleLinkKind kind, int targetId, string title, DateTime now)
    {
        EnsureOpen();
        if (links.Any(l => l.Kind == kind && l.TargetId == targetId))
        {
            throw new ImprovementRuleException("This item is already linked.");
        }

        var link = new CycleLink(kind, targetId, title, now);
        links.Add(link);
        return link;
    }

    public void Unlink(long linkId)
    {
        EnsureOpen();
        links.RemoveAll(l => l.Id == linkId);
    }

    /// <summary>
    /// Moves the card one column. Entering Do needs something rolled out and fixes the actual rollout date;
    /// Check → Do is allowed (keep collecting data); Adapt and Closed are reached through the Adapt actions.
    /// </summary>
    public void MoveTo(CyclePhase next, DateTime now)
    {
        EnsureOpen();
        switch (Phase, next)
        {
            case (CyclePhase.Plan, CyclePhase.Do):
                if (links.Count == 0)
                {
                    throw new ImprovementRuleException("Link what you roll out (a playbook, procedure revision or course) before starting Do.");
                }

                if (now.Date < CheckDate)
                {
                    RolloutDate = now.Date;
                }

                break;
            case (CyclePhase.Do, CyclePhase.Check):
            case (CyclePhase.Check, CyclePhase.Do):
                break;
            case (CyclePhase.Check, CyclePhase.Adapt):
                if (LastCheck is null)
                {
                    throw new ImprovementRuleException("Compute the check before adapting.");
                }

                break;
            default:
                throw new ImprovementRuleException("A cycle cannot move from {0} to {1}.", Phase, next);
        }

        Phase = next;
        PhaseChangedAt = now;
    }

    /// <summary>Stores the computed check (the Check phase recomputes it on demand).</summary>
    public void RecordCheck(CheckResult result)
    {
        if (Phase is not (CyclePhase.Check or CyclePhase.Adapt))
        {
            throw new ImprovementRuleException("The check is computed in the Check phase.");
        }

        LastCheck = result;
    }

    /// <summary>Adapt: closes the cycle with its outcome (standardised, next cycle or stopped).</summary>
    public void Close(CycleOutcome outcome, string? note, DateTime now)
    {
        if (Phase != CyclePhase.Adapt)
        {
            throw new ImprovementRuleException("Only a cycle in Adapt can be closed.");
        }

        if (outcome == CycleOutcome.None)
        {
            throw new ImprovementRuleException("Say how the cycle ended.");
        }

        Outcome = outcome;
        AdaptNote = Optional(note);
        Phase = CyclePhase.Closed;
        PhaseChangedAt = now;
        ClosedAt = now;
    }

    /// <summary>The baseline was computed with an older definition of the metric.</summary>
    public bool DefinitionChanged(int? currentVersion) => currentVersion is { } v && v != DefinitionVersion;

    private void EnsureOpen()
    {
        if (IsClosed)
        {
            throw new ImprovementRuleException("This cycle is closed.");
        }
    }

    internal static string Required(string? value, int max, string message)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            throw new ImprovementRuleException(message);
        }

        var trimmed = value.Trim();
        return trimmed.Length <= max ? trimmed : throw new ImprovementRuleException("The text is too long (at most {0} characters).", max);
    }

    internal static string? Optional(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    private static DateTime Utc(DateTime value) => DateTime.SpecifyKind(value, DateTimeKind.Utc);
}

internal sealed class ImprovementCycleConfiguration : IEntityTypeConfiguration<ImprovementCycle>
{
    public void Configure(EntityTypeBuilder<ImprovementCycle> builder)
    {
        builder.ToTable("ImprovementCycles");
        builder.Property(c => c.Type).HasConversion<string>().HasMaxLength(8);
        builder.Property(c => c.Phase).HasConversion<string>().HasMaxLength(8);
        builder.Property(c => c.Outcome).HasConversion<string>().HasMaxLength(16);
        builder.Property(c => c.Title).HasMaxLength(ImprovementCycle.MaxTitleLength);
        builder.Property(c => c.Problem).HasMaxLength(ImprovementCycle.MaxTextLength);
        builder.Property(c => c.Team).HasMaxLength(100);
        builder.Property(c => c.OwnerUserId).HasMaxLength(450);
        builder.Property(c => c.OwnerName).HasMaxLength(256);
        builder.Property(c => c.Source).HasMaxLength(500);
        builder.Property(c => c.AdaptNote).HasMaxLength(ImprovementCycle.MaxTextLength);
        builder.OwnsOne(c => c.Roles, r =>
        {
            r.Property(x => x.ProblemCollector).HasColumnName("ProblemCollector").HasMaxLength(256);
            r.Property(x => x.Analyst).HasColumnName("Analyst").HasMaxLength(256);
            r.Property(x => x.ResultsManager).HasColumnName("ResultsManager").HasMaxLength(256);
        });
        builder.Navigation(c => c.Roles).IsRequired();
        builder.OwnsOne(c => c.Target, t =>
        {
            t.Property(x => x.MetricKey).HasColumnName("MetricKey").HasMaxLength(64);
            t.Property(x => x.Stage).HasColumnName("MetricStage").HasMaxLength(32);
            t.Property(x => x.Team).HasColumnName("MetricTeam").HasMaxLength(100);
        });
        builder.Navigation(c => c.Target).IsRequired();
        builder.OwnsOne(c => c.LastCheck, k =>
        {
            k.Property(x => x.Verdict).HasConversion<string>().HasMaxLength(16);
            k.ToTable("ImprovementCycles");
        });
        builder.HasMany(c => c.Links).WithOne().HasForeignKey(l => l.CycleId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(c => c.Links).HasField("links").UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.HasOne<ImprovementCycle>().WithMany().HasForeignKey(c => c.ParentCycleId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(c => c.Phase);
        builder.HasIndex(c => c.ParentCycleId);
    }
}
