namespace KnowledgeKaizen.Testing;

/// <summary>A clock that stands still until the test moves it, so no result depends on the day the suite runs.</summary>
public sealed class ManualClock(DateTimeOffset now) : TimeProvider
{
    public ManualClock(DateTime utc)
        : this(new DateTimeOffset(DateTime.SpecifyKind(utc, DateTimeKind.Utc)))
    {
    }

    public DateTimeOffset Now { get; set; } = now;

    public override DateTimeOffset GetUtcNow() => Now;
}
