namespace KnowledgeKaizen.Core.Hosting;

/// <summary>
/// When each start-up task runs, lowest first, one value each (a test keeps them distinct): the schema, then what
/// needs only the schema, then data, then the derived state checked against that data.
/// </summary>
public static class StartupOrder
{
    /// <summary>Migrations: everything else needs the schema.</summary>
    public const int Database = 0;

    /// <summary>A data-protection key in force, made once for every instance (needs the schema when keys are in the database).</summary>
    public const int KeyRing = 5;

    /// <summary>The roles and the first Admin account.</summary>
    public const int Accounts = 10;

    /// <summary>Partial files that writes a crash interrupted are removed from the data folder.</summary>
    public const int UnfinishedWrites = 15;

    /// <summary>Imports a crash left unfinished: failed if nothing was applied yet, finished if their apply had begun.</summary>
    public const int ImportRecovery = 20;

    /// <summary>The demo CRM data on a first start; tasks before it are what the command-line import runs too.</summary>
    public const int DemoData = 30;

    /// <summary>The shipped content/ library, imported idempotently.</summary>
    public const int ContentLibrary = 40;

    /// <summary>The dashboards' monthly aggregates, rebuilt when stale.</summary>
    public const int MetricFacts = 50;

    /// <summary>The search index checked against the data (and a rebuild queued when needed).</summary>
    public const int SearchIndex = 60;

    /// <summary>The first performer-detection retraining, queued when no findings exist yet.</summary>
    public const int FirstRetrain = 70;
}
