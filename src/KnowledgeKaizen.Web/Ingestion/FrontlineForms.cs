using KnowledgeKaizen.Core.Crm;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace KnowledgeKaizen.Web.Ingestion;

/// <summary>What the feedback and service-case forms share: the customer look-up, and the recorder's refusal shown field by field.</summary>
internal static class FrontlineForms
{
    /// <summary>The customer picked or typed in the look-up; a name that matches no one is a problem on the name field.</summary>
    public static Task<string?> PickedCustomerAsync(this ModelStateDictionary state, CrmLookup lookup, string? picked, string? typed,
        IStringLocalizer l, CancellationToken ct) =>
        state.PickedAsync(picked, typed, lookup.ResolveCustomerAsync, "Input.CustomerName",
            l["Choose the customer from the list: type part of the name or the customer number."], ct);

    /// <summary>Whether the recorder accepted the record; when not, each of its problems is put, translated, on its input field.</summary>
    public static bool Accepted(this ModelStateDictionary state, RecordingResult result, IStringLocalizer l)
    {
        foreach (var (field, message) in result.Problems)
        {
            state.AddModelError($"Input.{field}", l[message]);
        }

        return result.Succeeded;
    }
}
