namespace KnowledgeKaizen.Browser.Tests.Courses;

/// <summary>
/// A trainer builds and publishes a course (finding documents by typing, reordering by keyboard and by dragging, editing a
/// question); a Staff learner joins and passes it; the trainer sees it.
/// </summary>
public sealed class CourseBuilderFlowTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task Trainer_BuildsAndReordersWithKeyboardButtons_LearnerCompletes_TrainerSeesCompletion()
    {
        var services = fixture.Server.Services;
        await ContentScenario.PublishedDocumentAsync(services, DocumentKind.Procedure, "Discovery call script", "Ask about budget.");
        await ContentScenario.PublishedDocumentAsync(services, DocumentKind.Playbook, "Budget questions that work", "Ask what happens if nothing changes.");
        await fixture.Server.EnsureUserAsync("tina@browser.test", "Trainer");
        await fixture.Server.EnsureUserAsync("leo@browser.test", "Staff");

        var trainer = await fixture.NewPageAsync();
        await Artifacts.CaptureOnFailureAsync(trainer, nameof(Trainer_BuildsAndReordersWithKeyboardButtons_LearnerCompletes_TrainerSeesCompletion) + "-trainer", async () =>
        {
            await SignIn.AsAsync(trainer, "tina@browser.test", PortalFactory.UserPassword);
            await trainer.GotoAsync("/Courses");
            await trainer.GetByLabel("Title").FillAsync("Discovery onboarding");
            await trainer.GetByLabel("Audience stage").SelectOptionAsync("discover");
            await trainer.GetByRole(AriaRole.Button, new() { Name = "Create course" }).ClickAsync();
            await Assertions.Expect(trainer.GetByTestId("no-modules")).ToBeVisibleAsync();

            // Typing narrows the picker (the shipped library alone has dozens of documents); Enter adds the first match.
            foreach (var (typed, title) in new[] { ("call script", "Discovery call script"), ("BUDGET questions", "Budget questions that work") })
            {
                await trainer.GetByTestId("module-search").FillAsync(typed);
                await Assertions.Expect(trainer.Locator("#Module_DocumentId option:not([hidden])")).ToHaveCountAsync(1);
                await Assertions.Expect(trainer.Locator("#Module_DocumentId option:not([hidden])")).ToContainTextAsync(title);
                await trainer.GetByTestId("module-search").PressAsync("Enter");
                await Assertions.Expect(trainer.GetByTestId("module-title").Last).ToContainTextAsync(title);
            }

            var titles = trainer.GetByTestId("module-title");
            await Assertions.Expect(titles).ToHaveTextAsync(["1. Discovery call script", "2. Budget questions that work"]);

            // Keyboard reordering: focus the button and press Enter (a plain form post, no script needed).
            await trainer.GetByRole(AriaRole.Button, new() { Name = "Move up: Budget questions that work" }).FocusAsync();
            await trainer.Keyboard.PressAsync("Enter");
            await Assertions.Expect(titles).ToHaveTextAsync(["1. Budget questions that work", "2. Discovery call script"]);

            // Dragging the grip with the mouse (SortableJS) posts the new index and reloads; Move down then restores the order.
            var from = (await trainer.Locator(".drag-handle").Nth(1).BoundingBoxAsync())!;
            var to = (await trainer.Locator(".drag-handle").Nth(0).BoundingBoxAsync())!;
            await trainer.Mouse.MoveAsync(from.X + (from.Width / 2), from.Y + (from.Height / 2));
            await trainer.Mouse.DownAsync();
            await trainer.Mouse.MoveAsync(to.X + (to.Width / 2), to.Y + 2, new() { Steps = 12 });
            await trainer.Mouse.UpAsync();
            await Assertions.Expect(titles).ToHaveTextAsync(["1. Discovery call script", "2. Budget questions that work"]);
            await trainer.GetByRole(AriaRole.Button, new() { Name = "Move down: Discovery call script" }).ClickAsync();
            await Assertions.Expect(titles).ToHaveTextAsync(["1. Budget questions that work", "2. Discovery call script"]);

            var first = trainer.GetByTestId("module").First;
            await first.GetByText("Add a question").ClickAsync();
            await first.GetByLabel("Question", new() { Exact = true }).FillAsync("What do you ask first?");
            await first.GetByLabel("Options", new() { Exact = true }).FillAsync("The price\nWhat happens if nothing changes");
            await first.GetByLabel("Number of the correct option").FillAsync("2");
            await first.GetByRole(AriaRole.Button, new() { Name = "Add question" }).ClickAsync();
            await Assertions.Expect(trainer.GetByTestId("question")).ToHaveCountAsync(1);

            // Nobody answered yet, so the whole question can change: wording, options and the correct one.
            var question = trainer.GetByTestId("question");
            await question.GetByText("Edit question").ClickAsync();
            await question.GetByLabel("Question", new() { Exact = true }).FillAsync("What do you ask before the price?");
            await question.GetByLabel("Options", new() { Exact = true }).FillAsync("What happens if nothing changes\nThe discount\nThe deadline");
            await question.GetByLabel("Number of the correct option").FillAsync("1");
            await question.GetByRole(AriaRole.Button, new() { Name = "Save question" }).ClickAsync();
            await Assertions.Expect(trainer.GetByTestId("question-prompt")).ToHaveTextAsync("What do you ask before the price?");

            await trainer.GetByRole(AriaRole.Button, new() { Name = "Publish" }).ClickAsync();
            await Assertions.Expect(trainer.GetByTestId("course-status")).ToHaveTextAsync("Published");
        });
        var courseUrl = trainer.Url;

        var learner = await fixture.NewPageAsync();
        await Artifacts.CaptureOnFailureAsync(learner, nameof(Trainer_BuildsAndReordersWithKeyboardButtons_LearnerCompletes_TrainerSeesCompletion) + "-learner", async () =>
        {
            await SignIn.AsAsync(learner, "leo@browser.test", PortalFactory.UserPassword);
            await learner.GotoAsync("/Courses");
            await learner.GetByRole(AriaRole.Link, new() { Name = "Discovery onboarding" }).ClickAsync();
            await learner.GetByRole(AriaRole.Button, new() { Name = "Join this course" }).ClickAsync();
            await Assertions.Expect(learner.GetByTestId("module-heading")).ToHaveTextAsync("1. Budget questions that work");
            await learner.GetByLabel("What happens if nothing changes").CheckAsync();
            await learner.GetByRole(AriaRole.Button, new() { Name = "Submit answers" }).ClickAsync();
            await Assertions.Expect(learner.GetByTestId("module-score")).ToHaveTextAsync("1 of 1 answers correct.");

            await learner.GetByRole(AriaRole.Link, new() { Name = "Next module" }).ClickAsync();
            await Assertions.Expect(learner.GetByTestId("module-content")).ToContainTextAsync("Ask about budget.");
            await learner.GetByRole(AriaRole.Button, new() { Name = "Mark as done" }).ClickAsync();
            await Assertions.Expect(learner.GetByTestId("course-outcome")).ToHaveTextAsync("Passed");
            await Assertions.Expect(learner.GetByTestId("course-score")).ToHaveTextAsync("Score 100%");
        });

        await Artifacts.CaptureOnFailureAsync(trainer, nameof(Trainer_BuildsAndReordersWithKeyboardButtons_LearnerCompletes_TrainerSeesCompletion) + "-progress", async () =>
        {
            await trainer.GotoAsync(courseUrl);
            await trainer.GetByRole(AriaRole.Link, new() { Name = "Progress" }).ClickAsync();
            var row = trainer.GetByTestId("learners").GetByRole(AriaRole.Row, new() { Name = "leo" });
            await Assertions.Expect(row).ToContainTextAsync("2 of 2 modules");
            await Assertions.Expect(row).ToContainTextAsync("100 %");
        });
    }

    [Fact]
    public async Task TextTypedBeforeThePickerScriptRuns_StillNarrowsTheList()
    {
        await ContentScenario.PublishedDocumentAsync(fixture.Server.Services, DocumentKind.Procedure, "Renewal call checklist", "Confirm the contract end date.");
        await fixture.Server.EnsureUserAsync("tara@browser.test", "Trainer");
        var trainer = await fixture.NewPageAsync();
        await Artifacts.CaptureOnFailureAsync(trainer, nameof(TextTypedBeforeThePickerScriptRuns_StillNarrowsTheList), async () =>
        {
            await SignIn.AsAsync(trainer, "tara@browser.test", PortalFactory.UserPassword);
            await trainer.GotoAsync("/Courses");
            await trainer.GetByLabel("Title").FillAsync("Renewals");
            await trainer.GetByLabel("Audience stage").SelectOptionAsync("discover");

            // The course page's script is held back until the trainer has typed: as on a slow connection.
            var typed = new TaskCompletionSource();
            await trainer.RouteAsync("**/courses*.js*", async route =>
            {
                await typed.Task;
                await route.ContinueAsync();
            });
            await trainer.GetByRole(AriaRole.Button, new() { Name = "Create course" }).ClickAsync();
            await trainer.GetByTestId("module-search").FillAsync("renewal checklist");
            typed.SetResult();

            await Assertions.Expect(trainer.Locator("#Module_DocumentId option:not([hidden])")).ToHaveCountAsync(1);
            await Assertions.Expect(trainer.Locator("#Module_DocumentId option:not([hidden])")).ToContainTextAsync("Renewal call checklist");
        });
    }
}
