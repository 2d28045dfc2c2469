/* The profile page (avk/profile.html): copy a new private calendar link to the clipboard.
   The button stays hidden where the browser offers no clipboard; the texts come from the
   button's data attributes (translated in the template). */
(function () {
  "use strict";
  var field = document.getElementById("calendar-link");
  var button = document.getElementById("calendar-link-copy");
  if (!field || !button || !navigator.clipboard) { return; }
  button.hidden = false;
  field.addEventListener("focus", function () { field.select(); });
  button.addEventListener("click", function () {
    navigator.clipboard.writeText(field.value).then(function () {
      button.textContent = button.getAttribute("data-copied");
      document.getElementById("calendar-link-status").textContent = button.getAttribute("data-copied-status");
    });
  });
})();
