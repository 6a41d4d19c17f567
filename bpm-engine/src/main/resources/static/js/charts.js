/*
 * Draws every chart on a page. The content security policy allows no inline scripts, so a page
 * describes its chart as data: an element with data-chart-option='{ ECharts option JSON }' or
 * data-chart-src="/url/returning/option.json". Include after
 * /webjars/echarts/5.3.1/dist/echarts.min.js.
 */
(function () {
  'use strict';

  function draw(element, option) {
    var chart = echarts.getInstanceByDom(element) || echarts.init(element);
    chart.setOption(option, true);
    element.dataset.chartReady = 'true';
    window.addEventListener('resize', function () { chart.resize(); });
  }

  function load(element) {
    if (element.dataset.chartOption) {
      draw(element, JSON.parse(element.dataset.chartOption));
    } else if (element.dataset.chartSrc) {
      fetch(element.dataset.chartSrc, { credentials: 'same-origin', headers: { Accept: 'application/json' } })
        .then(function (response) {
          if (!response.ok) { throw new Error(response.status + ' ' + response.statusText); }
          return response.json();
        })
        .then(function (option) { draw(element, option); })
        .catch(function (error) {
          element.textContent = element.dataset.chartError || String(error);
          element.dataset.chartReady = 'error';
        });
    }
  }

  window.clearflowCharts = { draw: draw, load: load };
  document.addEventListener('DOMContentLoaded', function () {
    document.querySelectorAll('[data-chart-option],[data-chart-src]').forEach(load);
  });
})();
