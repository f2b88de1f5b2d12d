namespace KnowledgeKaizen.Core.Crm;

public enum RepRole { Sales, Service }
