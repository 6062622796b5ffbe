// Progressive enhancement for every search box marked data-suggest: without this file the box is an
// ordinary search field. With it the box becomes a WAI-ARIA combobox with a list of suggestions from
// /api/v1/search/suggest: arrow keys move through them, Enter opens the chosen one, Escape closes the
// list, and a polite live region says how many there are.
(function () {
    "use strict";
    if (!window.fetch || !document.querySelector) {
        return;
    }
    var boxes = document.querySelectorAll("input[data-suggest]");
    Array.prototype.forEach.call(boxes, function (input) {
        var listId = input.id + "-forslag";
        var list = document.createElement("ul");
        list.id = listId;
        list.className = "suggestions";
        list.setAttribute("role", "listbox");
        list.setAttribute("aria-label", "Förslag");
        list.hidden = true;
        var status = document.createElement("div");
        status.className = "visually-hidden";
        status.setAttribute("role", "status");
        status.setAttribute("aria-live", "polite");
        input.insertAdjacentElement("afterend", list);
        list.insertAdjacentElement("afterend", status);
        input.parentElement.classList.add("has-suggestions");

        input.setAttribute("role", "combobox");
        input.setAttribute("aria-autocomplete", "list");
        input.setAttribute("aria-expanded", "false");
        input.setAttribute("aria-controls", listId);
        input.setAttribute("autocomplete", "off");

        var suggestions = [];
        var active = -1;
        var timer = 0;
        var asked = "";

        function announce(text) {
            if (status.textContent !== text) {
                status.textContent = text;
            }
        }

        function close() {
            list.hidden = true;
            input.setAttribute("aria-expanded", "false");
            input.removeAttribute("aria-activedescendant");
            active = -1;
        }

        function highlight(index) {
            var options = list.children;
            for (var i = 0; i < options.length; i++) {
                options[i].setAttribute("aria-selected", i === index ? "true" : "false");
            }
            active = index;
            if (index >= 0) {
                input.setAttribute("aria-activedescendant", options[index].id);
                options[index].scrollIntoView({ block: "nearest" });
            } else {
                input.removeAttribute("aria-activedescendant");
            }
        }

        function show(found) {
            suggestions = found;
            list.textContent = "";
            found.forEach(function (suggestion, i) {
                var option = document.createElement("li");
                option.id = listId + "-" + i;
                option.setAttribute("role", "option");
                option.setAttribute("aria-selected", "false");
                option.appendChild(document.createTextNode(suggestion.text));
                var kind = document.createElement("span");
                kind.className = "suggestion-kind";
                kind.textContent = " " + suggestion.kind;
                option.appendChild(kind);
                option.addEventListener("click", function () { choose(i); });
                list.appendChild(option);
            });
            active = -1;
            input.removeAttribute("aria-activedescendant");
            if (found.length === 0) {
                close();
                announce("Inga förslag.");
                return;
            }
            list.hidden = false;
            input.setAttribute("aria-expanded", "true");
            announce(found.length === 1
                ? "1 förslag. Välj med pil upp och pil ned."
                : found.length + " förslag. Välj med pil upp och pil ned.");
        }

        function choose(index) {
            var chosen = suggestions[index];
            if (!chosen) {
                return;
            }
            input.value = chosen.text;
            close();
            window.location.assign(chosen.url);
        }

        function ask() {
            var typed = input.value.trim();
            if (typed.length < 2) {
                asked = typed;
                suggestions = [];
                close();
                announce("");
                return;
            }
            if (typed === asked) {
                return;
            }
            asked = typed;
            fetch("/api/v1/search/suggest?q=" + encodeURIComponent(typed), { headers: { "Accept": "application/json" }, credentials: "same-origin" })
                .then(function (response) { return response.ok ? response.json() : []; })
                .then(function (found) {
                    // A slower answer to an earlier prefix is not shown over a newer one.
                    if (input.value.trim() === typed && document.activeElement === input) {
                        show(Array.isArray(found) ? found : []);
                    }
                })
                .catch(function () { close(); });
        }

        input.addEventListener("input", function () {
            window.clearTimeout(timer);
            // A short pause between keystrokes before asking keeps typing within the search rate limit.
            timer = window.setTimeout(ask, 150);
        });

        input.addEventListener("keydown", function (event) {
            var open = !list.hidden;
            switch (event.key) {
                case "ArrowDown":
                    if (!open && suggestions.length > 0) {
                        list.hidden = false;
                        input.setAttribute("aria-expanded", "true");
                    }
                    if (suggestions.length > 0) {
                        event.preventDefault();
                        highlight(active + 1 >= suggestions.length ? 0 : active + 1);
                    }
                    break;
                case "ArrowUp":
                    if (open) {
                        event.preventDefault();
                        highlight(active <= 0 ? suggestions.length - 1 : active - 1);
                    }
                    break;
                case "Enter":
                    if (open && active >= 0) {
                        event.preventDefault();
                        choose(active);
                    }
                    break;
                case "Escape":
                    if (open) {
                        event.preventDefault();
                        close();
                    }
                    break;
                case "Tab":
                    close();
                    break;
            }
        });

        // A press on an option would otherwise take the focus from the box (and close the list) before the click.
        list.addEventListener("mousedown", function (event) { event.preventDefault(); });
        input.addEventListener("blur", close);
    });
}());
