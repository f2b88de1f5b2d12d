namespace KnowledgeKaizen.Core.Crm;

public enum CasePriority { Low, Normal, High, Urgent }
