// Progressive enhancement for a story: without this file each process step still opens and closes
// on its own (<details>), and print.css shows them all. With it, a button opens or closes every
// step at once, a link to a step (the table of contents, "Processen i korthet") opens that step,
// printing opens every step, and the hint under a wide table shows only where the table scrolls.
(function () {
    "use strict";
    var steps = Array.prototype.slice.call(document.querySelectorAll(".process-step > details"));
    var toggle = document.querySelector("button[data-steps-toggle]");

    function allOpen() {
        return steps.every(function (step) { return step.open; });
    }

    function showToggleState() {
        if (toggle) {
            toggle.textContent = allOpen() ? "Stäng alla steg" : "Öppna alla steg";
        }
    }

    if (toggle && steps.length > 0) {
        toggle.parentElement.hidden = false;
        toggle.addEventListener("click", function () {
            var open = !allOpen();
            steps.forEach(function (step) { step.open = open; });
            showToggleState();
        });
        steps.forEach(function (step) { step.addEventListener("toggle", showToggleState); });
        showToggleState();
    }

    function openLinkedStep() {
        var id = decodeURIComponent(window.location.hash.slice(1));
        var target = id ? document.getElementById(id) : null;
        var step = target ? (target.matches(".process-step") ? target.querySelector(":scope > details") : target.closest(".process-step > details")) : null;
        if (step && !step.open) {
            step.open = true;
            target.scrollIntoView();
        }
    }
    window.addEventListener("hashchange", openLinkedStep);
    // A second click on a link to the same step changes no hash, but should open the step again.
    document.addEventListener("click", function (event) {
        var link = event.target.closest ? event.target.closest("a[href^='#']") : null;
        if (link && link.getAttribute("href") === window.location.hash) {
            openLinkedStep();
        }
    });
    openLinkedStep();

    var openBeforePrint = null;
    window.addEventListener("beforeprint", function () {
        openBeforePrint = steps.map(function (step) { return step.open; });
        steps.forEach(function (step) { step.open = true; });
    });
    window.addEventListener("afterprint", function () {
        if (openBeforePrint) {
            steps.forEach(function (step, i) { step.open = openBeforePrint[i]; });
            openBeforePrint = null;
        }
    });

    function showTableHints() {
        Array.prototype.forEach.call(document.querySelectorAll(".table-wrap[aria-describedby]"), function (wrap) {
            var hint = document.getElementById(wrap.getAttribute("aria-describedby"));
            if (hint) {
                hint.hidden = wrap.scrollWidth <= wrap.clientWidth + 1;
            }
        });
    }
    showTableHints();
    window.addEventListener("resize", showTableHints);
}());
