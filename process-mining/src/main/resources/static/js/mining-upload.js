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
      request.addEventListener('load', function () {
        // the server answers with a redirect to the log page (or back to the list with the error)
        window.location.assign(request.responseURL || form.action);
      });
      request.addEventListener('error', function () {
        button.disabled = false;
        progress.hidden = true;
        status.textContent = status.dataset.failed;
      });
      request.send(new FormData(form));
    });
  });
})();
