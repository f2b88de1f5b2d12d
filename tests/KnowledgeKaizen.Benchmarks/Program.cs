using System.Reflection;
using KnowledgeKaizen.Benchmarks;

// Usage: dotnet run -c Release --project tests/KnowledgeKaizen.Benchmarks -- <name> [options]
// Each benchmark runs the candidate and its named baseline in the same process and prints both, side by side.
var benchmarks = Assembly.GetExecutingAssembly().GetTypes()
    .Where(t => typeof(IBenchmark).IsAssignableFrom(t) && t is { IsAbstract: false, IsInterface: false })
    .Select(t => (IBenchmark)Activator.CreateInstance(t)!)
    .OrderBy(b => b.Name, StringComparer.Ordinal)
    .ToList();

var chosen = args.Length > 0 ? benchmarks.FirstOrDefault(b => b.Name == args[0]) : null;
if (chosen is null)
{
    Console.WriteLine("Benchmarks (each prints its figures next to its baseline):");
    foreach (var b in benchmarks)
    {
        Console.WriteLine($"  {b.Name,-12} {b.Description}");
    }

    return args.Length == 0 ? 0 : 2;
}

await chosen.RunAsync(args.Skip(1).ToArray());
return 0;
