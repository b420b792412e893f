// Sotong common behaviour (no inline scripts: strict CSP).
(function () {
  'use strict';
  // CSRF token for htmx requests, from the <meta name="_csrf"> tags of the layout.
  document.addEventListener('htmx:configRequest', function (evt) {
    var token = document.querySelector('meta[name="_csrf"]');
    var header = document.querySelector('meta[name="_csrf_header"]');
    if (token && header) {
      evt.detail.headers[header.getAttribute('content')] = token.getAttribute('content');
    }
  });
  // <form data-confirm="…">: ask before submitting (delete, approve, send …).
  document.addEventListener('submit', function (evt) {
    var form = evt.target;
    if (form && form.dataset && form.dataset.confirm && !window.confirm(form.dataset.confirm)) {
      evt.preventDefault();
    }
  }, true);
  // Move focus to the first error summary so screen readers announce it.
  document.addEventListener('DOMContentLoaded', function () {
    var summary = document.querySelector('[data-focus-on-load]');
    if (summary) {
      summary.setAttribute('tabindex', '-1');
      summary.focus();
    }
  });
})();
