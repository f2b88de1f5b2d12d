namespace KnowledgeKaizen.Search.Indexing;

/// <summary>Settings under "Search:Indexing": how this instance's index follows the outbox.</summary>
public sealed class SearchIndexingOptions
{
    public const string SectionName = "Search:Indexing";

    /// <summary>
    /// Names this instance's index cursor. Every instance that shares the database keeps its own index and needs its
    /// own name; the machine name suits one instance per machine.
    /// </summary>
    public string InstanceName { get; set; } = Environment.MachineName;

    /// <summary>How often the outbox is checked when idle: writes are searchable within about this long.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Applied entries are kept this long before pruning (they show what changed recently).</summary>
    public TimeSpan OutboxRetention { get; set; } = TimeSpan.FromDays(1);

    /// <summary>
    /// A cursor that has not moved for this long belongs to a retired instance and no longer holds entries back;
    /// should that instance return, it finds entries missing and rebuilds its index.
    /// </summary>
    public TimeSpan CursorLifetime { get; set; } = TimeSpan.FromDays(7);
}
