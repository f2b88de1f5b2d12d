/* KnowledgeKaizen SCORM 1.2 runtime: finds the LMS API object (standard SCORM 1.2 API discovery through
   window.parent and window.opener), reports progress and, when the learner finishes, the score and
   lesson status. Scoring happens here because the package must work offline inside any LMS. */
(function () {
    "use strict";

    function findApi(win) {
        var tries = 0;
        try {
            while (win && (win.API === undefined || win.API === null) && win.parent && win.parent !== win) {
                tries += 1;
                if (tries > 7) {
                    return null;
                }
                win = win.parent;
            }
            return win && win.API ? win.API : null;
        } catch (e) {
            return null; // a cross-origin frame: no API reachable this way
        }
    }

    function getApi() {
        var api = findApi(window);
        if (!api && window.opener) {
            api = findApi(window.opener);
        }
        return api;
    }

    var api = getApi();
    var finished = false;
    var status = document.getElementById("lms-status");

    function say(text) {
        if (status) {
            status.textContent = text;
        }
    }

    function call(name, a, b) {
        if (!api || typeof api[name] !== "function") {
            return "false";
        }
        return b === undefined ? api[name](a) : api[name](a, b);
    }

    if (api) {
        call("LMSInitialize", "");
        var previous = String(call("LMSGetValue", "cmi.core.lesson_status") || "");
        if (previous === "" || previous === "not attempted") {
            call("LMSSetValue", "cmi.core.lesson_status", "incomplete");
            call("LMSCommit", "");
        }
        say(status ? status.getAttribute("data-connected") : "");
    } else {
        say(status ? status.getAttribute("data-offline") : "");
    }

    function score() {
        var questions = document.querySelectorAll("fieldset.quiz-question");
        var correct = 0;
        var unanswered = 0;
        for (var i = 0; i < questions.length; i += 1) {
            var q = questions[i];
            var chosen = q.querySelector("input[type=radio]:checked");
            var feedback = q.querySelector(".quiz-feedback");
            if (!chosen) {
                unanswered += 1;
                continue;
            }
            var right = chosen.value === q.getAttribute("data-correct");
            if (right) {
                correct += 1;
            }
            q.className = "quiz-question " + (right ? "is-correct" : "is-wrong");
            if (feedback) {
                feedback.hidden = false;
            }
        }
        return { total: questions.length, correct: correct, unanswered: unanswered };
    }

    function finish() {
        if (finished) {
            return;
        }
        var result = score();
        if (result.unanswered > 0) {
            say(document.body.getAttribute("data-unanswered"));
            return;
        }
        finished = true;
        var mastery = parseInt(document.body.getAttribute("data-mastery") || "0", 10);
        var raw = result.total === 0 ? 100 : Math.round(100 * result.correct / result.total);
        var lessonStatus = result.total === 0 ? "completed" : (raw >= mastery ? "passed" : "failed");
        call("LMSSetValue", "cmi.core.score.min", "0");
        call("LMSSetValue", "cmi.core.score.max", "100");
        call("LMSSetValue", "cmi.core.score.raw", String(raw));
        call("LMSSetValue", "cmi.core.lesson_status", lessonStatus);
        call("LMSCommit", "");
        call("LMSFinish", "");
        var summary = document.getElementById("result");
        if (summary) {
            summary.hidden = false;
            summary.setAttribute("data-score", String(raw));
            summary.setAttribute("data-status", lessonStatus);
            // The status in the learner's language (data-passed, data-failed, data-completed), not SCORM's word for it.
            summary.textContent = summary.getAttribute("data-template").replace("{0}", String(raw))
                .replace("{1}", summary.getAttribute("data-" + lessonStatus) || lessonStatus);
        }
        var button = document.getElementById("finish");
        if (button) {
            button.disabled = true;
        }
    }

    var finishButton = document.getElementById("finish");
    if (finishButton) {
        finishButton.addEventListener("click", finish);
    }

    // Leaving without finishing still closes the session so the LMS keeps "incomplete".
    window.addEventListener("beforeunload", function () {
        if (api && !finished) {
            finished = true;
            call("LMSCommit", "");
            call("LMSFinish", "");
        }
    });
}());
