// Switches the Radzen theme stylesheet in place and remembers the choice for a year; the server reads the
// cookie when it renders the next page.
export function apply(cookieName, from, to) {
  const link = document.getElementById('radzen-theme-link');
  if (link) {
    link.setAttribute('href', link.getAttribute('href').replace(`/${from}-base.css`, `/${to}-base.css`));
  }
  document.cookie = `${cookieName}=${encodeURIComponent(to)}; max-age=31536000; path=/; samesite=lax`;
}
