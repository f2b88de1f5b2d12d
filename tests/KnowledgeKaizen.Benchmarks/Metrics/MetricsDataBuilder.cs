namespace KnowledgeKaizen.Benchmarks.Metrics;

/// <summary>
/// Fills a migrated SQLite file with a benchmark-sized CRM straight through prepared INSERTs: opportunities
/// walking the six stages until the stage history holds the requested rows, about two activities per
/// opportunity, service cases and feedback, spread over 24 months ending 2026-10-31.
/// </summary>
internal static class MetricsDataBuilder
{
    public static readonly DateTime End = new(2026, 11, 1, 0, 0, 0, DateTimeKind.Utc);
    private static readonly string[] Regions = ["East", "West", "North", "South"];
    private static readonly string[] Industries = ["retail", "technology", "manufacturing", "logistics", "education", "finance", "healthcare", "government"];
    private static readonly string[] Sources = ["Referral", "Web", "Event", "Outbound", "Partner"];
    private static readonly string[] Channels = ["Phone", "Email", "Chat", "Web", "Onsite"];

    // Feedback has no on-site channel (FeedbackChannel): the model could not read such a row, e.g. to move it to PostgreSQL.
    private static readonly string[] FeedbackChannels = ["Phone", "Email", "Chat", "Web", "Survey"];
    private static readonly string[] Categories = ["billing", "delivery", "installation", "account_access", "integration", "hardware", "software", "training"];
    private static readonly string[] ActivityTypes = ["Visit", "Call", "Proposal", "Quote"];

