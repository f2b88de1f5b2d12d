using System.Text;

namespace KnowledgeKaizen.Testing;

/// <summary>
/// Input an attacker (or an unlucky import) sends to make the portal spend minutes of CPU, answer 500 or follow a link
/// off-site: Markdown shaped for the parser's worst cases, malformed multipart bodies, odd return URLs, huge fields and
/// image polyglots. The renderer's unit tests and the whole-app test use this one list (the XSS payloads are in
/// <see cref="XssCorpus"/>).
/// </summary>
public static class HostileCorpus
{
    /// <summary>The portal's size limit for a document (MarkdownRenderer.MaxSourceLength).</summary>
    public const int MaxDocument = 200_000;

    /// <summary>Markdown shapes near the size limit whose naive rendering is slow, deep or throws.</summary>
    public static IReadOnlyList<(string Name, string Markdown)> Markdown { get; } =
    [
        ("identical headings", Fill("# a\n")),
        ("setext headings", Fill("a\n=\n\n")),
        ("headings with numbered twins", Fill("# s\n# s-1\n")),
        ("web addresses", Fill("http://a.example/x ")),
        ("angle autolinks", Fill("<https://a.example> ")),
        ("mail autolinks", Fill("mailto:a@b.example ")),
        ("long table", "| a | b |\n|---|---|\n" + Fill("| 1 | 2 |\n", MaxDocument - 40)),
        ("wide table", "|" + Repeat("a|", 4000) + "\n|" + Repeat("-|", 4000) + "\n" + Fill("|" + Repeat("1|", 4000) + "\n", MaxDocument - 16_010)),
        ("emphasis table", "| a | b |\n|---|---|\n" + Fill("| **x** | _y_ |\n", MaxDocument - 40)),
        ("nested quotes", new string('>', MaxDocument - 1) + "a"),
        ("nested lists", Fill("- ", MaxDocument - 1) + "a"),
        ("nested ordered lists", Fill("1. ", MaxDocument - 1) + "a"),
        ("open brackets", new string('[', MaxDocument - 1)),
        ("open brackets with words", Fill("[a ")),
        ("open parentheses in a link", "[a](" + new string('(', MaxDocument - 10)),
        ("emphasis runs", Fill("*a ")),
        ("nested emphasis", Fill("*_", MaxDocument / 2) + "a" + Fill("_*", MaxDocument / 2 - 2)),
        ("emphasis paragraphs", Fill(Repeat("*a ", 9_000) + "\n\n")),
        ("backtick runs", Fill("`", MaxDocument / 2) + "a"),
        ("backtick ladders", Fill("`a``b```c````")),
        ("link reference definitions", Fill("[a]: b\n")),
        ("distinct reference definitions", Numbered(i => $"[r{i}]: https://r.example/{i}\n")),
        ("links", Fill("[a](b) ")),
        ("images", Fill("![a](b.png) ")),
        ("footnotes", Numbered(i => $"x[^{i}]\n\n[^{i}]: y\n\n")),
        ("raw html", Fill("<div><span>")),
        ("html comments", Fill("<!-- a ")),
        ("entities", Fill("&#x1F600;&amp;&nbsp;")),
        ("tight list", Fill("- **a** [b](c)\n")),
        ("paragraphs", Fill("a\n\n")),
        ("grid table", "+---+---+\n" + Fill("| a | b |\n+---+---+\n", MaxDocument - 12)),
        ("mermaid with tags", "```mermaid\nflowchart TD\n" + Fill("A[\"<b>x</b>\"] --> B\n", MaxDocument - 30) + "\n```\n"),
        ("generic attributes", Fill("# h {#a .b c=d}\n")),
        ("abbreviations", Fill("*[a]: b\n")),
        ("math", Fill("$a$ $$b$$ ")),
        ("custom containers", Fill(":::\n")),
        ("definition lists", Fill("a\n:   b\n\n")),
        ("one long line", new string('a', MaxDocument)),
        ("one long word of escapes", Fill("\\*")),
        ("null and control characters", Fill("a\0\u0001\u001b[31m\u2028\u202e ")),
        ("unpaired surrogates", Fill("\ud800a\udc00")),
    ];

