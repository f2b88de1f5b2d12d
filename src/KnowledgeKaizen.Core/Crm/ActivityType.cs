namespace KnowledgeKaizen.Core.Crm;

public enum ActivityType { Visit, Call, Proposal, Quote }
