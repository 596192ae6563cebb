/* Search suggestions while typing: a progressive enhancement of the plain GET form.
   Without this file the form works the same; with it, titles that start with the
   typed words are offered as links (ARIA combobox with a listbox popup). */
(function () {
  "use strict";
  var form = document.querySelector("form[data-suggest-url]");
  if (!form || !window.fetch) { return; }
  var input = form.querySelector("input[name=q]");
  var list = document.getElementById("search-suggestions");
  var langInputs = form.querySelectorAll("input[name=lang]");
  var timer = null;
  var active = -1;
  var controller = null;

  // The combobox semantics exist only while this script runs: without it the
  // field is a plain search box.
  input.setAttribute("role", "combobox");
  input.setAttribute("aria-autocomplete", "list");
  input.setAttribute("aria-controls", "search-suggestions");
  input.setAttribute("aria-expanded", "false");

  function language() {
    for (var i = 0; i < langInputs.length; i++) {
      if (langInputs[i].checked) { return langInputs[i].value; }
    }
    return document.documentElement.lang || "ca";
  }

  function close() {
    list.hidden = true;
    list.textContent = "";
    input.setAttribute("aria-expanded", "false");
    input.removeAttribute("aria-activedescendant");
    active = -1;
  }

  function show(suggestions) {
    list.textContent = "";
    suggestions.forEach(function (item, index) {
      var li = document.createElement("li");
      li.id = "search-suggestion-" + index;
      li.setAttribute("role", "option");
      var a = document.createElement("a");
      a.href = item.url;
      a.textContent = item.title;
      a.lang = item.language;
      a.tabIndex = -1;
      li.appendChild(a);
      list.appendChild(li);
    });
    list.hidden = suggestions.length === 0;
    input.setAttribute("aria-expanded", suggestions.length ? "true" : "false");
  }

  function fetchSuggestions() {
    var q = input.value.trim();
    if (q.length < 2) { close(); return; }
    if (controller) { controller.abort(); }
    controller = window.AbortController ? new AbortController() : null;
    var url = form.dataset.suggestUrl + "?q=" + encodeURIComponent(q) + "&lang=" + encodeURIComponent(language());
    fetch(url, { signal: controller ? controller.signal : undefined, headers: { Accept: "application/json" } })
      .then(function (response) { return response.ok ? response.json() : { suggestions: [] }; })
      .then(function (data) { show(data.suggestions || []); })
      .catch(function () { /* offline or aborted: the form still works */ });
  }

  function move(step) {
    var options = list.querySelectorAll("[role=option]");
    if (!options.length) { return; }
    if (active >= 0) { options[active].removeAttribute("aria-selected"); }
    active = (active + step + options.length) % options.length;
    options[active].setAttribute("aria-selected", "true");
    input.setAttribute("aria-activedescendant", options[active].id);
  }

  input.addEventListener("input", function () {
    window.clearTimeout(timer);
    timer = window.setTimeout(fetchSuggestions, 150);
  });
  input.addEventListener("keydown", function (event) {
    if (event.key === "ArrowDown") { move(1); event.preventDefault(); }
    else if (event.key === "ArrowUp") { move(-1); event.preventDefault(); }
    else if (event.key === "Escape") { close(); }
    else if (event.key === "Enter" && active >= 0) {
      var link = list.querySelectorAll("[role=option] a")[active];
      if (link) { event.preventDefault(); window.location.href = link.href; }
    }
  });
  input.addEventListener("blur", function () { window.setTimeout(close, 200); });
})();
