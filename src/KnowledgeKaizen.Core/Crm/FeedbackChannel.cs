namespace KnowledgeKaizen.Core.Crm;

public enum FeedbackChannel { Phone, Email, Chat, Web, Survey, Social }
