namespace KnowledgeKaizen.Core.Overview;

/// <summary>
/// An open task on the home page: its link (with the title stored when it was sent, in the sender's words), its kind and
/// the stage it is about, so the page titles it in the reader's language as the task list does.
/// </summary>
public sealed record TaskLink(WorkLink Link, string Kind, string? Stage);
