namespace KnowledgeKaizen.Insights;

/// <summary>Either a value or the reason there is none. Degenerate inputs produce the latter, never an exception.</summary>
public sealed class InsightOutcome<T>
    where T : class
{
    private InsightOutcome(T? value, NotEnoughData? notEnoughData)
    {
        Value = value;
        NotEnoughData = notEnoughData;
    }

    /// <summary>The result, when there was enough data.</summary>
    public T? Value { get; }

    /// <summary>The reason, when there was not.</summary>
    public NotEnoughData? NotEnoughData { get; }

    /// <summary>True when <see cref="Value"/> is set.</summary>
    public bool Succeeded => Value is not null;

    public static InsightOutcome<T> Success(T value) => new(value, null);

    public static InsightOutcome<T> Insufficient(string reason) => new(null, new NotEnoughData(reason));
}
