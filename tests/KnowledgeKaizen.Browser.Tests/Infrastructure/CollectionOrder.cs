using KnowledgeKaizen.Browser.Tests.Layout;
using KnowledgeKaizen.Browser.Tests.PerformerDetection;

// The page scans take most of this assembly's time.
[assembly: TestCollectionOrderer(LongestFirst.TypeName, LongestFirst.AssemblyName)]
[assembly: LongestCollections(typeof(LayoutCollection), typeof(DemoDataCollection))]
