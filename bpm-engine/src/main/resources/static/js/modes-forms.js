/*
 * Client-side checks of forms rendered from a form definition. The rules are not written here:
 * each <form data-form-src="/api/forms/{key}"> fetches its definition (the very object the server
 * validates with) and applies its patterns, bounds, steps and required flags, showing the server's
 * own error texts next to each field. The server checks everything again on submit.
 */
(function () {
  'use strict';

  function fill(text, arg) {
    return text.replace('{0}', arg);
  }

  function decimals(n) {
    var s = String(n);
    return s.indexOf('.') < 0 ? 0 : s.length - s.indexOf('.') - 1;
  }

  function whole(regex) {
    return new RegExp('^(?:' + regex + ')$');
  }

  /** The error text for one field's value, or '' when it is acceptable. */
  function check(field, raw, def) {
    var m = def.messages;
    var value = (raw || '').trim();
    if (value === '') {
      return field.required ? m.required : '';
    }
    if (field.maxLength != null && value.length > field.maxLength) {
      return fill(m.maxLength, field.maxLength);
    }
    if (field.type === 'number') {
      if (!whole(def.numberPattern).test(value)) {
        return m.number;
      }
      var n = Number(value);
      if (field.min != null && n < Number(field.min)) {
        return fill(m.min, field.min);
      }
      if (field.max != null && n > Number(field.max)) {
        return fill(m.max, field.max);
      }
      if (field.step != null) {
        var scale = Math.pow(10, Math.max(decimals(field.step), decimals(value)));
        if (Math.round(n * scale) % Math.round(Number(field.step) * scale) !== 0) {
          return fill(m.step, field.step);
        }
      }
    }
    if (field.type === 'date') {
      var d = new Date(value + 'T00:00:00Z');
      if (!whole(def.datePattern).test(value) || isNaN(d.getTime()) || d.toISOString().slice(0, 10) !== value) {
        return m.date;
      }
    }
    if (field.type === 'select' && !field.options.some(function (o) { return o.value === value; })) {
      return m.option;
    }
    if (field.pattern && !whole(field.pattern).test(value)) {
      return field.patternMessage || m.pattern;
    }
    return '';
  }

  function show(form, field, error) {
    var input = form.elements[field.key];
    var line = form.querySelector('[data-error-for="' + field.key + '"]');
    if (line) {
      line.textContent = error;
    }
    if (input) {
      if (error) {
        input.setAttribute('aria-invalid', 'true');
      } else {
        input.removeAttribute('aria-invalid');
      }
    }
  }

  function attach(form, def) {
    def.fields.forEach(function (field) {
      var input = form.elements[field.key];
      if (input) {
        input.addEventListener('change', function () {
          show(form, field, check(field, input.value, def));
        });
      }
    });
    form.addEventListener('submit', function (event) {
      var firstBad = null;
      def.fields.forEach(function (field) {
        var input = form.elements[field.key];
        if (!input) {
          return;
        }
        var error = check(field, input.value, def);
        show(form, field, error);
        if (error && !firstBad) {
          firstBad = input;
        }
      });
      if (firstBad) {
        event.preventDefault();
        form.setAttribute('data-client-errors', 'true');
        firstBad.focus();
      }
    });
    form.setAttribute('data-form-ready', 'true');
  }

  document.querySelectorAll('form[data-form-src]').forEach(function (form) {
    fetch(form.getAttribute('data-form-src'), { headers: { Accept: 'application/json' }, credentials: 'same-origin' })
      .then(function (response) { return response.ok ? response.json() : null; })
      .then(function (def) { if (def) { attach(form, def); } });
  });
})();