    private static string T(DateTime value) => value.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);

    public static (long Opportunities, long Activities) Fill(SqliteConnection connection, long stageRows, int cases, int feedback)
    {
        var random = new Random(20261127);
        var start = End.AddMonths(-24);
        var span = (End - start).TotalMinutes;
        using var tx = connection.BeginTransaction();
        Exec(connection, "INSERT INTO SalesStages (Code, Name, NameZh, Position) VALUES ('qualify','Lead qualification','线索确认',1),('discover','Discovery visit','需求调研',2),('propose','Proposal','方案建议',3),('quote','Quotation','报价',4),('negotiate','Negotiation','商务谈判',5),('close','Contract and close','签约成交',6)");
        for (var i = 1; i <= 60; i++)
        {
            var region = Regions[(i - 1) % 4];
            var role = i <= 48 ? "Sales" : "Service";
            Exec(connection, $"INSERT INTO Reps (ExternalId, Name, Email, Team, Region, Role, Active) VALUES ('REP-{i:000}', 'Rep {i}', 'rep{i}@bench.test', '{region} {role}', '{region}', '{role}', 1)");
        }

        for (var i = 1; i <= 3000; i++)
        {
            var churn = i % 20 == 0 ? $"'{T(start.AddMinutes(random.NextDouble() * span))}'" : "NULL";
            Exec(connection, $"INSERT INTO Customers (ExternalId, Name, Industry, Region, CreatedAt, ChurnedAt) VALUES ('CUS-{i}', 'Customer {i}', '{Industries[i % 8]}', '{Regions[i % 4]}', '{T(start.AddMinutes(random.NextDouble() * span))}', {churn})");
        }

        using var opp = Prepare(connection, "INSERT INTO Opportunities (ExternalId, CustomerId, OwnerId, Amount, Industry, Source, Region, CreatedAt, ExpectedCloseAt, ForecastAmount, ClosedAt, Outcome, FinalAmount, CollectedAmount) VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11,$12,$13,$14)", 14);
        using var stage = Prepare(connection, "INSERT INTO StageHistory (ExternalId, OpportunityId, StageId, RepId, EnteredAt, LeftAt, Outcome) VALUES ($1,$2,$3,$4,$5,$6,$7)", 7);
        using var activity = Prepare(connection, "INSERT INTO Activities (ExternalId, OpportunityId, RepId, Type, OccurredAt, Amount, Cost) VALUES ($1,$2,$3,$4,$5,$6,$7)", 7);
        long rows = 0, opportunities = 0, activities = 0;
        while (rows < stageRows)
        {
            var id = ++opportunities;
            var owner = random.Next(1, 49);
            var created = start.AddMinutes(random.NextDouble() * span);
            var amount = Math.Round(Math.Exp(random.NextDouble() * 5 + 8));
            var entered = created;
            string outcome = "Open";
            DateTime? closed = null;
            var stageRowsForDeal = new List<object?[]>();
            for (var s = 1; s <= 6 && rows + stageRowsForDeal.Count < stageRows; s++)
            {
                var left = entered.AddHours(random.NextDouble() * 24 * 14);
                if (left >= End)
                {
                    stageRowsForDeal.Add([$"SH-{rows + stageRowsForDeal.Count + 1}", id, s, owner, T(entered), null, "Open"]);
                    break;
                }

                var advanced = random.NextDouble() < 0.72;
                stageRowsForDeal.Add([$"SH-{rows + stageRowsForDeal.Count + 1}", id, s, owner, T(entered), T(left), advanced ? "Advanced" : "Lost"]);
                if (!advanced || s == 6)
                {
                    outcome = advanced ? "Won" : "Lost";
                    closed = left;
                    break;
                }

                entered = left;
            }

            var won = outcome == "Won";
            Run(opp, $"OPP-{id}", random.Next(1, 3001), owner, amount, Industries[random.Next(8)], Sources[random.Next(5)], Regions[(owner - 1) % 4], T(created),
                T(created.AddDays(random.Next(20, 90))), amount * 0.9, closed is { } c ? T(c) : null, outcome, won ? amount * 0.93 : null, won ? amount * 0.9 : null);
            foreach (var row in stageRowsForDeal)
            {
                Run(stage, row);
            }

            rows += stageRowsForDeal.Count;
            for (var a = random.Next(0, 5); a > 0; a--)
            {
                var type = ActivityTypes[random.Next(4)];
                Run(activity, $"ACT-{++activities}", id, owner, type, T(created.AddHours(random.NextDouble() * 24 * 30)), type == "Quote" ? amount * (0.95 + (random.NextDouble() * 0.15)) : null, random.NextDouble() * 50);
            }
        }

        using var kase = Prepare(connection, "INSERT INTO ServiceCases (ExternalId, CustomerId, AgentId, OpenedAt, FirstResponseAt, ResolvedAt, Channel, Category, Priority, Satisfaction, Cost, Subject) VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11,$12)", 12);
        for (var i = 1; i <= cases; i++)
        {
            var opened = start.AddMinutes(random.NextDouble() * span);
            var resolved = opened.AddHours(random.NextDouble() * 120);
            Run(kase, $"CASE-{i}", random.Next(1, 3001), random.Next(49, 61), T(opened), T(opened.AddMinutes(random.NextDouble() * 600)),
                resolved < End && random.NextDouble() < 0.95 ? T(resolved) : null, Channels[random.Next(5)], Categories[random.Next(8)], "Normal",
                random.NextDouble() < 0.8 ? random.Next(1, 6) : null, 20 + (random.NextDouble() * 150), "Case subject");
        }

        using var fb = Prepare(connection, "INSERT INTO Feedback (ExternalId, CustomerId, Channel, Type, Category, Text, ReceivedAt, HandledById, ResolvedAt) VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9)", 9);
        for (var i = 1; i <= feedback; i++)
        {
            var received = start.AddMinutes(random.NextDouble() * span);
            Run(fb, $"FB-{i}", random.Next(1, 3001), FeedbackChannels[random.Next(5)], random.Next(3) switch { 0 => "Complaint", 1 => "Praise", _ => "Suggestion" },
                Categories[random.Next(8)], "Feedback text", T(received), random.Next(49, 61), random.NextDouble() < 0.7 ? T(received.AddDays(random.NextDouble() * 10)) : null);
        }

        tx.Commit();
        return (opportunities, activities);
    }

    private static void Exec(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    private static SqliteCommand Prepare(SqliteConnection connection, string sql, int parameters)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        for (var i = 1; i <= parameters; i++)
        {
            command.Parameters.Add(new SqliteParameter("$" + i, null));
        }

        command.Prepare();
        return command;
    }

    private static void Run(SqliteCommand command, params object?[] values)
    {
        for (var i = 0; i < values.Length; i++)
        {
            command.Parameters[i].Value = values[i] ?? DBNull.Value;
        }

        command.ExecuteNonQuery();
    }
}
