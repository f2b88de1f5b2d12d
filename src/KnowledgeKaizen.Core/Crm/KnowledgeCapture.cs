using KnowledgeKaizen.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace KnowledgeKaizen.Core.Crm;

/// <summary>A piece of customer feedback recorded in the portal as it arrives.</summary>
public sealed record FeedbackInput(FeedbackChannel Channel, FeedbackType Type, string Text, int? Score = null,
    string? CustomerId = null, long? CaseId = null, string? Category = null, DateTime? ReceivedAt = null,
    string? HandlingRecord = null, DateTime? ResolvedAt = null);

/// <summary>
/// A service case recorded or updated in the portal. Without <see cref="CaseId"/> a new case is opened
/// (customer, channel, category, priority and subject required); with it, the handling is added to that case.
/// </summary>
public sealed record CaseInput(long? CaseId = null, string? CustomerId = null, string? AgentId = null,
    CaseChannel? Channel = null, string? Category = null, CasePriority? Priority = null, string? Subject = null,
    string? Description = null, DateTime? OpenedAt = null, DateTime? FirstResponseAt = null, DateTime? ResolvedAt = null,
    string? Resolution = null, int? Satisfaction = null);

/// <summary>Outcome of a capture: the record's id, or problems by field name.</summary>
public sealed record CaptureResult(long? Id, IReadOnlyDictionary<string, string> Problems)
{
    public bool Succeeded => Id is not null;

    public static CaptureResult Fail(string field, string message) => new(null, new Dictionary<string, string> { [field] = message });
}

/// <summary>
/// Staff record customer feedback and service-case handling directly in the portal, so knowledge is
/// collected where the work happens and not only from CRM exports. Both entities are searchable.
/// </summary>
public sealed class KnowledgeCapture(KnowledgeKaizenDbContext db)
{
    public async Task<CaptureResult> RecordFeedbackAsync(FeedbackInput input, string userId, CancellationToken ct = default)
    {
        if (string.IsNullOrWhiteSpace(input.Text))
        {
            return CaptureResult.Fail(nameof(input.Text), "Enter what the customer said.");
        }

        if (input.Score is < 1 or > 5)
        {
            return CaptureResult.Fail(nameof(input.Score), "A score is 1 to 5.");
        }

        long? customerId = null;
        if (!string.IsNullOrWhiteSpace(input.CustomerId))
        {
            customerId = await db.Customers.Where(c => c.ExternalId == input.CustomerId.Trim()).Select(c => (long?)c.Id).SingleOrDefaultAsync(ct);
            if (customerId is null)
            {
                return CaptureResult.Fail(nameof(input.CustomerId), "No customer has this id.");
            }
        }

        if (input.CaseId is { } caseId && !await db.ServiceCases.AnyAsync(c => c.Id == caseId, ct))
        {
            return CaptureResult.Fail(nameof(input.CaseId), "No service case has this id.");
        }

        var received = input.ReceivedAt ?? DateTime.UtcNow;
        if (input.ResolvedAt < received)
        {
            return CaptureResult.Fail(nameof(input.ResolvedAt), "Resolved cannot be before received.");
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
        return new CaptureResult(feedback.Id, new Dictionary<string, string>());
    }

    public async Task<CaptureResult> RecordCaseAsync(CaseInput input, string userId, CancellationToken ct = default)
    {
        ServiceCase? serviceCase;
        if (input.CaseId is { } id)
        {
            serviceCase = await db.ServiceCases.SingleOrDefaultAsync(c => c.Id == id, ct);
            if (serviceCase is null)
            {
                return CaptureResult.Fail(nameof(input.CaseId), "No service case has this id.");
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
        return new CaptureResult(serviceCase.Id, new Dictionary<string, string>());
    }

    /// <summary>Open cases first, newest first: what a form offers to update.</summary>
    public async Task<IReadOnlyList<(long Id, string Subject, bool Resolved)>> RecentCasesAsync(int take, CancellationToken ct = default) =>
        (await db.ServiceCases.OrderBy(c => c.ResolvedAt != null).ThenByDescending(c => c.OpenedAt).Take(take)
            .Select(c => new { c.Id, c.Subject, Resolved = c.ResolvedAt != null }).ToListAsync(ct))
        .Select(c => (c.Id, c.Subject, c.Resolved)).ToList();

    private async Task<(bool Succeeded, ServiceCase? Case, CaptureResult Result)> OpenAsync(CaseInput input, string userId, CancellationToken ct)
    {
        static (bool, ServiceCase?, CaptureResult) Fail(string field, string message) => (false, null, CaptureResult.Fail(field, message));

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

        var opened = new ServiceCase(null, customerId.Value, agentId.Value, input.OpenedAt ?? DateTime.UtcNow, input.Channel.Value,
            input.Category, input.Priority.Value, input.Subject, string.IsNullOrWhiteSpace(input.Description) ? null : input.Description);
        return (true, opened, new CaptureResult(null, new Dictionary<string, string>()));
    }

    private static CaptureResult? ApplyHandling(ServiceCase serviceCase, CaseInput input)
    {
        if (input.FirstResponseAt is { } first)
        {
            if (first < serviceCase.OpenedAt)
            {
                return CaptureResult.Fail(nameof(input.FirstResponseAt), "The first response cannot come before the case was opened.");
            }

            serviceCase.RespondFirst(first);
        }

        if (input.ResolvedAt is not null || !string.IsNullOrWhiteSpace(input.Resolution))
        {
            if (string.IsNullOrWhiteSpace(input.Resolution))
            {
                return CaptureResult.Fail(nameof(input.Resolution), "Describe how the case was resolved.");
            }

            var at = input.ResolvedAt ?? DateTime.UtcNow;
            if (at < serviceCase.OpenedAt)
            {
                return CaptureResult.Fail(nameof(input.ResolvedAt), "A case cannot be resolved before it was opened.");
            }

            serviceCase.Resolve(at, input.Resolution);
        }

        if (input.Satisfaction is { } score)
        {
            if (score is < 1 or > 5)
            {
                return CaptureResult.Fail(nameof(input.Satisfaction), "A score is 1 to 5.");
            }

            serviceCase.RateSatisfaction(score);
        }

        return null;
    }

    private Task<long?> RepOfUserAsync(string userId, CancellationToken ct) =>
        db.Reps.Where(r => r.UserId == userId).Select(r => (long?)r.Id).FirstOrDefaultAsync(ct);
}
