// The live preview beside the editor form (progressive enhancement; without it the preview links and
// "Förhandsgranska text" are there): a moment after each change the form is posted to the page's
// LivePreview handler, which renders the page with the public templates without saving anything, and
// the result is shown in a sandboxed frame at phone or desktop width.
(function () {
    "use strict";
    var form = document.getElementById("editor-form");
    var panel = document.getElementById("live-preview");
    var frame = document.getElementById("live-preview-frame");
    if (!form || !panel || !frame || !window.fetch || !("srcdoc" in frame)) {
        return;
    }
    var viewport = panel.querySelector(".live-preview-viewport");
    var status = document.getElementById("live-preview-status");
    var url = panel.getAttribute("data-url");
    var widths = { phone: 375, desktop: 1280 };
    var width = "desktop";
    var timer = null;
    var running = false;
    var again = false;

    panel.hidden = false;
    document.body.classList.add("editor-with-preview");

    function clock() {
        var now = new Date();
        return ("0" + now.getHours()).slice(-2) + "." + ("0" + now.getMinutes()).slice(-2) + "." + ("0" + now.getSeconds()).slice(-2);
    }

    // The page is laid out at the chosen width and scaled down to fit the panel.
    function fit() {
        var pixels = widths[width];
        var scale = Math.min(1, viewport.clientWidth / pixels);
        frame.style.width = pixels + "px";
        frame.style.height = Math.round(viewport.clientHeight / scale) + "px";
        frame.style.transform = "scale(" + scale + ")";
    }

    function formData() {
        var data = new FormData(form);
        form.querySelectorAll("input[type=file][name]").forEach(function (input) {
            data.delete(input.name);
        });
        data.delete("editorAction");
        return data;
    }

    function refresh() {
        timer = null;
        if (running) {
            again = true;
            return;
        }
        running = true;
        fetch(url, { method: "POST", body: formData(), credentials: "same-origin", redirect: "manual" })
            .then(function (response) {
                if (!response.ok) {
                    throw new Error("status " + response.status);
                }
                return response.text();
            })
            .then(function (html) {
                var scrolled = frame.contentWindow ? frame.contentWindow.scrollY : 0;
                frame.addEventListener("load", function restore() {
                    frame.removeEventListener("load", restore);
                    if (frame.contentWindow) {
                        frame.contentWindow.scrollTo(0, scrolled);
                    }
                });
                frame.srcdoc = html;
                status.textContent = "Sidan som den blir med det du har skrivit, uppdaterad kl. " + clock() + ". Inget sparas.";
            })
            .catch(function () {
                status.textContent = "Förhandsvisningen kunde inte uppdateras just nu. Det du skriver påverkas inte.";
            })
            .then(function () {
                running = false;
                if (again) {
                    again = false;
                    schedule();
                }
            });
    }

    function schedule() {
        if (timer) {
            window.clearTimeout(timer);
        }
        timer = window.setTimeout(refresh, 600);
    }

    panel.querySelectorAll("button[data-preview-width]").forEach(function (button) {
        button.addEventListener("click", function () {
            width = button.getAttribute("data-preview-width");
            panel.querySelectorAll("button[data-preview-width]").forEach(function (other) {
                other.setAttribute("aria-pressed", other === button ? "true" : "false");
            });
            panel.setAttribute("data-width", width);
            fit();
        });
    });
    panel.setAttribute("data-width", width);
    form.addEventListener("input", schedule);
    form.addEventListener("change", schedule);
    window.addEventListener("resize", fit);
    fit();
    refresh();
}());
