namespace KnowledgeKaizen.Web.Hosting;

/// <summary>A menu entry; shown only to users the policy admits.</summary>
/// <param name="Text">English text, localised when rendered.</param>
/// <param name="Page">Razor page path, e.g. "/Playbooks/Index".</param>
/// <param name="Policy">Authorization policy a user needs to see the entry.</param>
/// <param name="Order">Position in its menu: one of the <see cref="NavOrder"/> values, each used once.</param>
/// <param name="Icon">Bootstrap Icons name without the "bi-" prefix.</param>
/// <param name="Group">The menu it sits in: one of <see cref="NavGroup"/>.</param>
public sealed record NavItem(string Text, string Page, string Policy, int Order, string Icon, string Group);
