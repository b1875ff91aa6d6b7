// The static layout's only script: the skip link, the navigation drawer's toggle on small screens, and the browser's time zone
// in a cookie so the server can render times in it. Loaded in <head>, so the cookie is there for the next request.
(() => {
  const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
  const cookie = 'dashboard-tz=' + encodeURIComponent(zone);
  if (zone && !document.cookie.split('; ').includes(cookie)) {
    document.cookie = cookie + '; max-age=31536000; path=/; samesite=lax';
  }

  document.addEventListener('click', event => {
    // The skip link moves focus, not only the scroll position (the router would only scroll to the fragment).
    const skip = event.target.closest('.skip-link');
    if (skip) {
      event.preventDefault();
      document.getElementById('main-content')?.focus();
      return;
    }
    const toggle = event.target.closest('[data-nav-toggle]');
    if (toggle) {
      const open = document.documentElement.classList.toggle('nav-open');
      toggle.setAttribute('aria-expanded', open ? 'true' : 'false');
      return;
    }
    // Following a link in the drawer closes it on small screens.
    if (event.target.closest('#dashboard-nav a')) {
      document.documentElement.classList.remove('nav-open');
      document.querySelectorAll('[data-nav-toggle]').forEach(t => t.setAttribute('aria-expanded', 'false'));
    }
  });
  document.addEventListener('keydown', event => {
    if (event.key === 'Escape' && document.documentElement.classList.contains('nav-open')) {
      document.documentElement.classList.remove('nav-open');
      const toggle = document.querySelector('[data-nav-toggle]');
      toggle?.setAttribute('aria-expanded', 'false');
      toggle?.focus();
    }
  });
})();
