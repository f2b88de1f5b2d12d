// The page sweep (on the demo portal) takes most of this assembly's time.
[assembly: TestCollectionOrderer(LongestFirst.TypeName, LongestFirst.AssemblyName)]
[assembly: LongestCollections(typeof(DemoDataCollection))]
