using KnowledgeKaizen.SeedGenerator.Model;

namespace KnowledgeKaizen.SeedGenerator.People;

/// <summary>
/// Builds the reps: sales reps first (region by region), then service agents. Planted roles sit at fixed
/// positions inside each region so their ids only depend on the number of reps, never on the seed.
/// </summary>
internal static class RosterBuilder
{
    /// <summary>(region, position in region, role, stage): position 1 and 2 of each region.</summary>
    private static readonly (int Region, int Position, PlantedRole Role, int Stage)[] Plan =
    [
        (0, 1, PlantedRole.Standout, Catalog.Qualify),
        (0, 2, PlantedRole.Standout, Catalog.Negotiate),
        (1, 1, PlantedRole.Standout, Catalog.Discover),
        (1, 2, PlantedRole.Laggard, Catalog.Quote),
        (2, 1, PlantedRole.Standout, Catalog.Propose),
        (2, 2, PlantedRole.Laggard, Catalog.Discover),
        (3, 1, PlantedRole.Standout, Catalog.Quote),
    ];

    /// <summary>The new rep of this region is the lucky one (North).</summary>
    private const int LuckyRegion = 2;

    public static IReadOnlyList<DemoRep> Build(DemoDataOptions options)
    {
        var random = RandomExtensions.Derive(options.Seed, 1);
        var usedNames = new HashSet<string>(StringComparer.Ordinal);
        var reps = new List<DemoRep>(options.SalesReps + options.ServiceAgents);
        var perRegion = options.SalesReps / 4;
        var newHire = options.EndDate.AddDays(-options.NewRepTenureDays);

        for (var region = 0; region < 4; region++)
        {
            for (var position = 0; position < perRegion; position++)
            {
                var effects = new double[Catalog.Stages.Count];
                var role = PlantedRole.None;
                int? stage = null;
                var isNew = position == perRegion - 1;
                foreach (var plan in Plan.Where(p => p.Region == region && p.Position == position))
                {
                    role = plan.Role;
                    stage = plan.Stage;
                    effects[plan.Stage] = plan.Role == PlantedRole.Standout ? options.StandoutLogOdds : options.LaggardLogOdds;
                }

                if (isNew)
                {
                    role = PlantedRole.NewRep;
                }

                var hired = isNew ? newHire.AddDays(-random.Next(0, 6)) : RandomHire(random, options);
                reps.Add(NewRep(random, usedNames, reps.Count, region, "sales", hired, role, stage, isNew && region == LuckyRegion, effects));
            }
        }

        for (var agent = 0; agent < options.ServiceAgents; agent++)
        {
            var region = agent / (options.ServiceAgents / 4);
            reps.Add(NewRep(random, usedNames, reps.Count, region, "service", RandomHire(random, options), PlantedRole.None, null, false, new double[Catalog.Stages.Count]));
        }

        return reps;
    }

    private static DateOnly RandomHire(Random random, DemoDataOptions options) =>
        DateOnly.FromDateTime(options.Start).AddDays(-random.Next(120, 2200));

    private static DemoRep NewRep(
        Random random, HashSet<string> usedNames, int index, int region, string role, DateOnly hired,
        PlantedRole planted, int? stage, bool lucky, double[] effects)
    {
        string name, first, last;
        var attempt = 0;
        do
        {
            (name, first, last) = PersonName(random);
            if (++attempt > 20)
            {
                name = $"{name} {index + 1}";
                first = $"{first}{index + 1}";
            }
        }
        while (!usedNames.Add(name));

        var email = $"{Ascii(first)}.{Ascii(last)}@demo.kaizen";
        var team = $"{Catalog.Regions[region]} {(role == "sales" ? "Sales" : "Service")}";
        return new DemoRep(index, $"REP-{index + 1:000}", name, email, team, region, role, hired, planted, stage, lucky, effects);
    }

    /// <summary>Half English, a quarter Chinese in pinyin (family name first), a quarter in characters.</summary>
    private static (string Name, string First, string Last) PersonName(Random random)
    {
        var kind = random.Next(4);
        if (kind < 2)
        {
            var first = random.Pick(NameBank.EnglishFirst);
            var last = random.Pick(NameBank.EnglishLast);
            return ($"{first} {last}", first, last);
        }

        var surname = random.Pick(NameBank.ChineseSurnames);
        var given = random.Pick(NameBank.ChineseGiven);
        var display = kind == 2 ? $"{surname.Pinyin} {given.Pinyin}" : surname.Hanzi + given.Hanzi;
        return (display, given.Pinyin, surname.Pinyin);
    }

    private static string Ascii(string part) =>
        new(part.ToLowerInvariant().Where(char.IsAsciiLetterOrDigit).ToArray());
}
