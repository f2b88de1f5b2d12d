using KnowledgeKaizen.Core.Notifications;

namespace KnowledgeKaizen.Core.Data;

public partial class KnowledgeKaizenDbContext
{
    public DbSet<Notification> Notifications => Set<Notification>();

    public DbSet<OutgoingMail> OutgoingMails => Set<OutgoingMail>();
}
