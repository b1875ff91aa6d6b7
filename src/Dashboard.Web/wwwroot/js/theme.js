// Remembers the chosen theme for a year; the server reads the cookie when it renders the next page.
export function remember(name, value) {
  document.cookie = `${name}=${encodeURIComponent(value)}; max-age=31536000; path=/; samesite=lax`;
}
