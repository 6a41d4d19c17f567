/*
 * Uploads an event log with a progress bar (large XES files take a while to send), then shows that
 * the server is importing, and follows the redirect to the new log's page. Without this script the
 * form posts normally.
 */
(function () {
  'use strict';
  document.addEventListener('DOMContentLoaded', function () {
    var form = document.getElementById('mining-upload');
    if (!form || !window.XMLHttpRequest || !window.FormData) { return; }
    var progress = document.getElementById('mining-upload-progress');
    // An OCEL log is flattened on an object type: ask the server which types the chosen file has
    var typeField = document.getElementById('ocel-object-type');
    var typeSelect = document.getElementById('ocel-object-type-select');
    var fileInput = document.getElementById('mining-file');
    var csrf = form.querySelector('input[name="_csrf"]');
    fileInput.addEventListener('change', function () {
      typeField.style.display = 'none'; // a flex label ignores the hidden attribute
      typeSelect.innerHTML = '';
      var file = fileInput.files[0];
      if (!file || !/\.(jsonocel|xmlocel|json|xml|sqlite|sqlite3|db)$/i.test(file.name)) { return; }
      var ask = new XMLHttpRequest();
      ask.open('POST', typeField.dataset.src);
      ask.setRequestHeader('Accept', 'application/json');
      if (csrf) { ask.setRequestHeader('X-CSRF-TOKEN', csrf.value); }
      ask.addEventListener('load', function () {
        var answer = null;
        try { answer = JSON.parse(ask.responseText); } catch (ignored) { answer = null; }
        if (ask.status === 200 && Array.isArray(answer)) {
          answer.forEach(function (t) {
            var option = document.createElement('option');
            option.value = t.name;
            option.textContent = typeField.dataset.option.replace('{0}', t.name).replace('{1}', t.objects)
                .replace('{2}', t.events);
            typeSelect.appendChild(option);
          });
          typeField.style.display = answer.length === 0 ? 'none' : '';
        } else if (/\.(jsonocel|xmlocel|sqlite|sqlite3)$/i.test(file.name)) {
          status.className = 'flash error';
          status.textContent = typeField.dataset.failed.replace('{0}', (answer && answer.detail) || ask.status);
        }
      });
      var data = new FormData();
      data.append('file', file);
      ask.send(data);
    });
    var status = document.getElementById('mining-upload-status');
    var button = document.getElementById('mining-upload-submit');
    form.addEventListener('submit', function (event) {
      event.preventDefault();
      var request = new XMLHttpRequest();
      request.open('POST', form.action);
      request.setRequestHeader('X-Requested-With', 'XMLHttpRequest');
      request.setRequestHeader('Accept', 'application/json');
      status.className = 'muted';
      status.setAttribute('role', 'status');
      progress.hidden = false;
      progress.value = 0;
      button.disabled = true;
      status.textContent = status.dataset.uploading;
      request.upload.addEventListener('progress', function (e) {
        if (e.lengthComputable) { progress.value = Math.round(e.loaded / e.total * 100); }
      });
      request.upload.addEventListener('load', function () {
        progress.removeAttribute('value'); // indeterminate while the server parses
        status.textContent = status.dataset.importing;
      });
      function refused(text) {
        button.disabled = false;
        progress.hidden = true;
        status.textContent = text || status.dataset.failed;
        status.className = 'flash error';
        status.setAttribute('role', 'alert');
      }
      request.addEventListener('load', function () {
        // the server answers where the imported log is, or why the file was refused (in the reader's language);
        // following a redirect here would consume the one-time message before the page could show it
        var answer = null;
        try { answer = JSON.parse(request.responseText); } catch (ignored) { answer = null; }
        if (request.status === 200 && answer && answer.location) {
          window.location.assign(answer.location);
        } else {
          refused(answer && answer.error);
        }
      });
      request.addEventListener('error', function () { refused(null); });
      request.send(new FormData(form));
    });
  });
})();
