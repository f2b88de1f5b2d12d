using KnowledgeKaizen.Browser.Tests.Infrastructure;
using KnowledgeKaizen.Testing;

namespace KnowledgeKaizen.Browser.Tests.PerformerDetection;

/// <summary>The browser fixture with the demo CRM data and a small, fast expected-outcome model.</summary>
public sealed class DemoDataBrowserFixture : BrowserFixture<DemoDataPortalFactory>;
