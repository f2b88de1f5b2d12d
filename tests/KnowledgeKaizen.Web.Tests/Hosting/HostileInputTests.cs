using System.IO.Compression;
using static KnowledgeKaizen.Web.Tests.Knowledge.KnowledgeClient;

namespace KnowledgeKaizen.Web.Tests.Hosting;

/// <summary>
/// The hostile-input corpus (<see cref="HostileCorpus"/>) against the real app: Markdown shaped for the renderer's worst
/// cases, malformed multipart bodies, odd return URLs, huge fields and image polyglots. Not one answer is a 5xx, every
/// request is answered before the hang guard <see cref="AnswerWithin"/>, and a document saved before the limits existed never takes
/// down a page, a course or an export that includes it.
/// </summary>
public sealed class HostileInputTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    /// <summary>
    /// A hang guard, not a speed check: far above any answer on a loaded test machine and far below the minutes the
    /// unbounded renderer took. The request is cancelled (and reported) past it. How fast the worst shapes render is
    /// measured by the Markdown benchmark against the 2 s budget.
    /// </summary>
    private static readonly TimeSpan AnswerWithin = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task MarkdownShapes_InThePreviewAndOnSave_AreRenderedOrRefused_NeverA5xx()
    {
        var writer = await SignInAsync("hostile-writer@corpus.test", Roles.Contributor);
        var answers = new Answers();
        foreach (var (name, markdown) in HostileCorpus.Markdown)
        {
            await answers.SendAsync($"preview: {name}", writer, () => new HttpRequestMessage(HttpMethod.Post, "/api/v1/markdown/preview")
            {
                Content = JsonContent.Create(new { markdown }),
            });
            var saved = await answers.SendAsync($"save: {name}", writer, () => Form(HttpMethod.Post, "/Knowledge/Edit?kind=playbook", new()
            {
                ["__RequestVerificationToken"] = writer.DefaultRequestHeaders.GetValues(PortalFactory.RequestTokenHeader).Single(),
                ["Input.Title"] = name,
                ["Input.Body"] = markdown,
                ["Input.Language"] = "en",
                ["Input.Stages"] = "discover",
                ["Input.ReviewIntervalDays"] = "180",
            }));
            if (saved?.StatusCode == HttpStatusCode.Redirect)
            {
                await answers.SendAsync($"read: {name}", writer, () => new HttpRequestMessage(HttpMethod.Get, saved.Headers.Location));
            }
        }

        answers.AssertNone5xxAndAllInTime();
    }

    [Fact]
    public async Task ADocumentSavedBeforeTheLimits_ShowsANoticeOnItsPageCourseHandoutAndExports()
    {
        var id = await ContentScenario.PublishedDocumentAsync(factory.Services, DocumentKind.Playbook, "Legacy deep quote", "Fine for now.");
        var courseId = await ContentScenario.CourseAsync(factory.Services, "Course with a legacy module", id);
        // Written behind the model's back, as a database from before the limits would hold it.
        await factory.WithDbAsync(db => db.Set<DocumentRevision>().Where(r => r.DocumentId == id)
            .ExecuteUpdateAsync(s => s.SetProperty(r => r.Body, new string('>', 10_000) + " deep\n\n" + HostileCorpus.Markdown[0].Markdown[..50_000])));
        var trainer = await SignInAsync("hostile-trainer@corpus.test", Roles.Trainer);
        var answers = new Answers();

        var page = await answers.SendAsync("document page", trainer, () => new HttpRequestMessage(HttpMethod.Get, $"/Knowledge/Details/{id}"));
        var learn = await answers.SendAsync("course module", trainer, () => new HttpRequestMessage(HttpMethod.Get, $"/Courses/Learn/{courseId}"));
        var handout = await answers.SendAsync("handout", trainer, () => new HttpRequestMessage(HttpMethod.Get, $"/Courses/Handout/{courseId}"));
        var scorm = await answers.SendAsync("SCORM export", trainer, () => new HttpRequestMessage(HttpMethod.Get, $"/Courses/Handout/{courseId}?handler=Scorm"));
        var bundle = await answers.SendAsync("Markdown export", trainer, () => new HttpRequestMessage(HttpMethod.Get, $"/Courses/Handout/{courseId}?handler=Markdown"));

        answers.AssertNone5xxAndAllInTime();
        foreach (var shown in new[] { page, learn, handout })
        {
            Assert.Equal(HttpStatusCode.OK, shown!.StatusCode);
            Assert.Contains("data-testid=\"markdown-unavailable\"", await shown.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        using var package = new ZipArchive(await scorm!.Content.ReadAsStreamAsync());
        using var launch = new StreamReader(package.GetEntry("index.html")!.Open());
        Assert.Contains("markdown-unavailable", await launch.ReadToEndAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, bundle!.StatusCode);
    }

    [Fact]
    public async Task MalformedMultipartBodies_AreRefusedAs4xx_Everywhere()
    {
        var admin = await factory.SignInAsync(PortalFactory.AdminEmail, PortalFactory.AdminPassword);
        var token = await Ingestion.IngestionFixture.CreateTokenAsync(factory, "hostile-multipart");
        var bearer = Ingestion.IngestionFixture.TokenClient(factory, token);
        var anonymous = factory.CreateBrowserlessClient();
        var answers = new Answers();
        var targets = new (string Name, HttpClient Client, string Url)[]
        {
            ("import API, token", bearer, "/api/v1/imports/stages"),
            ("import API, cookie", admin, "/api/v1/imports/stages"),
            ("image upload", admin, "/api/v1/knowledge/images"),
            ("upload page", admin, "/Imports/Upload"),
            ("sign-in page", anonymous, "/Account/Login"),
            ("language switch", anonymous, "/culture"),
            ("editor", admin, "/Knowledge/Edit?kind=playbook"),
        };
        foreach (var (target, client, url) in targets)
        {
            foreach (var (name, contentType, body) in HostileCorpus.Multipart)
            {
                await answers.SendAsync($"{target}: {name}", client, () =>
                {
                    var content = new ByteArrayContent(body);
                    content.Headers.TryAddWithoutValidation("Content-Type", contentType);
                    return new HttpRequestMessage(HttpMethod.Post, url) { Content = content };
                });
            }
        }

        answers.AssertNone5xxAndAllInTime();
    }

    [Fact]
    public async Task OddReturnUrls_NeverLeaveThePortal_NorFail()
    {
        var answers = new Answers();
        var browser = factory.CreateBrowserlessClient();
        var token = await PortalFactory.AntiforgeryTokenAsync(browser, "/Account/Login");
        await factory.EnsureUserAsync("returner@corpus.test", Roles.Staff);
        var wrong = new List<string>();
        foreach (var returnUrl in HostileCorpus.ReturnUrls)
        {
            var culture = await answers.SendAsync($"culture → {Shown(returnUrl)}", browser, () => Form(HttpMethod.Post, "/culture", new()
            {
                ["__RequestVerificationToken"] = token, ["culture"] = "en", ["returnUrl"] = returnUrl,
            }));
            var withoutToken = await answers.SendAsync($"culture without token → {Shown(returnUrl)}", factory.CreateBrowserlessClient(), () =>
                Form(HttpMethod.Post, "/culture", new() { ["culture"] = "zh-Hans", ["returnUrl"] = returnUrl }));
            var signIn = factory.CreateBrowserlessClient();
            var loginToken = await PortalFactory.AntiforgeryTokenAsync(signIn, "/Account/Login");
            var login = await answers.SendAsync($"sign-in → {Shown(returnUrl)}", signIn, () => Form(HttpMethod.Post, "/Account/Login?ReturnUrl=" + Uri.EscapeDataString(returnUrl), new()
            {
                ["__RequestVerificationToken"] = loginToken, ["Input.Email"] = "returner@corpus.test", ["Input.Password"] = PortalFactory.UserPassword,
            }));
            foreach (var (what, redirect) in new[] { ("culture", culture), ("culture without token", withoutToken), ("sign-in", login) })
            {
                wrong.AddRange(await WhereItLeadsAsync(redirect) is { } problem ? [$"{what} with {Shown(returnUrl)}: {problem}"] : []);
            }
        }

        Assert.True(wrong.Count == 0, string.Join("\n", wrong));
        answers.AssertNone5xxAndAllInTime();
    }

    [Fact]
    public async Task HugeFieldsAndImagePolyglots_AreRefusedOrStoredSafely()
    {
        var writer = await SignInAsync("hostile-fields@corpus.test", Roles.KnowledgeManager);
        var huge = HostileCorpus.HugeField();
        var answers = new Answers();
        var id = await CreatePlaybookAsync(writer, "Ordinary", "## What I do\n\nListen.\n");
        await ActAsync(writer, id, "Submit");
        var requestToken = writer.DefaultRequestHeaders.GetValues(PortalFactory.RequestTokenHeader).Single();

        await answers.SendAsync("huge title", writer, () => Form(HttpMethod.Post, "/Knowledge/Edit?kind=playbook", new()
        {
            ["__RequestVerificationToken"] = requestToken, ["Input.Title"] = huge, ["Input.Body"] = "x", ["Input.Language"] = "en",
        }));
        await answers.SendAsync("huge review comment", writer, () => Form(HttpMethod.Post, $"/Knowledge/Details/{id}?handler=Return", new()
        {
            ["__RequestVerificationToken"] = requestToken, ["revision"] = "1", ["comment"] = huge,
        }));
        await answers.SendAsync("huge search", writer, () => new HttpRequestMessage(HttpMethod.Get, "/Search?q=" + Uri.EscapeDataString(huge[..20_000])));
        await answers.SendAsync("huge suggestion prefix", writer, () => new HttpRequestMessage(HttpMethod.Get, "/api/v1/search/suggest?q=" + Uri.EscapeDataString(huge[..20_000])));
        await answers.SendAsync("huge feedback text", writer, () => new HttpRequestMessage(HttpMethod.Post, "/api/v1/feedback")
        {
            Content = JsonContent.Create(new { channel = "web", type = "complaint", text = huge, category = huge[..5_000] }),
        });
        await answers.SendAsync("huge sign-in email", factory.CreateBrowserlessClient(), () => Form(HttpMethod.Post, "/Account/Login", new()
        {
            ["Input.Email"] = huge, ["Input.Password"] = huge,
        }));
        await answers.SendAsync("huge autosave", writer, () => new HttpRequestMessage(HttpMethod.Post, "/api/v1/knowledge/autosave")
        {
            Content = JsonContent.Create(new { slot = "hostile", title = huge, body = huge }),
        });

        var unsafeImages = new List<string>();
        foreach (var (name, fileName, contentType, content) in HostileCorpus.ImagePolyglots)
        {
            var answer = await answers.SendAsync($"image: {name}", writer, () =>
            {
                var file = new ByteArrayContent(content);
                file.Headers.ContentType = new MediaTypeHeaderValue(contentType);
                return new HttpRequestMessage(HttpMethod.Post, "/api/v1/knowledge/images") { Content = new MultipartFormDataContent { { file, "image", fileName } } };
            });
            unsafeImages.AddRange(await HowItIsServedAsync(writer, answer) is { } problem ? [$"{name}: {problem}"] : []);
        }

        Assert.True(unsafeImages.Count == 0, string.Join("\n", unsafeImages));
        answers.AssertNone5xxAndAllInTime();
    }

    private async Task<HttpClient> SignInAsync(string email, string role)
    {
        await factory.EnsureUserAsync(email, role);
        return await factory.SignInAsync(email, PortalFactory.UserPassword);
    }

    private sealed record Uploaded(string Url);

    /// <summary>Null when the answer is a redirect within the portal or a 400 (a body the form reader refuses, e.g. a NUL).</summary>
    private static async Task<string?> WhereItLeadsAsync(HttpResponseMessage? answer)
    {
        if (answer is null)
        {
            return "no answer";
        }

        var location = answer.Headers.Location?.OriginalString ?? string.Empty;
        return answer.StatusCode switch
        {
            HttpStatusCode.BadRequest => null,
            HttpStatusCode.Redirect when location.StartsWith('/') && !location.StartsWith("//", StringComparison.Ordinal)
                && !location.StartsWith("/\\", StringComparison.Ordinal) && !location.Any(char.IsControl) => null,
            HttpStatusCode.Redirect => $"redirected to {Shown(location)}",
            _ => $"{(int)answer.StatusCode} {Shown(await answer.Content.ReadAsStringAsync(), 300)}",
        };
    }

    /// <summary>
    /// Null when the upload was refused (400, 415), or stored as an image type and served as one with nosniff: an image
    /// signature in front of anything else is that image to every browser.
    /// </summary>
    private static async Task<string?> HowItIsServedAsync(HttpClient client, HttpResponseMessage? answer)
    {
        if (answer?.StatusCode is HttpStatusCode.BadRequest or HttpStatusCode.UnsupportedMediaType)
        {
            return null;
        }

        if (answer?.StatusCode != HttpStatusCode.OK)
        {
            return $"answered {answer?.StatusCode}";
        }

        var served = await client.GetAsync((await answer.Content.ReadFromJsonAsync<Uploaded>())!.Url);
        var type = served.Content.Headers.ContentType?.MediaType ?? string.Empty;
        var sniffing = served.Headers.TryGetValues("X-Content-Type-Options", out var values) ? values.Single() : "sniffing allowed";
        return type.StartsWith("image/", StringComparison.Ordinal) && sniffing == "nosniff" ? null : $"served as {type} with {sniffing}";
    }

    private static HttpRequestMessage Form(HttpMethod method, string url, Dictionary<string, string> fields) =>
        new(method, url) { Content = new FormUrlEncodedContent(fields) };

    private static string Shown(string text, int length = 60) => string.Concat(text.Take(length).Select(c => char.IsControl(c) ? $"\\u{(int)c:x4}" : c.ToString()));

    /// <summary>Sends each request with its own deadline and keeps what went wrong, so one run reports every offender.</summary>
    private sealed class Answers
    {
        private readonly List<string> offenders = [];

        /// <summary>The response, or null when it failed or did not come in time (then it is an offender).</summary>
        public async Task<HttpResponseMessage?> SendAsync(string name, HttpClient client, Func<HttpRequestMessage> request)
        {
            using var deadline = new CancellationTokenSource(AnswerWithin);
            try
            {
                var response = await client.SendAsync(request(), deadline.Token);
                await response.Content.LoadIntoBufferAsync(deadline.Token);
                if ((int)response.StatusCode >= 500)
                {
                    offenders.Add($"{name}: {(int)response.StatusCode}");
                }

                return response;
            }
            catch (OperationCanceledException) when (deadline.IsCancellationRequested)
            {
                offenders.Add($"{name}: no answer within {AnswerWithin.TotalSeconds} s");
            }
            catch (Exception ex) when (ex is HttpRequestException or InvalidOperationException or IOException)
            {
                offenders.Add($"{name}: {ex.GetType().Name} {ex.Message}");
            }

            return null;
        }

        public void AssertNone5xxAndAllInTime() =>
            Assert.True(offenders.Count == 0, "Requests that failed or were slow:\n" + string.Join("\n", offenders));
    }
}
