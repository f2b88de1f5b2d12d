using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace KnowledgeKaizen.Insights.Metrics;

/// <summary>
/// One kind of monthly pre-aggregate: what a dashboard needs from one fact table for one month and one
/// group (rep, stage, …). The same <see cref="Sql"/> and <see cref="Accumulate"/> build the stored rows (over
/// all time) and the live rows for partial months at a period's edges, so both paths count alike.
/// </summary>
internal interface IMonthlyFact<TSelf> where TSelf : IMonthlyFact<TSelf>
{
    /// <summary>Stored in <c>MetricMonthlyFacts.Kind</c>.</summary>
    static abstract string Kind { get; }

    /// <summary>Source rows with the month (yyyy-MM) first, filtered by the time rule on <c>@from</c>/<c>@to</c>.</summary>
    static abstract string Sql(ISqlDialect sql);

    static abstract void Accumulate(DbDataReader row, FactSet<TSelf> facts);

    static abstract TSelf Read(string month, string key, BinaryReader payload);

    string Month { get; }

    string Key { get; }

    void Write(BinaryWriter payload);
}

/// <summary>Facts of one kind by month and group key.</summary>
internal sealed class FactSet<T> where T : IMonthlyFact<T>
{
    private readonly Dictionary<(string Month, string Key), T> facts = [];

    public IEnumerable<T> All => facts.Values;

    public T Get(string month, string key, Func<T> create)
    {
        if (!facts.TryGetValue((month, key), out var fact))
        {
            facts[(month, key)] = fact = create();
        }

        return fact;
    }

    public void Add(T fact) => facts[(fact.Month, fact.Key)] = fact;
}

/// <summary>Lists in payloads: a count, then the values.</summary>
internal static class Payload
{
    public static void Write(BinaryWriter w, IReadOnlyCollection<double> values)
    {
        w.Write(values.Count);
        foreach (var v in values)
        {
            w.Write(v);
        }
    }

    public static void Write(BinaryWriter w, IReadOnlyCollection<long> values)
    {
        w.Write(values.Count);
        foreach (var v in values)
        {
            w.Write(v);
        }
    }

    /// <summary>Reads a list written by <see cref="Write(BinaryWriter, IReadOnlyCollection{double})"/> as one block copy.</summary>
    public static List<double> Doubles(BinaryReader r) => [.. Block<double>(r)];

    /// <summary>Reads ids written by <see cref="Write(BinaryWriter, IReadOnlyCollection{long})"/> as one block copy.</summary>
    public static long[] Longs(BinaryReader r) => Block<long>(r);

    // BinaryWriter writes little-endian, the byte order of every platform .NET 10 runs this on.
    private static T[] Block<T>(BinaryReader r) where T : struct
    {
        var count = r.ReadInt32();
        return MemoryMarshal.Cast<byte, T>(r.ReadBytes(count * Unsafe.SizeOf<T>())).ToArray();
    }
}

/// <summary>One row of <c>MetricMonthlyFacts</c> as stored: a fact's month, group key and serialised payload.</summary>
internal sealed record StoredFact(string Month, string Key, byte[] Payload)
{
    public static StoredFact Of<T>(T fact) where T : IMonthlyFact<T>
    {
        using var buffer = new MemoryStream();
        using (var writer = new BinaryWriter(buffer))
        {
            fact.Write(writer);
        }

        return new StoredFact(fact.Month, fact.Key, buffer.ToArray());
    }
}
