using System.Security.Cryptography;
using System.Text;

namespace KnowledgeKaizen.Browser.Tests.Sweep;

/// <summary>
/// A page view's markup as the server sent it, as the two parts the page checks read: the page without its top bar
/// (<see cref="Content"/>) and the top bar (<see cref="Bar"/>), each hashed with the language. The same document lays
/// out, reads and raises policy violations the same way in the same browser, and the top bar and the rest of the page are
/// separate blocks, so a view whose content and bar an opened view already showed needs no browser of its own.
/// Left out, as they change on every load or change nothing a check reads: hidden fields (antiforgery tokens, the
/// language switch's return address), script nonces, and which menu entry is marked as the current page (no style or
/// script reads it).
/// </summary>
public sealed partial record ViewMarkup(string Content, string Bar)
{
    public static ViewMarkup Of(string locale, string html)
    {
        var kept = Unread().Replace(html, string.Empty);
        var bar = TopBar().Match(kept);
        var content = bar.Success ? kept.Remove(bar.Index, bar.Length) : kept;
        return new(Hash(locale, content), Hash(locale, bar.Success ? bar.Value : string.Empty));
    }

    private static string Hash(string locale, string markup) =>
        Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(locale + "\n" + markup)));

    [GeneratedRegex(@"<input\b[^>]*\btype=""hidden""[^>]*>|\snonce=""[^""]*""|\saria-current=""page""")]
    private static partial Regex Unread();

    [GeneratedRegex("<header>.*?</header>", RegexOptions.Singleline)]
    private static partial Regex TopBar();
}
