using KnowledgeKaizen.Web.Tests.Hosting;
using KnowledgeKaizen.Web.Tests.Ingestion;
using KnowledgeKaizen.Web.Tests.Jobs;
using KnowledgeKaizen.Web.Tests.PerformerDetection;
using KnowledgeKaizen.Web.Tests.Search;

// The classes that start real processes, train a model or crawl many requests, longest first (measured with a trx log).
// The two-instance collection is named in words, which sorted it after every class: it ran for two minutes at the end
// of the suite with nothing beside it.
[assembly: TestCollectionOrderer(LongestFirst.TypeName, LongestFirst.AssemblyName)]
[assembly: LongestCollections(typeof(KilledImportTests), typeof(KilledInstanceTests), typeof(PerformerDetectionDemoTests), typeof(ScaleOut),
    typeof(HostileInputTests), typeof(SearchPageTests), typeof(SearchAnalyticsTests), typeof(IndexRecoveryTests))]
