namespace KnowledgeKaizen.Core.Crm;

public enum CustomerSegment { Smb, Mid, Enterprise }
