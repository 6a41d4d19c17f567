// Classification form: a reason is required only when the chosen mode overrides the recommendation.
(function () {
  var form = document.getElementById('classification-form');
  if (!form) {
    return;
  }
  var recommended = form.getAttribute('data-recommended');
  var reason = document.getElementById('mode-reason');
  function update() {
    var chosen = form.querySelector('input[name="mode"]:checked');
    reason.required = !!chosen && chosen.value !== recommended;
  }
  form.querySelectorAll('input[name="mode"]').forEach(function (radio) {
    radio.addEventListener('change', update);
  });
  update();
})();
