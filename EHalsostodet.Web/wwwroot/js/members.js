// Progressive enhancement for save and follow buttons: everything works without this file.
// A toggle form is posted in the background and its button changes in place; a screen reader
// hears the change through a polite live region. Anything unexpected (not signed in, an error)
// falls back to the ordinary form post.
(function () {
    "use strict";
    if (!window.fetch || !window.FormData) {
        return;
    }
    var live = document.createElement("div");
    live.className = "visually-hidden";
    live.setAttribute("aria-live", "polite");
    live.setAttribute("role", "status");
    document.body.appendChild(live);

    function announce(text) {
        live.textContent = "";
        window.setTimeout(function () { live.textContent = text; }, 50);
    }

    function apply(form, on) {
        var field = form.querySelector("input[name='" + form.getAttribute("data-toggle-field") + "']");
        var button = form.querySelector("button");
        var label = button.querySelector(".toggle-label");
        field.value = on ? "false" : "true";
        button.setAttribute("aria-pressed", on ? "true" : "false");
        label.textContent = button.getAttribute(on ? "data-label-on" : "data-label-off");
        announce(button.getAttribute(on ? "data-announce-on" : "data-announce-off"));
    }

    document.addEventListener("submit", function (event) {
        var form = event.target;
        if (!(form instanceof HTMLFormElement) || !form.hasAttribute("data-toggle-field")) {
            return;
        }
        event.preventDefault();
        var button = form.querySelector("button");
        button.disabled = true;
        fetch(form.action, {
            method: "POST",
            body: new FormData(form),
            credentials: "same-origin",
            headers: { "Accept": "application/json" },
            redirect: "manual"
        }).then(function (response) {
            var type = response.headers.get("Content-Type") || "";
            if (!response.ok || type.indexOf("application/json") === -1) {
                throw new Error("fallback");
            }
            return response.json();
        }).then(function (state) {
            button.disabled = false;
            var on = state.saved !== undefined ? state.saved : state.following;
            apply(form, on === true);
        }).catch(function () {
            button.disabled = false;
            form.submit();
        });
    });
}());
