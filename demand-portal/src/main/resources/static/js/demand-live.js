/*
 * Live status on the demand pages: every cell with data-demand-id shows its demand's state; this
 * asks the server for the current states every 15 s and swaps the text when one changed. The
 * state names come from the hidden #demand-state-labels list, so they follow the page's language.
 */
(function () {
  'use strict';
  var INTERVAL = 15000;

  function labels() {
    var map = {};
    document.querySelectorAll('#demand-state-labels [data-state-label]').forEach(function (el) {
      map[el.dataset.stateLabel] = el.textContent;
    });
    return map;
  }

  function refresh() {
    var cells = document.querySelectorAll('[data-demand-id]');
    if (cells.length === 0) { return; }
    var ids = [];
    cells.forEach(function (c) { if (ids.indexOf(c.dataset.demandId) < 0 && ids.length < 200) { ids.push(c.dataset.demandId); } });
    fetch('/api/demands/states?ids=' + ids.join(','), { credentials: 'same-origin', headers: { Accept: 'application/json' } })
      .then(function (r) { return r.ok ? r.json() : {}; })
      .then(function (states) {
        var names = labels();
        cells.forEach(function (c) {
          var state = states[c.dataset.demandId];
          if (state && state !== c.dataset.state) {
            c.dataset.state = state;
            c.textContent = names[state] || state;
            c.classList.add('changed');
          }
        });
      })
      .catch(function () { /* offline for a moment: the next round tries again */ });
  }

  document.addEventListener('DOMContentLoaded', function () { window.setInterval(refresh, INTERVAL); });
})();
