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

    /// <summary>
    /// The index commits what it applied at most this often (a change is searchable at once; the commit makes it durable
    /// and moves the cursor). A write after a quiet spell is committed at once; under a stream of saves, commits are
    /// this far apart, so the index syncs files and lets merged ones go that much less often. After a crash, the entries
    /// applied since the last commit are applied again from the outbox.
    /// </summary>
    public TimeSpan CommitInterval { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>The longest commit interval accepted: what a crash makes the index apply again stays small.</summary>
    public static readonly TimeSpan MaxCommitInterval = TimeSpan.FromMinutes(10);

    /// <summary>Applied entries are kept this long before pruning (they show what changed recently).</summary>
    public TimeSpan OutboxRetention { get; set; } = TimeSpan.FromDays(1);

    /// <summary>
    /// A cursor that has not moved for this long belongs to a retired instance and no longer holds entries back;
    /// should that instance return, it finds entries missing and rebuilds its index.
    /// </summary>
    public TimeSpan CursorLifetime { get; set; } = TimeSpan.FromDays(7);
}
