// Press module: copy an AI draft into the body field (no inline scripts: strict CSP).
(function () {
  'use strict';
  document.addEventListener('click', function (evt) {
    var btn = evt.target.closest('[data-copy-draft]');
    if (!btn) {
      return;
    }
    var src = document.getElementById('llm-draft-text');
    var body = document.getElementById('body');
    if (src && body) {
      body.value = src.textContent;
      body.focus();
    }
  });
})();
