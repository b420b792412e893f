// Smart contest: shows the seconds left for the current question (the server keeps the real time).
(function () {
  'use strict';
  document.addEventListener('DOMContentLoaded', function () {
    var timer = document.querySelector('[data-seconds-left]');
    if (!timer) {
      return;
    }
    var left = parseInt(timer.getAttribute('data-seconds-left'), 10);
    var label = timer.getAttribute('data-label') || '';
    var done = timer.getAttribute('data-done') || '';
    var tick = function () {
      if (left <= 0) {
        timer.textContent = done;
        return;
      }
      timer.textContent = label.replace('{0}', String(left));
      left -= 1;
      window.setTimeout(tick, 1000);
    };
    tick();
  });
})();
