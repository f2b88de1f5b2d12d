namespace KnowledgeKaizen.Core.Crm;

public enum StageOutcome { Advanced, Lost, Open }
