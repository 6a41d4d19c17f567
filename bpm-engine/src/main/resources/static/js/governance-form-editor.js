/*
 * The form field editor of the governance page: rows of fields (label, key, type, required, options, pattern) that
 * can be added, ordered and removed, written as the same JSON definition the server checks and stores
 * ({"fields":[{"key","label","type","required","pattern","options"}]}). The JSON box stays for those who prefer it;
 * editing either one updates the other. Mistakes are shown next to the row before anything is sent; the server checks
 * everything again.
 */
(function () {
  'use strict';

  var KEY = /^[A-Za-z_][A-Za-z0-9_]{0,63}$/;

  document.addEventListener('DOMContentLoaded', function () {
    var form = document.getElementById('form-definition-form');
    if (!form) { return; }
    var editor = document.getElementById('field-editor');
    var rows = document.querySelector('#field-rows tbody');
    var template = document.getElementById('field-row-template');
    var json = document.getElementById('form-definition');
    var activity = document.getElementById('form-activity');
    var error = document.getElementById('field-editor-error');
    var messages = document.getElementById('field-editor-messages').dataset;
    var stored = JSON.parse(form.dataset.forms || '{}');
    editor.hidden = false;

    function freeKey() {
      var taken = {};
      rows.querySelectorAll('.field-key').forEach(function (k) { taken[k.value] = true; });
      for (var n = 1; ; n++) {
        if (!taken['field' + n]) { return 'field' + n; }
      }
    }

    function applyType(row) {
      var type = row.querySelector('.field-type').value;
      row.querySelector('.field-options').disabled = type !== 'select';
      row.querySelector('.field-pattern').disabled = ['text', 'textarea', 'email'].indexOf(type) < 0;
    }

    function addRow(field) {
      var row = template.content.firstElementChild.cloneNode(true);
      field = field || {};
      row.querySelector('.field-label').value = field.label || '';
      row.querySelector('.field-key').value = field.key || freeKey();
      row.querySelector('.field-type').value = field.type || 'text';
      row.querySelector('.field-required').checked = !!field.required;
      row.querySelector('.field-options').value = (field.options || []).join('\n');
      row.querySelector('.field-pattern').value = field.pattern || '';
      applyType(row);
      rows.appendChild(row);
      return row;
    }

    function load(definition) {
      rows.innerHTML = '';
      var fields = definition && definition.fields ? definition.fields : [];
      fields.forEach(addRow);
      if (!fields.length) { addRow(); }
    }

    function definition() {
      return {
        fields: Array.prototype.map.call(rows.querySelectorAll('tr.field-row'), function (row) {
          var type = row.querySelector('.field-type').value;
          var field = {
            key: row.querySelector('.field-key').value.trim(),
            label: row.querySelector('.field-label').value.trim(),
            type: type,
            required: row.querySelector('.field-required').checked
          };
          var pattern = row.querySelector('.field-pattern').value.trim();
          if (pattern && !row.querySelector('.field-pattern').disabled) { field.pattern = pattern; }
          if (type === 'select') {
            field.options = row.querySelector('.field-options').value.split(/[\n,，]/)
              .map(function (o) { return o.trim(); }).filter(function (o) { return o; });
          }
          return field;
        })
      };
    }

    function write() {
      json.value = JSON.stringify(definition());
    }

    /** The first mistake of each row, marked on its input; the message of the first one, or '' when all is well. */
    function check() {
      var first = '';
      var keys = {};
      rows.querySelectorAll('.invalid').forEach(function (i) { i.classList.remove('invalid'); i.removeAttribute('title'); });
      function mark(row, selector, text, n) {
        var input = row.querySelector(selector);
        var message = text.replace('{0}', n);
        input.classList.add('invalid');
        input.title = message;
        first = first || message;
      }
      var all = rows.querySelectorAll('tr.field-row');
      if (!all.length) { return messages.empty; }
      all.forEach(function (row, i) {
        var n = i + 1;
        var field = definition().fields[i];
        if (!field.label) { mark(row, '.field-label', messages.label, n); }
        if (!KEY.test(field.key)) { mark(row, '.field-key', messages.key, n); }
        else if (keys[field.key]) { mark(row, '.field-key', messages.duplicate, n); }
        keys[field.key] = true;
        if (field.type === 'select' && !field.options.length) { mark(row, '.field-options', messages.options, n); }
        if (field.pattern) {
          try { new RegExp(field.pattern); } catch (e) { mark(row, '.field-pattern', messages.pattern, n); }
        }
      });
      return first;
    }

    rows.addEventListener('input', write);
    rows.addEventListener('change', function (event) {
      var row = event.target.closest('tr');
      if (event.target.classList.contains('field-type')) { applyType(row); }
      write();
    });
    rows.addEventListener('click', function (event) {
      var row = event.target.closest('tr');
      if (!row || event.target.tagName !== 'BUTTON') { return; }
      if (event.target.classList.contains('field-up') && row.previousElementSibling) {
        rows.insertBefore(row, row.previousElementSibling);
      } else if (event.target.classList.contains('field-down') && row.nextElementSibling) {
        rows.insertBefore(row.nextElementSibling, row);
      } else if (event.target.classList.contains('field-remove')) {
        row.remove();
      }
      write();
    });
    document.getElementById('field-add').addEventListener('click', function () {
      addRow().querySelector('.field-label').focus();
      write();
    });
    json.addEventListener('input', function () {
      try { load(JSON.parse(json.value)); } catch (e) { /* typed half-way: the rows follow once it parses */ }
    });
    activity.addEventListener('change', function () {
      load(stored[activity.value]);
      write();
    });
    form.addEventListener('submit', function (event) {
      write();
      var problem = check();
      error.textContent = problem;
      error.hidden = !problem;
      if (problem) { event.preventDefault(); }
    });

    // a definition sent back after the server refused it is kept; otherwise the stored form of the chosen step
    if (json.value.trim() && form.dataset.draftActivity) {
      try { load(JSON.parse(json.value)); } catch (e) { load(null); document.getElementById('form-json').open = true; }
    } else {
      load(stored[activity.value]);
      write();
    }
  });
})();
