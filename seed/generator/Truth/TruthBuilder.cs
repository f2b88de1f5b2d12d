using KnowledgeKaizen.SeedGenerator.Model;
using KnowledgeKaizen.SeedGenerator.People;

namespace KnowledgeKaizen.SeedGenerator.Truth;

/// <summary>Turns the running tallies and the roster into the <see cref="PlantedTruth"/> document.</summary>
internal static class TruthBuilder
{
    public static readonly IReadOnlyList<string> SignatureMeanings =
    [
        "mean hours from opportunity creation to the first call",
        "mean visits during discovery",
        "mean days from entering propose to sending the proposal",
        "mean days from entering quote to sending the quote",
        "share of negotiations with an in-person visit",
        "none",
    ];

    public static readonly IReadOnlyDictionary<string, string> ThemeNames = new Dictionary<string, string>
    {
        ["invoice_error"] = "Invoice errors / 发票错误",
        ["late_delivery"] = "Late delivery / 交付延迟",
        ["slow_response"] = "Slow first response / 响应慢",
        ["installation"] = "Installation problems / 安装问题",
        ["product_quality"] = "Product quality / 产品质量",
        ["pricing"] = "Pricing / 价格",
    };

    public static PlantedTruth Build(
        DemoDataOptions options, IReadOnlyList<DemoRep> reps, IReadOnlyList<DemoCustomer> customers, TruthTally tally,
        SortedDictionary<string, SortedDictionary<string, int>> complaints, IReadOnlyDictionary<string, long> rowCounts)
    {
        var stages = Catalog.Stages;
        var population = stages.Select((s, i) =>
        {
            var cell = tally.Population(i);
            return new StageFigures(s.Code, cell.Decided, Round(cell.RawRate), Round(cell.ExpectedRate), Round(cell.Signature));
        }).ToList();

        PlantedRep Planted(DemoRep rep)
        {
            var stage = rep.PlantedStage!.Value;
            var cell = tally[rep.Index, stage];
            var all = tally.Population(stage);
            return new PlantedRep(rep.Id, rep.Name, rep.RegionName, stages[stage].Code, rep.StageEffect[stage], cell.Decided,
                Round(cell.RawRate), Round(cell.ExpectedRate), Round(all.RawRate), Round(cell.Signature), Round(all.Signature),
                SignatureMeanings[stage]);
        }

        var newReps = reps.Where(r => r.Planted == PlantedRole.NewRep).Select(r =>
        {
            var cells = Enumerable.Range(0, stages.Count).Select(s => tally[r.Index, s]).ToList();
            var decided = cells.Sum(c => c.Decided);
            var advanced = cells.Sum(c => c.Advanced);
            return new NewRepFigures(r.Id, r.Name, r.HiredAt, r.Lucky, cells.Max(c => c.Decided), decided, advanced,
                Round(decided == 0 ? 0 : (double)advanced / decided));
        }).ToList();

        var model = new TruthModel(
            stages.Select((s, i) => (s.Code, OutcomeModel.StageBase[i])).ToDictionary(),
            OutcomeModel.AmountBands.ToDictionary(b => b.Band, b => b.Effect),
            Catalog.Industries.ToDictionary(x => x.Code, x => x.Effect),
            Catalog.Sources.ToDictionary(x => x.Code, x => x.Effect),
            Catalog.Regions.Select((r, i) => (r, OutcomeModel.RegionEffect[i])).ToDictionary(),
            OutcomeModel.PriorWinEffect, OutcomeModel.FebruaryEffect, OutcomeModel.FourthQuarterEffect,
            "the month of the stage's left_at (when it was decided)",
            "see signature_meaning per planted rep");

        return new PlantedTruth(
            options.Seed,
            DateOnly.FromDateTime(options.Start),
            options.EndDate,
            model,
            population,
            reps.Where(r => r.Planted == PlantedRole.Standout).Select(Planted).ToList(),
            reps.Where(r => r.Planted == PlantedRole.Laggard).Select(Planted).ToList(),
            newReps,
            stages.Select((s, i) => new SeasonFigures(s.Code, Enumerable.Range(1, 12).Select(m => Round(tally.MonthRate(i, m))).ToList())).ToList(),
            new ComplaintTruth(ThemeNames, options.SpikeTheme, options.SpikeStart, options.SpikeMonths, options.SpikeFactor,
                complaints.ToDictionary(c => c.Key, c => (IReadOnlyDictionary<string, int>)c.Value)),
            new ChurnTruth(
                customers.Count(c => c.ChurnedAt is not null),
                customers.Where(c => Service.ServiceCaseSimulator.ChurnedAfterComplaint(c, options.Seed)).Select(c => c.Id).ToList()),
            rowCounts);
    }

    private static double Round(double value) => Math.Round(value, 4);

    private static double? Round(double? value) => value is { } v ? Round(v) : null;
}
