namespace KnowledgeKaizen.SeedGenerator.People;

/// <summary>Picks customers that exist and have not churned at a given time (customers are sorted by creation).</summary>
internal sealed class CustomerDirectory(IReadOnlyList<DemoCustomer> customers)
{
    public IReadOnlyList<DemoCustomer> All => customers;

    public DemoCustomer Pick(Random random, DateTime when)
    {
        var known = Math.Max(1, UpperBound(when));
        for (var attempt = 0; attempt < 20; attempt++)
        {
            var candidate = customers[random.Next(known)];
            if (candidate.IsActiveOn(when))
            {
                return candidate;
            }
        }

        return customers.FirstOrDefault(c => c.IsActiveOn(when)) ?? customers[0];
    }

    private int UpperBound(DateTime when)
    {
        int low = 0, high = customers.Count;
        while (low < high)
        {
            var mid = (low + high) / 2;
            if (customers[mid].CreatedAt.ToDateTime(TimeOnly.MinValue) <= when)
            {
                low = mid + 1;
            }
            else
            {
                high = mid;
            }
        }

        return low;
    }
}
