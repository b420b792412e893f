// Survey result charts (ECharts). Figures come from data attributes; the same figures are in the
// table under each chart, so the chart is a visual aid only.
(function () {
  'use strict';
  document.addEventListener('DOMContentLoaded', function () {
    if (typeof window.echarts === 'undefined') {
      return;
    }
    var charts = document.querySelectorAll('.chart[data-chart-labels]');
    Array.prototype.forEach.call(charts, function (el) {
      var labels = el.getAttribute('data-chart-labels').split('|');
      var values = el.getAttribute('data-chart-values').split('|').map(function (v) { return Number(v); });
      var chart = window.echarts.init(el, null, { renderer: 'svg' });
      chart.setOption({
        aria: { enabled: true },
        grid: { left: 8, right: 24, top: 8, bottom: 8, containLabel: true },
        xAxis: { type: 'value', minInterval: 1 },
        yAxis: { type: 'category', data: labels, inverse: true },
        series: [{ type: 'bar', data: values, itemStyle: { color: '#0b50d0' }, label: { show: true, position: 'right' } }]
      });
      window.addEventListener('resize', function () { chart.resize(); });
    });
  });
})();
