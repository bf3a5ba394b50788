// Form editor niceties that need script (CSP: no inline JS). Everything still works without it.
(function () {
  "use strict";
  // The autonomy slider shows the level's name as it moves.
  document.addEventListener("input", function (evt) {
    var slider = evt.target;
    if (!slider.matches || !slider.matches("input[type=range][list]")) return;
    var option = document.querySelector("#" + slider.getAttribute("list") + " option[value='" + slider.value + "']");
    var out = document.querySelector("output[for='" + slider.id + "']");
    if (option && out) {
      out.textContent = option.getAttribute("label");
      slider.setAttribute("aria-valuetext", option.getAttribute("label"));
    }
  });
})();
