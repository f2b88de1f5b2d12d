namespace KnowledgeKaizen.Core.Crm;

public enum CaseChannel { Phone, Email, Chat, Web, Onsite }
