/** Messages for screen readers through a polite live region (role="status"). */
export function announcer(status: HTMLElement | null): (message: string) => void {
  return (message) => {
    if (!status) return;
    // Clearing first makes screen readers announce a repeated message again.
    status.textContent = '';
    window.setTimeout(() => (status.textContent = message), 50);
  };
}
