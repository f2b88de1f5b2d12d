namespace KnowledgeKaizen.SeedGenerator;

/// <summary>Distributions on top of a seeded <see cref="Random"/>; all deterministic for a given seed.</summary>
internal static class RandomExtensions
{
    /// <summary>Derives an independent stream per concern so that changing one part leaves the others intact.</summary>
    public static Random Derive(int seed, int stream) => new(unchecked((seed * 7919) + (stream * 104_729)));

    public static bool Chance(this Random random, double probability) => random.NextDouble() < probability;

    public static double Between(this Random random, double min, double max) => min + (random.NextDouble() * (max - min));

    /// <summary>Standard normal by the polar method (no trigonometry, so fewer platform differences).</summary>
    public static double NextNormal(this Random random, double mean = 0, double sd = 1)
    {
        double u, v, s;
        do
        {
            u = (2 * random.NextDouble()) - 1;
            v = (2 * random.NextDouble()) - 1;
            s = (u * u) + (v * v);
        }
        while (s >= 1 || s == 0);

        return mean + (sd * u * Math.Sqrt(-2 * Math.Log(s) / s));
    }

    public static double NextLogNormal(this Random random, double median, double sigma) =>
        median * Math.Exp(sigma * random.NextNormal());

    public static int NextPoisson(this Random random, double lambda)
    {
        var limit = Math.Exp(-lambda);
        var k = 0;
        var p = random.NextDouble();
        while (p > limit)
        {
            k++;
            p *= random.NextDouble();
        }

        return k;
    }

    public static T Pick<T>(this Random random, IReadOnlyList<T> items) => items[random.Next(items.Count)];

    public static T PickWeighted<T>(this Random random, IReadOnlyList<(T Item, double Weight)> items)
    {
        var total = 0.0;
        foreach (var (_, weight) in items)
        {
            total += weight;
        }

        var target = random.NextDouble() * total;
        foreach (var (item, weight) in items)
        {
            target -= weight;
            if (target < 0)
            {
                return item;
            }
        }

        return items[^1].Item;
    }

    /// <summary>Fills {placeholders} in a template from a value factory.</summary>
    public static string Fill(this Random random, string template, Func<Random, string, string> value)
    {
        var start = template.IndexOf('{', StringComparison.Ordinal);
        if (start < 0)
        {
            return template;
        }

        var builder = new System.Text.StringBuilder(template.Length + 32);
        var position = 0;
        while (start >= 0)
        {
            var end = template.IndexOf('}', start);
            builder.Append(template, position, start - position);
            builder.Append(value(random, template[(start + 1)..end]));
            position = end + 1;
            start = template.IndexOf('{', position);
        }

        builder.Append(template, position, template.Length - position);
        return builder.ToString();
    }
}
