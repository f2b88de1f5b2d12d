using KnowledgeKaizen.SeedGenerator.Model;

namespace KnowledgeKaizen.SeedGenerator.Truth;

/// <summary>
/// Running sums over decided stage visits (outcome advanced or lost), per rep and stage, so the planted truth
/// can state raw rates, true expected rates and behavioural signatures without keeping rows in memory.
/// Signature per stage: qualify = hours from creation to first call, discover = visits, propose = days to
/// proposal, quote = days to quote, negotiate = share with a visit.
/// </summary>
public sealed class TruthTally(int reps)
{
    private readonly Cell[,] _cells = new Cell[reps, Catalog.Stages.Count];
    private readonly long[,] _monthDecided = new long[Catalog.Stages.Count, 12];
    private readonly long[,] _monthAdvanced = new long[Catalog.Stages.Count, 12];

    public void Decided(int rep, int stage, bool advanced, double expected, DateTime decidedAt, double? signature)
    {
        ref var cell = ref _cells[rep, stage];
        cell.Decided++;
        cell.Advanced += advanced ? 1 : 0;
        cell.Expected += expected;
        if (signature is { } value)
        {
            cell.SignatureSum += value;
            cell.SignatureCount++;
        }

        _monthDecided[stage, decidedAt.Month - 1]++;
        _monthAdvanced[stage, decidedAt.Month - 1] += advanced ? 1 : 0;
    }

    public Cell this[int rep, int stage] => _cells[rep, stage];

    /// <summary>All reps together at one stage.</summary>
    public Cell Population(int stage)
    {
        var total = default(Cell);
        for (var rep = 0; rep < _cells.GetLength(0); rep++)
        {
            total = total.Plus(_cells[rep, stage]);
        }

        return total;
    }

    /// <summary>Raw advance rate at a stage by the calendar month in which it was decided.</summary>
    public double MonthRate(int stage, int month) =>
        _monthDecided[stage, month - 1] == 0 ? 0 : (double)_monthAdvanced[stage, month - 1] / _monthDecided[stage, month - 1];

    /// <summary>Sums for one rep at one stage.</summary>
    public record struct Cell(long Decided, long Advanced, double Expected, double SignatureSum, long SignatureCount)
    {
        public readonly double RawRate => Decided == 0 ? 0 : (double)Advanced / Decided;

        public readonly double ExpectedRate => Decided == 0 ? 0 : Expected / Decided;

        public readonly double? Signature => SignatureCount == 0 ? null : SignatureSum / SignatureCount;

        public readonly Cell Plus(Cell other) => new(
            Decided + other.Decided, Advanced + other.Advanced, Expected + other.Expected,
            SignatureSum + other.SignatureSum, SignatureCount + other.SignatureCount);
    }
}
