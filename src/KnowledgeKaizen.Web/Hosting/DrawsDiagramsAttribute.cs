namespace KnowledgeKaizen.Web.Hosting;

/// <summary>
/// Marks a page that runs Mermaid (<c>@attribute [DrawsDiagrams]</c> in the .cshtml). Mermaid writes a
/// &lt;style&gt; element and style attributes into every diagram it draws (mermaid-js/mermaid#856), so only
/// these pages get a Content-Security-Policy that allows inline styles; every other response allows none.
/// </summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class DrawsDiagramsAttribute : Attribute;
