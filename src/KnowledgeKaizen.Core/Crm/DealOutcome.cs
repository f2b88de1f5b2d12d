namespace KnowledgeKaizen.Core.Crm;

public enum DealOutcome { Open, Won, Lost }
