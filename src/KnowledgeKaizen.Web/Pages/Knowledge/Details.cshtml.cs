namespace KnowledgeKaizen.Web.Pages.Knowledge;

[Authorize(Policy = Policies.Reader)]
public sealed class DetailsModel(DocumentPages pages, KnowledgeService knowledge, ReaderFeedbackService feedback, IStringLocalizer<SharedResource> l)
    : KnowledgePageModel(l)
{
    public DocumentView View { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(int id, int? revision, CancellationToken ct)
    {
        var view = await pages.ViewAsync(id, revision, Actor, ct);
        if (view is null)
        {
            return NotFound();
        }

        View = view;
        return Page();
    }

    public Task<IActionResult> OnPostSubmitAsync(int id) =>
        RunAsync(() => knowledge.SubmitAsync(id, Actor), "Submitted for review.", () => Back(id));

    /// <summary>
    /// <paramref name="revision"/> is the revision the page showed the reviewer (a hidden field of the form). A procedure's form
    /// sends its effective date (filled with today); an emptied one is refused, never read as today.
    /// </summary>
    public async Task<IActionResult> OnPostApproveAsync(int id, int revision, string? comment, DateOnly? effective, bool needsEffective)
    {
        if (needsEffective && effective is null)
        {
            TempData[ErrorKey] = L["Choose the date the new revision takes effect."].Value;
            return Back(id);
        }

        return await RunAsync(() => knowledge.ApproveAsync(id, revision, comment, effective, Actor), "Published.", () => Back(id));
    }

    public Task<IActionResult> OnPostReturnAsync(int id, int revision, string? comment) =>
        RunAsync(() => knowledge.ReturnAsync(id, revision, comment ?? string.Empty, Actor), "Returned to the author.", () => Back(id));

    public Task<IActionResult> OnPostArchiveAsync(int id) =>
        RunAsync(() => knowledge.ArchiveAsync(id, Actor), "Archived.", () => Back(id));

    public Task<IActionResult> OnPostVerifyAsync(int id) =>
        RunAsync(() => knowledge.VerifyAsync(id, Actor), "Verified: the content is still correct.", () => Back(id));

    public Task<IActionResult> OnPostFeedbackAsync(int id, FeedbackKind kind, string? reason) =>
        RunAsync(() => feedback.RecordAsync(id, Actor.UserId ?? string.Empty, kind, reason), "Thank you for your feedback.", () => Back(id));

    public Task<IActionResult> OnPostLinkCaseAsync(int id, string? caseKey) =>
        RunAsync(() => feedback.LinkCaseAsync(id, caseKey ?? string.Empty, Actor.UserId ?? string.Empty), "Case linked.", () => Back(id));

    private RedirectToPageResult Back(int id) => RedirectToPage("Details", new { id });
}
