// After an htmx swap in the DIN overview, put the keyboard focus back where the person was:
// on the moved item's "up"/"down" button, or on the first field of a form that was opened.
document.body.addEventListener("htmx:afterSettle", function (event) {
  var target = event.detail.target || document;
  var moved = document.querySelector("[data-din-focus]");
  if (moved) {
    if (moved.disabled) {
      var other = moved.closest(".din-controls").querySelector("button[hx-post]:not([disabled])");
      (other || moved).focus();
    } else {
      moved.focus();
    }
    moved.removeAttribute("data-din-focus");
    return;
  }
  var form = target.closest ? target.closest(".din-form") : null;
  if (!form && target.querySelector) form = target.querySelector(".din-form");
  if (!form) form = document.querySelector(".din-form");
  if (form) {
    var invalid = form.querySelector(".is-invalid");
    var first = invalid || form.querySelector("input:not([type=hidden]), textarea, select");
    if (first) first.focus();
  }
});
