namespace KnowledgeKaizen.Testing;

/// <summary>
/// A clock that starts on a chosen day and then runs like the real one: "today" does not depend on the day the suite
/// runs, yet later events are later (an import finishes after the retraining queued before it).
/// </summary>
public sealed class RunningClock(DateTimeOffset start) : TimeProvider
{
    private readonly long started = Stopwatch.GetTimestamp();

    public override DateTimeOffset GetUtcNow() => start + Stopwatch.GetElapsedTime(started);
}
