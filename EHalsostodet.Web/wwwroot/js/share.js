// Progressive enhancement for the share panel: without this file the link is copied from the
// read-only field by hand. Where the Clipboard API exists, the "Kopiera länk" button appears,
// copies the link and says so through the polite live region next to it.
(function () {
    "use strict";
    if (!navigator.clipboard || !window.isSecureContext) {
        return;
    }
    var buttons = document.querySelectorAll("button[data-copy-from]");
    Array.prototype.forEach.call(buttons, function (button) {
        var field = document.getElementById(button.getAttribute("data-copy-from"));
        var panel = button.parentElement;
        var status = panel ? panel.querySelector("[data-copy-status]") : null;
        if (!field || !status) {
            return;
        }
        button.hidden = false;
        button.addEventListener("click", function () {
            navigator.clipboard.writeText(field.value).then(function () {
                status.textContent = "";
                window.setTimeout(function () { status.textContent = button.getAttribute("data-copied-text"); }, 50);
            }, function () {
                // Permission refused: fall back to selecting the text for the reader to copy.
                field.focus();
                field.select();
            });
        });
    });
    // Selecting the whole link on focus makes the manual fallback one keystroke.
    Array.prototype.forEach.call(document.querySelectorAll("input.share-url[readonly]"), function (input) {
        input.addEventListener("focus", function () { input.select(); });
    });
}());
