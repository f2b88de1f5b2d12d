namespace KnowledgeKaizen.Core.Crm;

public enum LeadSource { Referral, Web, Event, Outbound, Partner }
