/**
 * Every id the layout and the report page give their own elements. A body
 * heading must not take one (`## main` would make a second `id="main"`, and
 * the skip link and every `aria-labelledby` would point at the wrong place),
 * so heading ids are de-duplicated against this list. A unit test keeps it
 * complete: it finds every literal `id="…"` in src/.
 */
export const LAYOUT_IDS: readonly string[] = [
  'main',
  'site-search',
  'font-size-label',
  'meta-heading',
  'toc-heading',
  'attachments-heading',
  'related-heading',
  'read-aloud-player',
  'read-aloud-speed-label',
  'newest-heading',
  'columns-heading',
  'years-heading',
  'agencies-heading',
  'search-query',
  'search-help',
  'search-sort',
  'search-results-heading',
  'sm-columns',
  'sm-years',
  'sm-agencies',
  'sm-catalogue',
  'sm-more',
];
