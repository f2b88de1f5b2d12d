namespace KnowledgeKaizen.Core.Crm;

public enum RepRole { Sales, Service }

public enum CustomerSegment { Smb, Mid, Enterprise }

public enum LeadSource { Referral, Web, Event, Outbound, Partner }

public enum DealOutcome { Open, Won, Lost }

public enum StageOutcome { Advanced, Lost, Open }

public enum ActivityType { Visit, Call, Proposal, Quote }

public enum CaseChannel { Phone, Email, Chat, Web, Onsite }

public enum CasePriority { Low, Normal, High, Urgent }

public enum FeedbackChannel { Phone, Email, Chat, Web, Survey, Social }

public enum FeedbackType { Complaint, Praise, Suggestion }
