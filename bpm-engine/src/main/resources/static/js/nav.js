/*
 * The navigation's menus are <details> elements, so they open without this script. It only closes
 * the other menus when one opens, and every menu on a click elsewhere or on Escape.
 */
(function () {
  'use strict';
  var menus = Array.prototype.slice.call(document.querySelectorAll('details.nav-menu'));
  function closeAll(except) {
    menus.forEach(function (menu) {
      if (menu !== except) {
        menu.open = false;
      }
    });
  }
  menus.forEach(function (menu) {
    menu.addEventListener('toggle', function () {
      if (menu.open) {
        closeAll(menu);
      }
    });
  });
  document.addEventListener('click', function (event) {
    if (!event.target.closest('details.nav-menu')) {
      closeAll(null);
    }
  });
  document.addEventListener('keydown', function (event) {
    if (event.key === 'Escape') {
      closeAll(null);
    }
  });
}());
