// Channel metric trend charts (ECharts from the webjar). The table next to the chart carries the same
// figures for screen readers and keyboard users. No inline script (strict CSP).
(function () {
  'use strict';
  document.addEventListener('DOMContentLoaded', function () {
    var el = document.querySelector('[data-metrics-url]');
    if (!el || !window.echarts) { return; }
    fetch(el.getAttribute('data-metrics-url'), { credentials: 'same-origin', headers: { 'Accept': 'application/json' } })
      .then(function (r) { return r.ok ? r.json() : []; })
      .then(function (rows) {
        var chart = window.echarts.init(el);
        chart.setOption({
          tooltip: { trigger: 'axis' },
          legend: { data: ['구독자', '콘텐츠 수', '조회수'] },
          xAxis: { type: 'category', data: rows.map(function (m) { return m.asOf; }) },
          yAxis: [{ type: 'value', name: '구독자·조회수' }, { type: 'value', name: '콘텐츠' }],
          series: [
            { name: '구독자', type: 'line', data: rows.map(function (m) { return m.subscribers; }) },
            { name: '조회수', type: 'line', data: rows.map(function (m) { return m.views; }) },
            { name: '콘텐츠 수', type: 'bar', yAxisIndex: 1, data: rows.map(function (m) { return m.contents; }) }
          ]
        });
        window.addEventListener('resize', function () { chart.resize(); });
      });
  });
})();
