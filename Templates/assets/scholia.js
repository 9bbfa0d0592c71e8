// Progressive enhancement only: every page reads fully without this script.
document.querySelectorAll('[data-action="print"]').forEach(function (button) {
  button.hidden = false;
  button.addEventListener('click', function () { window.print(); });
});
