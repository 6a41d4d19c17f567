/*
 * The process map: the directly-follows graph drawn with an ECharts graph series, laid out left to
 * right by distance from the start, with two coverage sliders as in Disco: the activity slider keeps
 * the most frequent activities that together account for at least X% of the events; the edge slider
 * keeps, among the edges between those, the most frequent ones covering Y% of their frequency, plus
 * each activity's strongest incoming and outgoing edge so that no activity is left hanging.
 */
(function () {
  'use strict';

  var START = '\u25b6';
  var END = '\u25a0';

  function keepActivities(dfg, percent) {
    var total = dfg.activities.reduce(function (s, a) { return s + a.frequency; }, 0);
    var kept = {};
    var covered = 0;
    for (var i = 0; i < dfg.activities.length; i++) {
      if (i > 0 && covered >= total * percent / 100) { break; }
      kept[dfg.activities[i].name] = dfg.activities[i].frequency;
      covered += dfg.activities[i].frequency;
    }
    return kept;
  }

  function keepEdges(dfg, activities, percent) {
    var edges = [];
    dfg.edges.forEach(function (e) {
      if (e.source in activities && e.target in activities) { edges.push(e); }
    });
    Object.keys(dfg.startActivities).forEach(function (a) {
      if (a in activities) { edges.push({ source: START, target: a, frequency: dfg.startActivities[a] }); }
    });
    Object.keys(dfg.endActivities).forEach(function (a) {
      if (a in activities) { edges.push({ source: a, target: END, frequency: dfg.endActivities[a] }); }
    });
    edges.sort(function (x, y) { return y.frequency - x.frequency; });
    var total = edges.reduce(function (s, e) { return s + e.frequency; }, 0);
    var kept = [];
    var covered = 0;
    var strongestIn = {};
    var strongestOut = {};
    edges.forEach(function (e) {
      if (!(e.target in strongestIn)) { strongestIn[e.target] = e; }
      if (!(e.source in strongestOut)) { strongestOut[e.source] = e; }
    });
    edges.forEach(function (e) {
      var needed = strongestIn[e.target] === e || strongestOut[e.source] === e;
      if (covered < total * percent / 100 || needed) {
        kept.push(e);
        covered += e.frequency;
      }
    });
    return kept;
  }

  /** Column = shortest distance from the start node, so the main flow runs left to right. */
  function layout(nodes, edges) {
    var next = {};
    edges.forEach(function (e) { (next[e.source] = next[e.source] || []).push(e.target); });
    var depth = {};
    depth[START] = 0;
    var queue = [START];
    while (queue.length) {
      var n = queue.shift();
      (next[n] || []).forEach(function (m) {
        if (!(m in depth)) { depth[m] = depth[n] + 1; queue.push(m); }
      });
    }
    var maxDepth = 0;
    nodes.forEach(function (n) { if (n in depth) { maxDepth = Math.max(maxDepth, depth[n]); } });
    depth[END] = maxDepth + 1;
    var rows = {};
    var position = { columns: maxDepth + 2, rows: 1 };
    nodes.forEach(function (n) {
      var d = n in depth ? depth[n] : maxDepth + 1;
      rows[d] = (rows[d] || 0) + 1;
      position.rows = Math.max(position.rows, rows[d]);
      position[n] = { x: d * 220, y: rows[d] * 90 };
    });
    return position;
  }

  function render(element, dfg) {
    var activitySlider = document.getElementById('activity-coverage');
    var edgeSlider = document.getElementById('edge-coverage');
    var chart = echarts.getInstanceByDom(element) || echarts.init(element);
    var maxFrequency = dfg.activities.length ? dfg.activities[0].frequency : 1;

    function draw() {
      var activities = keepActivities(dfg, Number(activitySlider.value));
      var edges = keepEdges(dfg, activities, Number(edgeSlider.value));
      var names = [START].concat(Object.keys(activities), [END]);
      var position = layout(names, edges);
      var maxEdge = edges.reduce(function (m, e) { return Math.max(m, e.frequency); }, 1);
      // ECharts fits the coordinates into the box but not the symbols: size them to the grid cell
      var nodeWidth = Math.max(60, Math.min(150, element.clientWidth / (position.columns + 1) * 0.8));
      var nodeHeight = Math.max(24, Math.min(44, element.clientHeight / (position.rows + 1) * 0.6));
      var edgeLabels = edges.length <= 40;
      var nodes = names.map(function (n) {
        var event = n === START || n === END;
        var frequency = activities[n];
        return {
          name: n, x: position[n].x, y: position[n].y,
          symbol: event ? 'circle' : 'roundRect',
          symbolSize: event ? 26 : [nodeWidth, nodeHeight],
          value: frequency,
          label: { show: true, formatter: event ? n : n + '\n' + frequency, fontSize: 10, overflow: 'truncate', width: nodeWidth - 6,
            color: !event && frequency / maxFrequency > 0.5 ? '#fff' : '#102a43' },
          itemStyle: event ? { color: n === START ? '#3ebd93' : '#e66a6a' }
            : { color: 'rgba(24, 98, 172, ' + (0.25 + 0.75 * frequency / maxFrequency) + ')' }
        };
      });
      var links = edges.map(function (e) {
        var back = position[e.target].x <= position[e.source].x;
        return {
          source: e.source, target: e.target, value: e.frequency,
          label: { show: edgeLabels, formatter: String(e.frequency), fontSize: 10 },
          lineStyle: { width: 1 + 5 * e.frequency / maxEdge, curveness: back ? 0.35 : 0.08, opacity: 0.8 }
        };
      });
      chart.setOption({
        animation: false,
        tooltip: {},
        series: [{
          type: 'graph', layout: 'none', roam: true, draggable: true,
          edgeSymbol: ['none', 'arrow'], edgeSymbolSize: 8,
          data: nodes, links: links,
          lineStyle: { color: '#627d98' }
        }]
      }, true);
      document.getElementById('activity-coverage-value').textContent = activitySlider.value + '%';
      document.getElementById('edge-coverage-value').textContent = edgeSlider.value + '%';
      element.dataset.activities = String(Object.keys(activities).length);
      element.dataset.edges = String(edges.length);
      var counts = document.getElementById('process-map-counts');
      counts.textContent = (element.dataset.counts || '{0} / {1}')
        .replace('{0}', Object.keys(activities).length + '/' + dfg.activities.length)
        .replace('{1}', edges.length);
      element.dataset.mapReady = 'true';
    }

    activitySlider.addEventListener('input', draw);
    edgeSlider.addEventListener('input', draw);
    window.addEventListener('resize', function () { chart.resize(); });
    draw();
  }

  document.addEventListener('DOMContentLoaded', function () {
    var element = document.getElementById('process-map');
    if (!element) { return; }
    fetch(element.dataset.src, { credentials: 'same-origin', headers: { Accept: 'application/json' } })
      .then(function (response) {
        if (!response.ok) { throw new Error(response.status + ' ' + response.statusText); }
        return response.json();
      })
      .then(function (dfg) { render(element, dfg); })
      .catch(function (error) {
        element.textContent = String(error);
        element.dataset.mapReady = 'error';
      });
  });
})();
