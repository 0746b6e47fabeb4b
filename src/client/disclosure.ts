/**
 * A <details> that opens over the page (the share panel, the phone menu)
 * closes the way popovers do: Esc closes it and returns focus to its
 * summary; a click or focus elsewhere closes it.
 */
export function closeLikePopover(details: HTMLDetailsElement): void {
  const summary = details.querySelector('summary');
  details.addEventListener('keydown', (event) => {
    if (event.key !== 'Escape' || !details.open) return;
    details.open = false;
    summary?.focus();
    event.preventDefault();
  });
  const closeIfOutside = (event: Event) => {
    if (details.open && event.target instanceof Node && !details.contains(event.target)) details.open = false;
  };
  document.addEventListener('click', closeIfOutside);
  document.addEventListener('focusin', closeIfOutside);
}
