// The shop's only script, deferred, and an improvement only: every page works without it (menus
// are <details>, forms post and answer with a page). It replaces jQuery, Bootstrap's bundle and
// Oscar's ui.js on shop pages; the dashboard keeps those.
(function () {
  "use strict";
  var doc = document;

  function on(type, selector, handler) {
    doc.addEventListener(type, function (event) {
      var target = event.target.closest ? event.target.closest(selector) : null;
      if (target) { handler(event, target); }
    });
  }

  function submit(form) {
    if (form.requestSubmit) { form.requestSubmit(); } else { form.submit(); }
  }

  // Menus: one open at a time; a click elsewhere or Escape closes them. Oscar's own templates
  // (address book, saved addresses) keep Bootstrap's data-toggle="dropdown" markup.
  function closeMenus(except) {
    var open = doc.querySelectorAll("details.souk-dropdown[open], .dropdown-menu.show");
    for (var i = 0; i < open.length; i++) {
      if (except && (open[i] === except || open[i].contains(except))) { continue; }
      if (open[i].tagName === "DETAILS") { open[i].open = false; } else { open[i].classList.remove("show"); }
    }
  }
  doc.addEventListener("click", function (event) {
    var inside = event.target.closest && event.target.closest("details.souk-dropdown, .dropdown-menu");
    if (!inside && !(event.target.closest && event.target.closest("[data-toggle=dropdown]"))) { closeMenus(); }
  });
  doc.addEventListener("keydown", function (event) {
    if (event.key === "Escape") { closeMenus(); }
  });
  doc.addEventListener("toggle", function (event) {
    if (event.target.matches && event.target.matches("details.souk-dropdown") && event.target.open) {
      closeMenus(event.target);
    }
  }, true);
  on("click", "[data-toggle=dropdown]", function (event, toggle) {
    var menu = toggle.parentNode.querySelector(".dropdown-menu");
    if (!menu) { return; }
    event.preventDefault();
    var wasOpen = menu.classList.contains("show");
    closeMenus();
    if (!wasOpen) { menu.classList.add("show"); }
  });
  // Browsers that cannot style <details> content keep the main menu open on wide screens.
  var menu = doc.querySelector("details.souk-menu");
  if (menu && window.CSS && CSS.supports && !CSS.supports("selector(::details-content)") &&
      window.matchMedia && matchMedia("(min-width: 992px)").matches) {
    menu.open = true;
  }

  on("click", "[data-dismiss=alert]", function (event, link) {
    event.preventDefault();
    var alert = link.closest(".alert");
    if (alert) { alert.parentNode.removeChild(alert); }
  });

  // Basket lines: "Remove", "Save for later" and "Move to basket" tick the line's hidden field and
  // post the basket form (Oscar's markup).
  var BASKET_ACTIONS = {
    "#basket_formset": {prefix: "form", remove: "DELETE", save: "save_for_later"},
    "#saved_basket_formset": {prefix: "saved", remove: "DELETE", move: "move_to_basket"}
  };
  on("click", "a[data-behaviours]", function (event, link) {
    Object.keys(BASKET_ACTIONS).forEach(function (formSelector) {
      var form = link.closest(formSelector);
      var action = BASKET_ACTIONS[formSelector][link.getAttribute("data-behaviours")];
      if (!form || !action) { return; }
      var field = doc.getElementById("id_" + BASKET_ACTIONS[formSelector].prefix + "-" +
        link.getAttribute("data-id") + "-" + action);
      if (!field) { return; }
      event.preventDefault();
      field.checked = true;
      submit(form);
    });
    // Notifications inbox: "Archive" and "Delete" tick the row and press the form's button.
    var behaviour = link.getAttribute("data-behaviours");
    var row = link.closest("tr");
    var list = link.closest("form");
    if ((behaviour === "archive" || behaviour === "delete") && row && list) {
      event.preventDefault();
      var box = row.querySelector("input[type=checkbox]");
      var button = list.querySelector("button[value=" + behaviour + "]");
      if (box && button) { box.checked = true; button.click(); }
    }
  });

  // Forms that must not be sent twice (placing an order, Oscar's data-behaviours="lock").
  on("submit", "form", function (event, form) {
    var locks = form.matches("[data-behaviours~=lock]") || form.querySelector("[data-loading-text]");
    if (!locks) { return; }
    if (form.getAttribute("data-submitted")) { event.preventDefault(); return; }
    form.setAttribute("data-submitted", "1");
    var button = event.submitter || form.querySelector("[data-loading-text]");
    if (button && button.getAttribute("data-loading-text")) {
      button.setAttribute("data-original-text", button.textContent);
      button.textContent = button.getAttribute("data-loading-text");
    }
  });
  window.addEventListener("pageshow", function () {
    var sent = doc.querySelectorAll("form[data-submitted]");
    for (var i = 0; i < sent.length; i++) {
      sent[i].removeAttribute("data-submitted");
      var button = sent[i].querySelector("[data-original-text]");
      if (button) { button.textContent = button.getAttribute("data-original-text"); }
    }
  });

  // Checkout's first step: the password only counts for "I have an account".
  function passwordForOption() {
    var chosen = doc.querySelector("form input[name=options]:checked");
    var password = doc.getElementById("id_password");
    if (chosen && password) { password.disabled = chosen.value === "anonymous" || chosen.value === "new"; }
  }
  on("change", "form input[name=options]", passwordForOption);
  passwordForOption();

  // An e-mail in the customer's history is shown in a frame, away from the page's styles.
  var preview = doc.getElementById("preview_box");
  if (preview && "srcdoc" in preview) { preview.srcdoc = preview.textContent; }

  // Search suggestions in the header box: without them, submitting a partial word still finds
  // products (the engine matches word starts).
  var input = doc.getElementById("id_q");
  var list = doc.getElementById("souk-suggestions");
  if (!input || !list || !window.fetch) { return; }
  var timer = null;
  var last = "";
  input.addEventListener("input", function () {
    clearTimeout(timer);
    timer = setTimeout(function () {
      var q = input.value.trim();
      if (q.length < 2 || q === last) { return; }
      last = q;
      fetch(input.getAttribute("data-suggest-url") + "?q=" + encodeURIComponent(q), {credentials: "same-origin"})
        .then(function (response) { return response.ok ? response.json() : {suggestions: []}; })
        .then(function (data) {
          list.textContent = "";
          data.suggestions.forEach(function (item) {
            var option = doc.createElement("option");
            option.value = item.title;
            list.appendChild(option);
          });
        })
        .catch(function () { /* suggestions are optional */ });
    }, 200);
  });
}());
