using KnowledgeKaizen.Web.Tests.Hosting;
using KnowledgeKaizen.Web.Tests.Ingestion;
using KnowledgeKaizen.Web.Tests.Jobs;
using KnowledgeKaizen.Web.Tests.PerformerDetection;
using KnowledgeKaizen.Web.Tests.Search;

// The classes that start real processes, train a model or crawl many requests, longest first (measured with a trx log).
[assembly: TestCollectionOrderer(LongestFirst.TypeName, LongestFirst.AssemblyName)]
[assembly: LongestCollections(typeof(KilledImportTests), typeof(KilledInstanceTests), typeof(PerformerDetectionDemoTests), typeof(HostileInputTests),
    typeof(SearchPageTests), typeof(SearchAnalyticsTests), typeof(IndexRecoveryTests))]
