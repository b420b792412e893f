// E-book viewer: ← / → keys turn pages (not while typing in a field); after turning a page the
// page status gets focus so screen readers announce "page n of N".
(function () {
  'use strict';
  document.addEventListener('keydown', function (evt) {
    if (evt.altKey || evt.ctrlKey || evt.metaKey || evt.shiftKey) {
      return;
    }
    var target = evt.target;
    var tag = target && target.tagName ? target.tagName.toLowerCase() : '';
    if (tag === 'input' || tag === 'textarea' || tag === 'select' || (target && target.isContentEditable)) {
      return;
    }
    var link = null;
    if (evt.key === 'ArrowLeft') {
      link = document.querySelector('[data-ebook-prev]');
    } else if (evt.key === 'ArrowRight') {
      link = document.querySelector('[data-ebook-next]');
    }
    if (link) {
      evt.preventDefault();
      window.location.href = link.href;
    }
  });
  document.addEventListener('DOMContentLoaded', function () {
    if (/[?&]page=\d+/.test(window.location.search)) {
      var status = document.getElementById('ebook-status');
      if (status) {
        status.setAttribute('tabindex', '-1');
        status.focus();
      }
    }
  });
})();
