/*
 * "My declarations": keeps each row's status live. Every few seconds, while any shown declaration
 * is still open, it reads /api/selfservice/declarations (the same visibility as the page: a
 * participant gets only their own) and updates the status cells in place.
 */
(function () {
  'use strict';
  var table = document.getElementById('declarations');
  if (!table) {
    return;
  }
  var FINAL = ['AUTO_APPROVED', 'APPROVED', 'REJECTED', 'WITHDRAWN'];
  var INTERVAL_MS = 3000;

  function open() {
    return Array.prototype.some.call(table.querySelectorAll('.declaration-status'), function (cell) {
      return FINAL.indexOf(cell.getAttribute('data-status')) < 0;
    });
  }

  function refresh() {
    fetch(table.getAttribute('data-poll-src'), { headers: { Accept: 'application/json' }, credentials: 'same-origin' })
      .then(function (response) { return response.ok ? response.json() : []; })
      .then(function (declarations) {
        declarations.forEach(function (d) {
          var row = table.querySelector('tr[data-declaration-id="' + d.id + '"]');
          if (!row) {
            return;
          }
          var cell = row.querySelector('.declaration-status');
          if (cell.getAttribute('data-status') !== d.status) {
            cell.setAttribute('data-status', d.status);
            cell.textContent = d.statusLabel;
            row.classList.add('changed');
          }
        });
      })
      .catch(function () { /* try again next round */ })
      .then(schedule);
  }

  function schedule() {
    if (open()) {
      window.setTimeout(refresh, INTERVAL_MS);
    }
  }

  table.setAttribute('data-live', 'true');
  schedule();
})();
