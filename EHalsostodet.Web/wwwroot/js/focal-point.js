// Progressive enhancement for /redaktion/media/{id}: a click (or tap) on the image sets the focal
// point fields; a marker shows where the point is. The two number fields work without this file.
(function () {
    "use strict";
    var picker = document.querySelector("[data-focal-picker]");
    var x = document.getElementById("media-focal-x");
    var y = document.getElementById("media-focal-y");
    if (!picker || !x || !y) {
        return;
    }
    var image = picker.querySelector("img");
    var marker = picker.querySelector(".focal-marker");
    var hint = picker.querySelector(".focal-script-hint");
    function clamp(value) {
        return Math.min(100, Math.max(0, Math.round(value)));
    }
    function show() {
        var left = Number(x.value);
        var top = Number(y.value);
        if (x.value === "" || y.value === "" || isNaN(left) || isNaN(top)) {
            marker.hidden = true;
            return;
        }
        marker.style.left = clamp(left) + "%";
        marker.style.top = clamp(top) + "%";
        marker.hidden = false;
    }
    image.classList.add("focal-clickable");
    image.addEventListener("click", function (event) {
        var box = image.getBoundingClientRect();
        x.value = clamp((event.clientX - box.left) / box.width * 100);
        y.value = clamp((event.clientY - box.top) / box.height * 100);
        show();
    });
    x.addEventListener("input", show);
    y.addEventListener("input", show);
    hint.hidden = false;
    show();
}());
