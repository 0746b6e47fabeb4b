/** 字体 大/中/小, 打印 and 分享 on report pages. */
import { announcer } from './announce.ts';
import { closeLikePopover } from './disclosure.ts';
import { FONT_SIZES, fontSize, revealEnhanced, setFontSize, type FontSize } from './preferences.ts';

for (const controls of document.querySelectorAll<HTMLElement>('[data-reader-controls]')) {
  revealEnhanced(controls);

  const sizeButtons = [...controls.querySelectorAll<HTMLButtonElement>('[data-font-size]')];
  const syncSizes = () => {
    for (const button of sizeButtons) button.setAttribute('aria-pressed', String(button.dataset['fontSize'] === fontSize()));
  };
  syncSizes();
  for (const button of sizeButtons) {
    button.addEventListener('click', () => {
      const size = button.dataset['fontSize'];
      if ((FONT_SIZES as readonly string[]).includes(size ?? '')) setFontSize(size as FontSize);
      syncSizes();
    });
  }

  controls.querySelector('[data-print]')?.addEventListener('click', () => window.print());

  const share = controls.querySelector<HTMLDetailsElement>('details.share');
  if (share) closeLikePopover(share);

  const announce = announcer(controls.querySelector<HTMLElement>('[data-share-status]'));

  controls.querySelector('[data-copy-link]')?.addEventListener('click', async () => {
    try {
      await navigator.clipboard.writeText(window.location.href);
      announce('链接已复制，可以粘贴到微信、短信或邮件中。');
    } catch {
      announce(`无法自动复制，请手动复制本页网址：${window.location.href}`);
    }
  });

  const shareButton = controls.querySelector<HTMLButtonElement>('[data-web-share]');
  if (shareButton && typeof navigator.share === 'function') {
    shareButton.hidden = false;
    shareButton.addEventListener('click', () => {
      navigator.share({ title: document.title, url: window.location.href }).catch(() => {
        // The reader closed the share sheet.
      });
    });
  }
}
