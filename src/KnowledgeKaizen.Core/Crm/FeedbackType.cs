namespace KnowledgeKaizen.Core.Crm;

public enum FeedbackType { Complaint, Praise, Suggestion }
