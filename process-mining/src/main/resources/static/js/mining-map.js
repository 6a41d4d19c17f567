/*
 * The process map: the directly-follows graph drawn with an ECharts graph series in a layered layout
 * (left to right, no overlapping nodes, back edges dashed), with two coverage sliders as in Disco: the activity slider keeps
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

  // every node keeps this size on screen: the map grows (and the frame scrolls) instead of squeezing nodes together
  var NODE_W = 168;
  var NODE_H = 52;
  var GAP_X = 80;
  var GAP_Y = 24;
  var MARGIN = 30;

  /**
   * A layered (Sugiyama-style) layout, so that nodes never overlap and the main flow runs left to right:
   * 1. back edges found by a depth-first search from the start, strongest edges first, are left out of the ranking;
   * 2. each node's layer is its longest path from the start over the remaining edges (the end in the last layer);
   * 3. the order within each layer follows the weighted barycentre of its neighbours, a few sweeps each way, which
   *    removes most crossings;
   * 4. layers are columns of fixed pitch, each centred on the tallest.
   */
  function layout(names, edges) {
    var out = {};
    var incoming = {};
    names.forEach(function (n) { out[n] = []; incoming[n] = []; });
    var sorted = edges.slice().sort(function (x, y) { return y.frequency - x.frequency; });
    sorted.forEach(function (e) { out[e.source].push(e); });

    var state = {};
    var back = [];
    function visit(n) {
      state[n] = 1;
      out[n].forEach(function (e) {
        if (state[e.target] === 1) { back.push(e); } else if (!state[e.target]) { visit(e.target); }
      });
      state[n] = 2;
    }
    visit(START);
    names.forEach(function (n) { if (!state[n]) { visit(n); } });
    var forward = sorted.filter(function (e) { return back.indexOf(e) < 0 && e.source !== e.target; });
    forward.forEach(function (e) { incoming[e.target].push(e); });

    var rank = {};
    var pending = {};
    names.forEach(function (n) { pending[n] = incoming[n].length; rank[n] = n === START ? 0 : 1; });
    var queue = names.filter(function (n) { return pending[n] === 0; });
    while (queue.length) {
      var n = queue.shift();
      forward.forEach(function (e) {
        if (e.source !== n) { return; }
        rank[e.target] = Math.max(rank[e.target], rank[n] + 1);
        if (--pending[e.target] === 0) { queue.push(e.target); }
      });
    }
    var last = 0;
    names.forEach(function (n) { if (n !== END) { last = Math.max(last, rank[n]); } });
    rank[END] = last + 1;

    var layers = [];
    for (var r = 0; r <= last + 1; r++) { layers.push([]); }
    names.forEach(function (n) { layers[rank[n]].push(n); });
    var place = {};
    function number() {
      layers.forEach(function (layer) {
        layer.forEach(function (n, i) { place[n] = (i + 0.5) / layer.length; });
      });
    }
    function sweep(downwards) {
      var order = downwards ? layers.map(function (l, i) { return i; }) : layers.map(function (l, i) { return layers.length - 1 - i; });
      order.forEach(function (r) {
        var centre = {};
        layers[r].forEach(function (n) {
          var neighbours = downwards ? incoming[n].map(function (e) { return [e.source, e.frequency]; })
            : forward.filter(function (e) { return e.source === n; }).map(function (e) { return [e.target, e.frequency]; });
          var weight = 0;
          var sum = 0;
          neighbours.forEach(function (nb) { sum += place[nb[0]] * nb[1]; weight += nb[1]; });
          centre[n] = weight > 0 ? sum / weight : place[n];
        });
        layers[r].sort(function (a, b) { return centre[a] - centre[b]; });
        layers[r].forEach(function (n, i) { place[n] = (i + 0.5) / layers[r].length; });
      });
    }
    number();
    for (var i = 0; i < 6; i++) { sweep(i % 2 === 0); }

    var tallest = layers.reduce(function (m, l) { return Math.max(m, l.length); }, 1);
    var position = {
      width: 2 * MARGIN + layers.length * NODE_W + (layers.length - 1) * GAP_X,
      height: 2 * MARGIN + tallest * NODE_H + (tallest - 1) * GAP_Y,
      back: back
    };
    layers.forEach(function (layer, column) {
      var offset = (tallest - layer.length) / 2;
      layer.forEach(function (n, row) {
        position[n] = {
          x: MARGIN + column * (NODE_W + GAP_X) + NODE_W / 2,
          y: MARGIN + (offset + row) * (NODE_H + GAP_Y) + NODE_H / 2
        };
      });
    });
    return position;
  }

  /** ms as a short duration in the page's units (data-units: day, hour, minute, second). */
  function duration(ms, units) {
    if (ms === null || ms === undefined) { return '-'; }
    var u = (units || 'd,h,min,s').split(',');
    var abs = Math.abs(ms);
    if (abs >= 86400000) { return (ms / 86400000).toFixed(1) + ' ' + u[0]; }
    if (abs >= 3600000) { return (ms / 3600000).toFixed(1) + ' ' + u[1]; }
    if (abs >= 60000) { return (ms / 60000).toFixed(1) + ' ' + u[2]; }
    return (ms / 1000).toFixed(1) + ' ' + u[3];
  }

  /**
   * Three views of one map: frequency (the DFG, edges by count), performance (the DFG, edges coloured
   * from green to red by their median time, mean/median/max on hover) and the heuristics net (edges by
   * dependency, all edges of the net shown).
   */
  function render(element, view) {
    var activitySlider = document.getElementById('activity-coverage');
    var edgeSlider = document.getElementById('edge-coverage');
    var chart = echarts.getInstanceByDom(element) || echarts.init(element);

    function draw() {
      var dfg = view.data;
      var mode = view.mode;
      var maxFrequency = dfg.activities.length ? dfg.activities[0].frequency : 1;
      var activities = keepActivities(dfg, Number(activitySlider.value));
      var edges = keepEdges(dfg, activities, mode === 'heuristics' ? 100 : Number(edgeSlider.value));
      var names = [START].concat(Object.keys(activities), [END]);
      var position = layout(names, edges);
      var maxEdge = edges.reduce(function (m, e) { return Math.max(m, e.frequency); }, 1);
      var maxMedian = edges.reduce(function (m, e) { return Math.max(m, e.medianDurationMs || 0); }, 0);
      // the chart is as large as the layout (the frame scrolls): one layout pixel is one screen pixel
      element.style.width = Math.max(element.parentNode.clientWidth - 2, position.width) + 'px';
      element.style.height = position.height + 'px';
      chart.resize();
      var edgeLabels = edges.length <= 60;
      var nodes = names.map(function (n) {
        var event = n === START || n === END;
        var frequency = activities[n];
        return {
          name: n, x: position[n].x, y: position[n].y,
          symbol: event ? 'circle' : 'roundRect',
          symbolSize: event ? 26 : [NODE_W, NODE_H],
          value: frequency,
          label: { show: true, formatter: event ? n : n + '\n' + frequency, fontSize: 11, lineHeight: 13,
            overflow: 'break', width: NODE_W - 10,
            color: !event && frequency / maxFrequency > 0.5 ? '#fff' : '#102a43' },
          itemStyle: event ? { color: n === START ? '#3ebd93' : '#e66a6a' }
            : { color: 'rgba(24, 98, 172, ' + (0.25 + 0.75 * frequency / maxFrequency) + ')' }
        };
      });
      // two invisible corners pin the view to the layout's own size, so ECharts does not rescale it
      [['\u0000nw', 0, 0], ['\u0000se', position.width, position.height]].forEach(function (c) {
        nodes.push({ name: c[0], x: c[1], y: c[2], symbolSize: 0, label: { show: false }, tooltip: { show: false }, silent: true });
      });
      var units = element.dataset.units;
      var links = edges.map(function (e) {
        var back = position.back.indexOf(e) >= 0 || position[e.target].x <= position[e.source].x || e.source === e.target;
        var label = String(e.frequency);
        var colour = null;
        var hover = e.source + ' \u2192 ' + e.target + ': ' + e.frequency;
        if (mode === 'performance' && e.medianDurationMs !== undefined) {
          label = duration(e.medianDurationMs, units);
          if (e.medianDurationMs !== null && maxMedian > 0) {
            colour = 'hsl(' + Math.round(120 * (1 - e.medianDurationMs / maxMedian)) + ', 65%, 45%)';
          }
          hover = e.source + ' \u2192 ' + e.target + '<br>' + (element.dataset.performanceHover || '{0} / {1} / {2}')
            .replace('{0}', duration(e.meanDurationMs, units)).replace('{1}', duration(e.medianDurationMs, units))
            .replace('{2}', duration(e.maxDurationMs, units)).replace('{3}', e.frequency);
        } else if (mode === 'heuristics' && e.dependency !== undefined) {
          label = e.dependency.toFixed(2) + (e.loop ? ' ' + e.loop : '');
          hover = e.source + ' \u2192 ' + e.target + '<br>' + (element.dataset.heuristicsHover || '{0} ({1})')
            .replace('{0}', e.dependency.toFixed(3)).replace('{1}', e.frequency);
        }
        var style = { width: 1 + 5 * e.frequency / maxEdge, curveness: back ? 0.3 : 0.05, opacity: 0.8,
          type: back ? 'dashed' : 'solid' };
        if (colour) { style.color = colour; }
        return {
          source: e.source, target: e.target, value: e.frequency, hover: hover,
          label: { show: edgeLabels, formatter: label, fontSize: 10 },
          lineStyle: style
        };
      });
      chart.setOption({
        animation: false,
        tooltip: {
          formatter: function (p) {
            if (p.dataType === 'edge') { return p.data.hover; }
            return p.name + (p.value !== undefined ? ': ' + p.value : '');
          }
        },
        series: [{
          type: 'graph', layout: 'none', roam: true, draggable: true,
          left: 0, top: 0, width: position.width, height: position.height,
          edgeSymbol: ['none', 'arrow'], edgeSymbolSize: 8,
          data: nodes, links: links,
          lineStyle: { color: '#627d98' }
        }]
      }, true);
      document.getElementById('activity-coverage-value').textContent = activitySlider.value + '%';
      document.getElementById('edge-coverage-value').textContent = edgeSlider.value + '%';
      element.dataset.activities = String(Object.keys(activities).length);
      element.dataset.edges = String(edges.length);
      element.dataset.view = mode;
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
    return draw;
  }

  function load(url) {
    return fetch(url, { credentials: 'same-origin', headers: { Accept: 'application/json' } })
      .then(function (response) {
        if (!response.ok) { throw new Error(response.status + ' ' + response.statusText); }
        return response.json();
      });
  }

  document.addEventListener('DOMContentLoaded', function () {
    var process = document.getElementById('process-key');
    if (process) { process.addEventListener('change', function () { process.form.submit(); }); }
    var element = document.getElementById('process-map');
    if (!element) { return; }
    var viewSelect = document.getElementById('map-view');
    var thresholdField = document.getElementById('heuristics-threshold-field');
    var threshold = document.getElementById('heuristics-threshold');
    var view = { mode: 'frequency', data: null, dfg: null };
    var redraw = null;
    function failed(error) {
      element.textContent = String(error);
      element.dataset.mapReady = 'error';
    }
    function show() {
      var mode = viewSelect ? viewSelect.value : 'frequency';
      // the page's label style shows flex labels even when hidden: hide by style
      if (thresholdField) { thresholdField.style.display = mode === 'heuristics' ? '' : 'none'; }
      var ready = mode === 'heuristics'
        ? load((function () {
          var url = new URL(element.dataset.heuristicsSrc, window.location.href);
          url.searchParams.set('dependency', threshold.value);
          return url.toString();
        })())
        : Promise.resolve(view.dfg);
      ready.then(function (data) {
        view.mode = mode;
        view.data = data;
        if (redraw) { redraw(); } else { redraw = render(element, view); }
      }).catch(failed);
    }
    load(element.dataset.src).then(function (dfg) {
      view.dfg = dfg;
      show();
    }).catch(failed);
    if (viewSelect) { viewSelect.addEventListener('change', show); }
    if (threshold) { threshold.addEventListener('change', show); }
  });
})();
