/*
 * Saved 字体 and 长者模式 on <html> before the first paint, so a page does
 * not draw at the normal size and then jump. A classic script in <head>
 * (a module would run after the paint); plain JavaScript, served as it is.
 * The keys and values are preferences.ts's, which does the rest.
 */
try {
  const root = document.documentElement;
  const size = localStorage.getItem('zwgk:font-size');
  if (size === 'large' || size === 'small') root.dataset.fontSize = size;
  if (localStorage.getItem('zwgk:elder-mode') === 'on') root.dataset.elder = 'on';
  // The scripts will run: controls they reveal keep their place meanwhile.
  root.dataset.scripts = 'on';
  // A search is coming (search-page.ts): its results get their room before they arrive.
  if (new URLSearchParams(location.search).get('q')) root.dataset.searchQuery = 'on';
} catch {
  // No storage: the normal look.
}
