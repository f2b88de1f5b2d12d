using Microsoft.AspNetCore.Razor.TagHelpers;

namespace KnowledgeKaizen.Web.Hosting;

/// <summary>
/// A box that scrolls its table sideways (Bootstrap's <c>table-responsive</c>) must be reachable by keyboard, or someone
/// without a mouse cannot see the columns past the edge: every such box is a tab stop, on every page, without each page
/// having to remember it.
/// </summary>
[HtmlTargetElement("div", Attributes = "[class^=table-responsive]")]
public sealed class ScrollBoxTagHelper : TagHelper
{
    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        if (!output.Attributes.ContainsName("tabindex"))
        {
            output.Attributes.SetAttribute("tabindex", "0");
        }
    }
}
