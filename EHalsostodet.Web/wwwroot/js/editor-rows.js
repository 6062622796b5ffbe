// Progressive enhancement for the repeated rows of the editor forms (actors, indicators, contacts …):
// "Fler rader", "Flytta upp", "Flytta ned" and "Ta bort" post the form in the background and swap in
// just that group of rows as the server renders it, so the page neither reloads nor jumps. Focus goes
// to the row that moved or came in, and a status message says what happened. Without this file the
// buttons post the whole form and the page comes back at the row.
(function () {
    "use strict";
    var form = document.getElementById("editor-form");
    var announcer = document.getElementById("editor-announcer");
    if (!form || !window.fetch || !window.DOMParser) {
        return;
    }
    var busy = false;
    var messages = {
        rows: "Två tomma rader är tillagda.",
        up: "Raden är flyttad upp.",
        down: "Raden är flyttad ned.",
        remove: "Raden är borttagen."
    };

    function announce(text) {
        if (!announcer) {
            return;
        }
        announcer.textContent = "";
        window.setTimeout(function () {
            announcer.textContent = text;
        }, 50);
    }

    function firstField(element) {
        return element.querySelector("input:not([type=hidden]), select, textarea");
    }

    function focusAfter(operation, target) {
        if (!target) {
            return;
        }
        var focus = null;
        if (operation === "up" || operation === "down") {
            // The same button in the moved row, so that pressing it again moves the row on.
            focus = target.querySelector("button[value^='" + operation + ":']") ||
                target.querySelector(".row-actions button");
        } else if (target.matches(".row")) {
            focus = firstField(target);
        } else {
            focus = target.querySelector(".more-rows");
        }
        (focus || target).focus();
    }

    function formData(button) {
        var data = new FormData(form);
        form.querySelectorAll("input[type=file][name]").forEach(function (input) {
            data.delete(input.name);
        });
        data.set("editorAction", button.value);
        return data;
    }

    // Enter in a one-line field would press the form's first button, which may be a row's "Flytta ned".
    form.addEventListener("keydown", function (event) {
        var field = event.target;
        if (event.key === "Enter" && field.tagName === "INPUT" && !/^(submit|button|checkbox|radio|file)$/.test(field.type)) {
            event.preventDefault();
        }
    });

    form.addEventListener("click", function (event) {
        var button = event.target.closest("button[data-row-group]");
        if (!button || !form.contains(button)) {
            return;
        }
        var group = document.getElementById(button.getAttribute("data-row-group"));
        if (!group) {
            return;
        }
        event.preventDefault();
        if (busy) {
            return;
        }
        busy = true;
        var operation = button.value.split(":")[0];
        var url = (button.getAttribute("formaction") || window.location.href).split("#")[0];
        fetch(url, { method: "POST", body: formData(button), credentials: "same-origin", redirect: "manual" })
            .then(function (response) {
                if (!response.ok) {
                    throw new Error("status " + response.status);
                }
                return response.text();
            })
            .then(function (html) {
                var fresh = new DOMParser().parseFromString(html, "text/html").getElementById(group.id);
                if (!fresh) {
                    throw new Error("no group");
                }
                group.replaceWith(document.importNode(fresh, true));
                focusAfter(operation, document.getElementById(button.getAttribute("data-row-focus")));
                announce(messages[operation] || "");
                // The form changed: leaving warns, and the copy is kept (editor.js).
                form.dispatchEvent(new Event("change", { bubbles: true }));
                busy = false;
            })
            .catch(function () {
                // A session that ended, or the server away: the ordinary post, which keeps the text either way.
                busy = false;
                button.removeAttribute("data-row-group");
                if (form.requestSubmit) {
                    form.requestSubmit(button);
                } else {
                    button.click();
                }
            });
    });
}());
