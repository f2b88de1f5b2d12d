using System.Globalization;
using KnowledgeKaizen.SeedGenerator;

// Usage: dotnet run --project seed/generator -- --seed 20261127 --out seed/data [--opportunities N]
//        dotnet run --project seed/generator -- --stage-history-rows 1000000 --out big.csv   (benchmark stream)
var arguments = new Dictionary<string, string>(StringComparer.Ordinal);
for (var i = 0; i + 1 < args.Length; i += 2)
{
    arguments[args[i].TrimStart('-')] = args[i + 1];
}

if (!arguments.TryGetValue("out", out var output) || args.Length % 2 != 0)
{
    Console.Error.WriteLine("Usage: --seed N --out FOLDER [--opportunities N] | --stage-history-rows N --out FILE");
    return 2;
}

int Number(string name, int fallback) =>
    arguments.TryGetValue(name, out var text) ? int.Parse(text, CultureInfo.InvariantCulture) : fallback;

var seed = Number("seed", 20261127);
if (arguments.TryGetValue("stage-history-rows", out var rowsText))
{
    var started = System.Diagnostics.Stopwatch.StartNew();
    using var writer = new StreamWriter(output, append: false, new System.Text.UTF8Encoding(false), 1 << 16);
    var written = DemoDataGenerator.WriteStageHistory(writer, long.Parse(rowsText, CultureInfo.InvariantCulture), seed);
    Console.WriteLine($"{written} stage-history rows in {started.Elapsed.TotalSeconds:F1} s");
    return 0;
}

var defaults = new DemoDataOptions();
var options = defaults with { Seed = seed, Opportunities = Number("opportunities", defaults.Opportunities) };
var result = new DemoDataGenerator(options).WriteTo(output);
foreach (var (file, rows) in result.RowCounts)
{
    Console.WriteLine($"{file,-20} {rows,9:N0} rows");
}

Console.WriteLine($"written to {output} in {result.Elapsed.TotalSeconds:F1} s");
return 0;
