// Progressive enhancement for the editor forms: everything works without this file.
// - Shows the address name (slug) the server would suggest while the slug field is empty.
// - Warns before leaving a form with changes that are not saved (never after pressing a save button).
// - Keeps what is typed as a copy on the server a few seconds after each change, which only the
//   writer sees; the edit page offers it back ("Återställ det du skrev"). Nothing is kept in the browser.
// - Has screen readers announce the confirmation after "Spara", which the page brings with it.
(function () {
    "use strict";
    // A status region is announced when its content changes, not when the page arrives with it.
    var saved = document.getElementById("editor-saved");
    if (saved) {
        var confirmation = document.createDocumentFragment();
        while (saved.firstChild) {
            confirmation.appendChild(saved.firstChild);
        }
        window.setTimeout(function () {
            saved.appendChild(confirmation);
        }, 100);
    }

    var title = document.getElementById("f-title");
    var slug = document.getElementById("f-slug");
    if (title && slug) {
        var suggest = function (text) {
            return text.normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase()
                .replace(/[^a-z0-9]+/g, "-").replace(/^-+|-+$/g, "").slice(0, 80).replace(/-+$/, "");
        };
        var update = function () {
            slug.placeholder = suggest(title.value);
        };
        title.addEventListener("input", update);
        update();
    }

    var form = document.getElementById("editor-form") || document.getElementById("merge-form");
    if (!form) {
        return;
    }
    var changed = form.getAttribute("data-unsaved") === "true";
    var submitting = false;
    var autosaveUrl = form.getAttribute("data-autosave");
    var status = document.getElementById("autosave-status");
    var timer = null;
    var sessionEnded = false;

    function show(text, urgent) {
        if (!status) {
            return;
        }
        status.hidden = false;
        status.textContent = text;
        if (urgent) {
            status.setAttribute("role", "alert");
        }
    }

    function clock() {
        var now = new Date();
        return ("0" + now.getHours()).slice(-2) + "." + ("0" + now.getMinutes()).slice(-2);
    }

    // The copy keeps what was typed; a chosen image is sent only by "Ladda upp" and "Spara".
    function draftData() {
        var data = new FormData(form);
        form.querySelectorAll("input[type=file][name]").forEach(function (input) {
            data.delete(input.name);
        });
        return data;
    }

    function autosave() {
        timer = null;
        if (!autosaveUrl || submitting) {
            return;
        }
        fetch(autosaveUrl, { method: "POST", body: draftData(), credentials: "same-origin", redirect: "manual" })
            .then(function (response) {
                if (response.ok) {
                    if (!sessionEnded) {
                        show("Det du skriver sparas som en kopia som bara du ser, senast kl. " + clock() + ". Tryck Spara för att spara en ny version.");
                    }
                } else if (response.status === 401) {
                    sessionEnded = true;
                    show("Du är inte inloggad längre. Det du skriver sparas ändå som en kopia åt dig: logga in igen, till exempel i en ny flik, och återställ det på redigeringssidan.", true);
                } else if (response.type === "opaqueredirect") {
                    sessionEnded = true;
                    show("Du är inte inloggad längre, och det du skriver kan inte sparas. Kopiera texten innan du loggar in igen.", true);
                }
            })
            .catch(function () {
                // Offline for a moment: the next change tries again.
            });
    }

    function onChange() {
        changed = true;
        if (autosaveUrl && !timer) {
            timer = window.setTimeout(autosave, 3000);
        }
    }

    form.addEventListener("input", onChange);
    form.addEventListener("change", onChange);
    form.addEventListener("submit", function () {
        submitting = true;
        if (timer) {
            window.clearTimeout(timer);
            timer = null;
        }
    });
    window.addEventListener("beforeunload", function (event) {
        if (changed && !submitting) {
            event.preventDefault();
            event.returnValue = "";
        }
    });
    // A page shown again from the back-forward cache can be edited and left again.
    window.addEventListener("pageshow", function () {
        submitting = false;
    });
    // Leaving with a change not yet kept: send it while the page goes.
    window.addEventListener("pagehide", function () {
        if (timer && autosaveUrl && navigator.sendBeacon) {
            window.clearTimeout(timer);
            timer = null;
            navigator.sendBeacon(autosaveUrl, draftData());
        }
    });
}());
