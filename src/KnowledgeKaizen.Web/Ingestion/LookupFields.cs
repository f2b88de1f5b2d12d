using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace KnowledgeKaizen.Web.Ingestion;

/// <summary>A look-up field posts the CRM id picked from the list and the text shown; either may be all there is.</summary>
public static class LookupFields
{
    /// <summary>
    /// The id picked in the look-up, else the one record the typed text names (an exact CRM id or a unique name); when the
    /// text names none, <paramref name="problem"/> is recorded against <paramref name="key"/>.
    /// </summary>
    public static async Task<string?> PickedAsync(this ModelStateDictionary state, string? picked, string? typed,
        Func<string, CancellationToken, Task<string?>> resolve, string key, string problem, CancellationToken ct)
    {
        if (!string.IsNullOrWhiteSpace(picked) || string.IsNullOrWhiteSpace(typed))
        {
            return picked;
        }

        var resolved = await resolve(typed, ct);
        if (resolved is null)
        {
            state.AddModelError(key, problem);
        }

        return resolved;
    }
}
