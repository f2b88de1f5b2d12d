namespace KnowledgeKaizen.SeedGenerator;

internal static class Times
{
    /// <summary>Cuts seconds off so every written instant is a whole minute (UTC).</summary>
    public static DateTime Minute(DateTime value) =>
        new(value.Ticks - (value.Ticks % TimeSpan.TicksPerMinute), DateTimeKind.Utc);
}
