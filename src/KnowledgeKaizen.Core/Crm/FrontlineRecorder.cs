namespace KnowledgeKaizen.Core.Crm;

/// <summary>
/// Staff record customer feedback and service-case handling directly in the portal, so knowledge is
/// collected where the work happens and not only from CRM exports. Both entities are searchable.
/// </summary>
public sealed class FrontlineRecorder(KnowledgeKaizenDbContext db, TimeProvider clock)
{
    /// <summary>CRM facts are UTC <see cref="DateTime"/>s.</summary>
    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    public async Task<RecordingResult> RecordFeedbackAsync(FeedbackInput input, string userId, CancellationToken ct = default)
    {
        if (string.IsNullOrWhiteSpace(input.Text))
        {
            return RecordingResult.Fail(nameof(input.Text), "Enter what the customer said.");
        }

        if (input.Score is < 1 or > 5)
        {
            return RecordingResult.Fail(nameof(input.Score), "A score is 1 to 5.");
        }

        long? customerId = null;
        if (!string.IsNullOrWhiteSpace(input.CustomerId))
        {
            customerId = await db.Customers.Where(c => c.ExternalId == input.CustomerId.Trim()).Select(c => (long?)c.Id).SingleOrDefaultAsync(ct);
            if (customerId is null)
            {
                return RecordingResult.Fail(nameof(input.CustomerId), "No customer has this id.");
            }
        }

        if (input.CaseId is { } caseId && !await db.ServiceCases.AnyAsync(c => c.Id == caseId, ct))
        {
            return RecordingResult.Fail(nameof(input.CaseId), "No service case has this id.");
        }

        var received = input.ReceivedAt ?? Now;
        if (input.ResolvedAt < received)
        {
            return RecordingResult.Fail(nameof(input.ResolvedAt), "Resolved cannot be before received.");
        }

        var feedback = new CustomerFeedback(null, input.Channel, input.Type, input.Text.Trim(), received, customerId, input.CaseId,
            string.IsNullOrWhiteSpace(input.Category) ? null : input.Category.Trim(), input.Score);
        feedback.RecordedBy(userId);
        if (!string.IsNullOrWhiteSpace(input.HandlingRecord) || input.ResolvedAt is not null)
        {
            feedback.Handle(await RepOfUserAsync(userId, ct), input.HandlingRecord ?? string.Empty, input.ResolvedAt);
        }

        db.Feedback.Add(feedback);
        await db.SaveChangesAsync(ct);
        return new RecordingResult(feedback.Id, new Dictionary<string, string>());
    }

    public async Task<RecordingResult> RecordCaseAsync(CaseInput input, string userId, CancellationToken ct = default)
    {
        ServiceCase? serviceCase;
        if (input.CaseId is { } id)
        {
            serviceCase = await db.ServiceCases.SingleOrDefaultAsync(c => c.Id == id, ct);
            if (serviceCase is null)
            {
                return RecordingResult.Fail(nameof(input.CaseId), "No service case has this id.");
            }
        }
        else
        {
            var opened = await OpenAsync(input, userId, ct);
            if (!opened.Succeeded)
            {
                return opened.Result;
            }

            serviceCase = opened.Case!;
            db.ServiceCases.Add(serviceCase);
        }

        var problem = ApplyHandling(serviceCase, input);
        if (problem is not null)
        {
            return problem;
        }

        await db.SaveChangesAsync(ct);
        return new RecordingResult(serviceCase.Id, new Dictionary<string, string>());
    }

    /// <summary>Open cases first, newest first: what a form offers to update.</summary>
    public async Task<IReadOnlyList<(long Id, string Subject, bool Resolved)>> RecentCasesAsync(int take, CancellationToken ct = default) =>
        (await db.ServiceCases.OrderBy(c => c.ResolvedAt != null).ThenByDescending(c => c.OpenedAt).Take(take)
            .Select(c => new { c.Id, c.Subject, Resolved = c.ResolvedAt != null }).ToListAsync(ct))
        .Select(c => (c.Id, c.Subject, c.Resolved)).ToList();

    private async Task<(bool Succeeded, ServiceCase? Case, RecordingResult Result)> OpenAsync(CaseInput input, string userId, CancellationToken ct)
    {
        static (bool, ServiceCase?, RecordingResult) Fail(string field, string message) => (false, null, RecordingResult.Fail(field, message));

        if (input.Channel is null || input.Priority is null || string.IsNullOrWhiteSpace(input.Category) || string.IsNullOrWhiteSpace(input.Subject))
        {
            return Fail(nameof(input.Subject), "A new case needs a channel, category, priority and subject.");
        }

        var customerId = await db.Customers.Where(c => c.ExternalId == (input.CustomerId ?? string.Empty).Trim()).Select(c => (long?)c.Id).SingleOrDefaultAsync(ct);
        if (customerId is null)
        {
            return Fail(nameof(input.CustomerId), "No customer has this id.");
        }

        var agentId = string.IsNullOrWhiteSpace(input.AgentId)
            ? await RepOfUserAsync(userId, ct)
            : await db.Reps.Where(r => r.ExternalId == input.AgentId.Trim()).Select(r => (long?)r.Id).SingleOrDefaultAsync(ct);
        if (agentId is null)
        {
            return Fail(nameof(input.AgentId), "Choose the agent handling the case (your account is not linked to a rep).");
        }

        var opened = new ServiceCase(null, customerId.Value, agentId.Value, input.OpenedAt ?? Now, input.Channel.Value,
            input.Category, input.Priority.Value, input.Subject, string.IsNullOrWhiteSpace(input.Description) ? null : input.Description);
        return (true, opened, new RecordingResult(null, new Dictionary<string, string>()));
    }

    private RecordingResult? ApplyHandling(ServiceCase serviceCase, CaseInput input)
    {
        if (input.FirstResponseAt is { } first)
        {
            if (first < serviceCase.OpenedAt)
            {
                return RecordingResult.Fail(nameof(input.FirstResponseAt), "The first response cannot come before the case was opened.");
            }

            serviceCase.RespondFirst(first);
        }

        if (input.ResolvedAt is not null || !string.IsNullOrWhiteSpace(input.Resolution))
        {
            if (string.IsNullOrWhiteSpace(input.Resolution))
            {
                return RecordingResult.Fail(nameof(input.Resolution), "Describe how the case was resolved.");
            }

            var at = input.ResolvedAt ?? Now;
            if (at < serviceCase.OpenedAt)
            {
                return RecordingResult.Fail(nameof(input.ResolvedAt), "A case cannot be resolved before it was opened.");
            }

            serviceCase.Resolve(at, input.Resolution);
        }

        if (input.Satisfaction is { } score)
        {
            if (score is < 1 or > 5)
            {
                return RecordingResult.Fail(nameof(input.Satisfaction), "A score is 1 to 5.");
            }

            serviceCase.RateSatisfaction(score);
        }

        return null;
    }

    private Task<long?> RepOfUserAsync(string userId, CancellationToken ct) =>
        db.Reps.Where(r => r.UserId == userId).Select(r => (long?)r.Id).FirstOrDefaultAsync(ct);
}
