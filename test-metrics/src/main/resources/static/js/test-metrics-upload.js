/*
 * Upload form with progress: sends the same multipart form with XMLHttpRequest so the browser reports
 * upload progress (large ZIPs of surefire-reports), then follows the server's redirect. Without
 * JavaScript the form posts normally.
 */
(function () {
  'use strict';
  document.addEventListener('DOMContentLoaded', function () {
    var form = document.getElementById('tm-upload');
    if (!form || !window.FormData) { return; }
    var progress = document.getElementById('tm-progress');
    var text = document.getElementById('tm-progress-text');
    form.addEventListener('submit', function (event) {
      event.preventDefault();
      var xhr = new XMLHttpRequest();
      xhr.open('POST', form.action);
      progress.hidden = false;
      progress.value = 0;
      xhr.upload.addEventListener('progress', function (e) {
        if (e.lengthComputable) {
          var percent = Math.round(100 * e.loaded / e.total);
          progress.value = percent;
          text.textContent = percent + ' %';
        }
      });
      xhr.addEventListener('load', function () {
        window.location.assign(xhr.responseURL || form.action);
      });
      xhr.addEventListener('error', function () {
        text.textContent = form.dataset.failed || 'upload failed';
      });
      document.getElementById('tm-upload-submit').disabled = true;
      xhr.send(new FormData(form));
    });
  });
})();
