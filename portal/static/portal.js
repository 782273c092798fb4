// Progressive enhancement only: every feature works without this file (CSP allows 'self' scripts only).
// A key press on "/" moves focus to the search box, as on many search sites.
document.addEventListener("keydown", function (event) {
  if (event.key !== "/" || event.ctrlKey || event.metaKey || event.altKey) return;
  var target = event.target;
  if (target && (target.tagName === "INPUT" || target.tagName === "TEXTAREA" || target.isContentEditable)) return;
  var box = document.getElementById("q");
  if (box) { event.preventDefault(); box.focus(); }
});

// A print button where a page offers one (the checklists); without JavaScript the browser's own Print works.
document.addEventListener("DOMContentLoaded", function () {
  document.querySelectorAll("[data-print]").forEach(function (button) {
    button.hidden = false;
    button.addEventListener("click", function () { window.print(); });
  });
});
