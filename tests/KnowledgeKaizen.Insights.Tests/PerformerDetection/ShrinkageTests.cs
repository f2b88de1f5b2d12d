namespace KnowledgeKaizen.Insights.Tests.PerformerDetection;

/// <summary>The shown estimate and its interval, on many random pairs: sizes from 5 to 400, deals from nearly hopeless to nearly certain.</summary>
public sealed class ShrinkageTests
{
    [Fact]
    public void ShownEstimate_OfManyRandomPairs_LiesBetweenExpectedAndRaw_AndInsideItsInterval()
    {
        var checkedPairs = 0;
        foreach (var seed in Enumerable.Range(1, 6))
        {
            var (rows, expected) = RandomPairs(seed);
            var findings = new PerformerAnalyzer(TestData.Evidence).Analyze(rows, expected).Value!.Findings;
            foreach (var f in findings)
            {
                var low = Math.Min(f.ExpectedRate, f.RawRate);
                var high = Math.Max(f.ExpectedRate, f.RawRate);
                Assert.InRange(f.ShrunkRate, low, high);
                Assert.InRange(f.ShrunkRate, f.ShrunkRateLow, f.ShrunkRateHigh);
                Assert.InRange(f.ShrunkRateLow, 0, 1);
                Assert.InRange(f.ShrunkRateHigh, 0, 1);

                // The posterior mean itself is already there: the clamp only absorbs rounding-size differences
                // (the mean of a curved function of the shift is not exactly the function of the mean).
                Assert.InRange(f.Posterior.Rate, low - 0.002, high + 0.002);
                Assert.InRange(f.Posterior.Rate, f.Posterior.RateLow, f.Posterior.RateHigh);
                checkedPairs++;
            }
        }

        Assert.True(checkedPairs > 1000, $"{checkedPairs} pairs");
    }

    [Fact]
    public void SmallSample_IsPulledMostOfTheWayToItsExpectation_AndItsIntervalIsWide()
    {
        var (rows, expected) = RandomPairs(7);
        var findings = new PerformerAnalyzer(TestData.Evidence).Analyze(rows, expected).Value!.Findings;
        var small = findings.Where(f => f.Entries <= 30 && Math.Abs(f.RawRate - f.ExpectedRate) > 0.1).ToList();
        var large = findings.Where(f => f.Entries >= 300).ToList();

        Assert.True(small.Count >= 10, $"{small.Count} small pairs far from their expectation");
        Assert.True(small.Average(f => Math.Abs(f.ShrunkRate - f.ExpectedRate) / Math.Abs(f.RawRate - f.ExpectedRate)) < 0.5);
        Assert.True(small.Average(f => f.ShrunkRateHigh - f.ShrunkRateLow) > large.Average(f => f.ShrunkRateHigh - f.ShrunkRateLow));
    }

    /// <summary>Three stages, 70 reps; each pair has its own size, its own spread of deal odds and, for one in five, a real effect.</summary>
    private static (List<StageOutcomeObservation> Rows, List<double> Expected) RandomPairs(int seed)
    {
        var random = new Random(seed);
        var rows = new List<StageOutcomeObservation>();
        var expected = new List<double>();
        foreach (var (stage, centre) in new[] { ("Qualify", -2.5), ("Propose", 0.0), ("Close", 2.8) })
        {
            for (var r = 0; r < 70; r++)
            {
                var n = (int)Math.Round(Math.Exp(1.6 + (random.NextDouble() * 4.4)));
                var tilt = centre + (0.8 * TestData.Gaussian(random));
                var effect = random.NextDouble() < 0.2 ? (random.NextDouble() < 0.5 ? -1 : 1) * (0.3 + random.NextDouble()) : 0;
                for (var i = 0; i < n; i++)
                {
                    var eta = tilt + (0.6 * TestData.Gaussian(random));
                    var p = 1 / (1 + Math.Exp(-eta));
                    rows.Add(TestData.Row(r, stage, random.NextDouble() < 1 / (1 + Math.Exp(-(eta + effect)))));
                    expected.Add(p);
                }
            }
        }

        return (rows, expected);
    }
}
