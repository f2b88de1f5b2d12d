// Course builder: drag modules to reorder. The Move up/down buttons do the same without script; dragging
// posts the module's new index to the page's Reorder handler and reloads to show the saved order.
(function () {
    "use strict";
    var list = document.getElementById("course-modules");
    if (!list || typeof Sortable === "undefined") {
        return;
    }

    var token = document.querySelector("input[name=__RequestVerificationToken]");
    Sortable.create(list, {
        handle: ".drag-handle",
        animation: 150,
        onEnd: function (event) {
            if (event.oldIndex === event.newIndex || !token) {
                return;
            }
            var body = new FormData();
            body.append("__RequestVerificationToken", token.value);
            body.append("moduleId", event.item.getAttribute("data-module-id"));
            body.append("index", String(event.newIndex));
            var url = "/Courses/Edit/" + encodeURIComponent(list.getAttribute("data-course-id")) + "?handler=Reorder";
            fetch(url, { method: "POST", body: body, credentials: "same-origin" })
                .then(function () { window.location.reload(); });
        }
    });
}());
