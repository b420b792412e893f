// Education staff pages: the print button of the roll-call sheet (no inline handlers: strict CSP).
(function () {
  'use strict';
  document.addEventListener('click', function (evt) {
    var el = evt.target.closest('[data-print]');
    if (el) {
      evt.preventDefault();
      window.print();
    }
  });
})();
