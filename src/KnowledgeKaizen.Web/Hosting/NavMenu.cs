namespace KnowledgeKaizen.Web.Hosting;

/// <summary>One menu of the top bar with the entries the user may open.</summary>
public sealed record NavMenu(string Group, string Icon, IReadOnlyList<NavItem> Items);
