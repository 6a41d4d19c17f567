/*
 * Every text area with a maxlength says its limit and counts as one types: without this, a browser cuts
 * pasted text at the limit without a word. The texts come from the page's bundle (meta tags of the shell).
 */
(function () {
  'use strict';
  function text(name, count, limit) {
    var meta = document.querySelector('meta[name="' + name + '"]');
    var pattern = meta ? meta.getAttribute('content') : '{0} / {1}';
    return pattern.replace(/\{0\}/g, count).replace(/\{1\}/g, limit);
  }
  Array.prototype.forEach.call(document.querySelectorAll('textarea[maxlength]'), function (area, index) {
    var limit = parseInt(area.getAttribute('maxlength'), 10);
    if (!(limit > 0)) {
      return;
    }
    var counter = document.createElement('p');
    counter.className = 'char-count muted small';
    counter.id = (area.id || ('textarea-' + index)) + '-count';
    counter.setAttribute('aria-live', 'polite');
    area.insertAdjacentElement('afterend', counter);
    var described = area.getAttribute('aria-describedby');
    area.setAttribute('aria-describedby', (described ? described + ' ' : '') + counter.id);
    function update() {
      var count = area.value.length;
      var full = count >= limit;
      counter.textContent = text(full ? 'clearflow-char-count-full' : 'clearflow-char-count', count, limit);
      counter.classList.toggle('field-error', full);
    }
    area.addEventListener('input', update);
    update();
  });
})();