    /// <summary>Return URLs that must never send anyone off the portal, nor fail the request.</summary>
    public static IReadOnlyList<string> ReturnUrls { get; } =
    [
        "https://evil.example/",
        "//evil.example/",
        "///evil.example/",
        "/\\evil.example/",
        "\\\\evil.example\\",
        "/\t/evil.example/",
        "/\r\n/evil.example/",
        "/\n/evil.example",
        "/%09/evil.example/",
        "/%2F/evil.example/",
        " //evil.example/",
        "javascript:alert(1)",
        "JaVaScRiPt:alert(1)",
        "data:text/html,<script>alert(1)</script>",
        "/\u0000",
        "/\u202e/evil.example",
        "~/../../etc/passwd",
        "/" + new string('a', 20_000),
    ];

    /// <summary>Multipart bodies (content type, body) that the form reader refuses: never a 500.</summary>
    public static IReadOnlyList<(string Name, string ContentType, byte[] Body)> Multipart { get; } =
    [
        ("no boundary parameter", "multipart/form-data", Ascii("--x\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\n1\r\n--x--\r\n")),
        ("boundary over 70 characters", "multipart/form-data; boundary=" + new string('b', 200),
            Ascii("--" + new string('b', 200) + "\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\n1\r\n--" + new string('b', 200) + "--\r\n")),
        ("boundary of 10,000 characters", "multipart/form-data; boundary=" + new string('c', 10_000), Ascii("--" + new string('c', 10_000) + "\r\n")),
        ("body without the boundary", "multipart/form-data; boundary=xyz", Ascii("this is not multipart at all")),
        ("unterminated part", "multipart/form-data; boundary=xyz", Ascii("--xyz\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\nunterminated")),
        ("part without headers end", "multipart/form-data; boundary=xyz", Ascii("--xyz\r\nContent-Disposition: form-data; name=\"a\"")),
        ("header line of 100,000 characters", "multipart/form-data; boundary=xyz",
            Ascii("--xyz\r\nContent-Disposition: form-data; name=\"" + new string('n', 100_000) + "\"\r\n\r\n1\r\n--xyz--\r\n")),
        ("empty body", "multipart/form-data; boundary=xyz", []),
        ("quoted boundary never closed", "multipart/form-data; boundary=\"xyz", Ascii("--xyz\r\n\r\n")),
        ("url-encoded with broken escapes", "application/x-www-form-urlencoded", Ascii("a=%ZZ&b=%&c=%%%&" + new string('&', 5_000))),
    ];

    /// <summary>Image uploads that are not what they claim: HTML, script and archives wearing an image's name or header.</summary>
    public static IReadOnlyList<(string Name, string FileName, string ContentType, byte[] Content)> ImagePolyglots { get; } =
    [
        ("html named png", "x.png", "image/png", Ascii("<html><script>alert(1)</script></html>")),
        ("svg with script", "x.svg", "image/svg+xml", Ascii("<svg xmlns=\"http://www.w3.org/2000/svg\" onload=\"alert(1)\"/>")),
        ("gif header then html", "x.gif", "image/gif", Ascii("GIF89a/*<script>alert(1)</script>*/=1;")),
        ("png header then script", "x.png", "image/png", [.. new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A }, .. Ascii("<script>alert(1)</script>")]),
        ("jpeg header only", "x.jpg", "image/jpeg", [0xFF, 0xD8, 0xFF]),
        ("zip named jpg", "x.jpg", "image/jpeg", [0x50, 0x4B, 0x03, 0x04, .. new byte[64]]),
        ("empty file", "x.png", "image/png", []),
        ("path in the file name", "../../../etc/passwd.png", "image/png", Ascii("not a png")),
    ];

    /// <summary>A field of <paramref name="length"/> characters: titles, comments, search terms and names far beyond their limits.</summary>
    public static string HugeField(int length = 1_000_000) => Fill("長い値 long value ", length);

    private static string Fill(string unit, int length = MaxDocument)
    {
        var text = new StringBuilder(length + unit.Length);
        while (text.Length + unit.Length <= length)
        {
            text.Append(unit);
        }

        return text.ToString();
    }

    private static string Repeat(string unit, int count) => new StringBuilder(unit.Length * count).Insert(0, unit, count).ToString();

    private static string Numbered(Func<int, string> line)
    {
        var text = new StringBuilder(MaxDocument);
        for (var i = 0; ; i++)
        {
            var next = line(i);
            if (text.Length + next.Length > MaxDocument)
            {
                return text.ToString();
            }

            text.Append(next);
        }
    }

    private static byte[] Ascii(string text) => Encoding.ASCII.GetBytes(text);
}
