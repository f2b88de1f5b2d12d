// Course builder. Modules: drag the grip to reorder (SortableJS); the Move up/down buttons do the same from the
// keyboard and without script. A drop posts the module's new index to the page's Reorder handler and reloads to
// show the saved order. Module picker: typing in the search box narrows the document list.
(function () {
    "use strict";

    function reorderModules() {
        var list = document.getElementById("course-modules");
        var token = document.querySelector("input[name=__RequestVerificationToken]");
        if (!list || !token || typeof Sortable === "undefined") {
            return;
        }

        Sortable.create(list, {
            handle: ".drag-handle",
            draggable: ".course-module",
            animation: 150,
            onEnd: function (event) {
                if (event.oldIndex === event.newIndex) {
                    return;
                }
                var body = new FormData();
                body.append("__RequestVerificationToken", token.value);
                body.append("moduleId", event.item.getAttribute("data-module-id"));
                body.append("index", String(event.newIndex));
                var url = "/Courses/Edit/" + encodeURIComponent(list.getAttribute("data-course-id")) + "?handler=Reorder";
                // The handler answers with a redirect carrying its notice in TempData; not following it here leaves
                // the notice (or the refusal) for the reload to show.
                fetch(url, { method: "POST", body: body, credentials: "same-origin", redirect: "manual" })
                    .then(function () { window.location.reload(); }, function () { window.location.reload(); });
            }
        });
    }

    function searchablePicker() {
        var form = document.querySelector("[data-module-picker]");
        if (!form) {
            return;
        }
        var search = form.querySelector("input[type=search]");
        var select = form.querySelector("select");
        var count = form.querySelector("[data-module-count]");
        var options = Array.prototype.slice.call(select.options);

        function words(text) {
            return text.toLocaleLowerCase().split(/\s+/).filter(function (w) { return w.length > 0; });
        }

        function filter() {
            var wanted = words(search.value);
            var shown = 0;
            options.forEach(function (option) {
                var text = (option.textContent + " " + option.parentNode.getAttribute("label")).toLocaleLowerCase();
                option.hidden = !wanted.every(function (w) { return text.indexOf(w) >= 0; });
                if (!option.hidden) {
                    shown += 1;
                }
            });
            Array.prototype.forEach.call(select.querySelectorAll("optgroup"), function (group) {
                group.hidden = !group.querySelector("option:not([hidden])");
            });
            // Keep a visible document selected, so Enter in the search box adds what the trainer sees first.
            if (select.selectedIndex < 0 || select.options[select.selectedIndex].hidden) {
                var first = options.filter(function (o) { return !o.hidden; })[0];
                select.value = first ? first.value : "";
            }
            if (count) {
                count.textContent = wanted.length === 0 ? "" : count.getAttribute("data-template")
                    .replace("{0}", String(shown)).replace("{1}", String(options.length));
            }
        }

        search.addEventListener("input", filter);
        // Text typed before this script ran (a slow page) or restored by the browser (back) narrows the list too.
        if (search.value) {
            filter();
        }
    }

    reorderModules();
    searchablePicker();
}());
