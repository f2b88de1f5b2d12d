namespace KnowledgeKaizen.Web.Pages.Imports;

/// <summary>API tokens for the import API: create (the secret is shown once) and revoke.</summary>
[Authorize(Policy = Policies.Admin)]
public sealed class TokensModel(ApiTokenAdministration tokens) : PageModel
{
    public IReadOnlyList<ApiTokenSummary> Tokens { get; private set; } = [];

    [BindProperty]
    [Required(ErrorMessage = "Give the token a name.")]
    [StringLength(100)]
    public string Name { get; set; } = string.Empty;

    /// <summary>The new token's secret, shown once.</summary>
    public string? Secret { get; private set; }

    public async Task OnGetAsync(CancellationToken ct) => Tokens = await tokens.ListAsync(ct);

    public async Task<IActionResult> OnPostCreateAsync(CancellationToken ct)
    {
        if (ModelState.IsValid)
        {
            Secret = await tokens.CreateAsync(Name, User.Identity?.Name ?? "admin", ct);
        }

        Tokens = await tokens.ListAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostRevokeAsync(Guid id, CancellationToken ct)
    {
        await tokens.RevokeAsync(id, ct);
        return RedirectToPage();
    }
}
