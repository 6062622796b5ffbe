// Progressive enhancement for the knowledge-initiative checkboxes of the editor forms: a text field
// that narrows the list to the initiatives whose names contain every typed word (å, ä and ö or not).
// Chosen initiatives always stay in view. Without this file the whole list shows.
(function () {
    "use strict";
    function normalise(text) {
        return text.normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase();
    }

    document.querySelectorAll(".initiative-picker").forEach(function (picker) {
        var filter = picker.querySelector(".initiative-filter");
        var input = picker.querySelector(".initiative-filter-input");
        var count = picker.querySelector(".initiative-filter-count");
        var choices = picker.querySelectorAll(".initiative-choices .choice");
        if (!filter || !input) {
            return;
        }
        filter.hidden = false;

        function apply() {
            var words = normalise(input.value).split(/\s+/).filter(Boolean);
            var shown = 0;
            choices.forEach(function (choice) {
                var box = choice.querySelector("input");
                var text = normalise(choice.textContent);
                var visible = box.checked || words.every(function (word) {
                    return text.indexOf(word) >= 0;
                });
                choice.hidden = !visible;
                if (visible) {
                    shown++;
                }
            });
            if (count) {
                count.textContent = words.length === 0 ? "" :
                    shown + " av " + choices.length + " initiativ visas. De du har valt visas alltid.";
            }
        }

        // (Enter in the field sends nothing: editor-rows.js keeps Enter in one-line fields from pressing a button.)
        input.addEventListener("input", apply);
    });
}());
