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
