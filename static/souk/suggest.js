// Search suggestions in the header box: an improvement only — without it, submitting a
// partial word still finds products (the engine matches word starts).
(function () {
  "use strict";
  var input = document.getElementById("id_q");
  var list = document.getElementById("souk-suggestions");
  if (!input || !list || !window.fetch) { return; }
  var timer = null;
  var last = "";
  input.addEventListener("input", function () {
    clearTimeout(timer);
    timer = setTimeout(function () {
      var q = input.value.trim();
      if (q.length < 2 || q === last) { return; }
      last = q;
      fetch(input.dataset.suggestUrl + "?q=" + encodeURIComponent(q), {credentials: "same-origin"})
        .then(function (response) { return response.ok ? response.json() : {suggestions: []}; })
        .then(function (data) {
          list.textContent = "";
          data.suggestions.forEach(function (item) {
            var option = document.createElement("option");
            option.value = item.title;
            list.appendChild(option);
          });
        })
        .catch(function () { /* suggestions are optional */ });
    }, 200);
  });
}());
