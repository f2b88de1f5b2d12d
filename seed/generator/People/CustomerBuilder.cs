using KnowledgeKaizen.SeedGenerator.Model;

namespace KnowledgeKaizen.SeedGenerator.People;

/// <summary>Builds the customer base: about one customer per five opportunities (at most 20,000), some of whom churn.</summary>
internal static class CustomerBuilder
{
    public static IReadOnlyList<DemoCustomer> Build(DemoDataOptions options)
    {
        var random = RandomExtensions.Derive(options.Seed, 2);
        // Capped so benchmark-sized runs keep a realistic, memory-light customer base.
        var count = Math.Clamp(options.Opportunities / 5, 80, 20_000);
        var used = new HashSet<string>(StringComparer.Ordinal);
        var start = DateOnly.FromDateTime(options.Start);
        var historyDays = options.End.Subtract(options.Start).Days;
        var regions = Enumerable.Range(0, 4).Select(r => (r, Catalog.RegionWeights[r])).ToList();
        var industries = Enumerable.Range(0, Catalog.Industries.Count).Select(i => (i, Catalog.Industries[i].Weight)).ToList();

        // Created dates first, sorted, so customer ids follow the order customers were won.
        var created = new DateOnly[count];
        for (var i = 0; i < count; i++)
        {
            created[i] = random.Chance(0.7)
                ? start.AddDays(-random.Next(1, 1500))
                : start.AddDays(random.Next(0, historyDays - 30));
        }

        Array.Sort(created);
        var customers = new List<DemoCustomer>(count);
        for (var i = 0; i < count; i++)
        {
            var region = random.PickWeighted(regions);
            var industry = random.PickWeighted(industries);
            var chinese = random.Chance(Catalog.RegionChineseShare[region]);
            var segment = random.PickWeighted(Catalog.Segments);
            var name = UniqueName(random, used, industry, chinese);
            DateOnly? churned = null;
            var earliestChurn = Later(created[i].AddDays(150), start.AddDays(120));
            var latestChurn = DateOnly.FromDateTime(options.End).AddDays(-7);
            if (random.Chance(options.ChurnShare) && earliestChurn < latestChurn)
            {
                churned = earliestChurn.AddDays(random.Next(0, latestChurn.DayNumber - earliestChurn.DayNumber));
            }

            customers.Add(new DemoCustomer(i, $"CUS-{i + 1:00000}", name, industry, region, segment, created[i], churned, chinese));
        }

        return customers;
    }

    private static DateOnly Later(DateOnly a, DateOnly b) => a > b ? a : b;

    private static string UniqueName(Random random, HashSet<string> used, int industry, bool chinese)
    {
        for (var attempt = 0; ; attempt++)
        {
            var name = chinese ? ChineseName(random, industry) : EnglishName(random, industry);
            if (attempt > 8)
            {
                name = chinese ? $"{name}第{attempt - 7}分公司" : $"{name} (Branch {attempt - 7})";
            }

            if (used.Add(name))
            {
                return name;
            }
        }
    }

    private static string EnglishName(Random random, int industry)
    {
        var brand = random.Pick(NameBank.EnglishCompanyFirst) + random.Pick(NameBank.EnglishCompanySecond);
        var word = random.Pick(NameBank.EnglishIndustryWords[industry]);
        return Catalog.Industries[industry].Code == "government"
            ? $"{brand} {word}"
            : $"{brand} {word} {random.Pick(NameBank.EnglishSuffixes)}";
    }

    private static string ChineseName(Random random, int industry)
    {
        var city = random.Pick(NameBank.ChineseCities);
        var word = random.Pick(NameBank.ChineseIndustryWords[industry]);
        if (Catalog.Industries[industry].Code == "government")
        {
            // Public bodies are named by city and district, not by brand.
            var district = random.Pick(["高新区", "经开区", "滨海新区", "城南区", "城北区", "市"]);
            return $"{city}{district}{word}";
        }

        return $"{city}{random.Pick(NameBank.ChineseBrands)}{word}{random.Pick(NameBank.ChineseSuffixes)}";
    }
}
