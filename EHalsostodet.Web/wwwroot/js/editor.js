// Progressive enhancement for the editor forms: everything works without this file.
// Shows the address name (slug) the server would suggest while the slug field is empty.
(function () {
    "use strict";
    var title = document.getElementById("f-title");
    var slug = document.getElementById("f-slug");
    if (!title || !slug) {
        return;
    }
    function suggest(text) {
        return text.normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase()
            .replace(/[^a-z0-9]+/g, "-").replace(/^-+|-+$/g, "").slice(0, 80).replace(/-+$/, "");
    }
    function update() {
        slug.placeholder = suggest(title.value);
    }
    title.addEventListener("input", update);
    update();
}());
