/** Every page: apply remembered preferences, wire the 长者模式 toggle and the phone menu. */
import { closeLikePopover } from './disclosure.ts';
import { applyPreferences, elderMode, revealEnhanced, setElderMode } from './preferences.ts';

applyPreferences();
revealEnhanced(document.querySelector('.site-header') ?? document);

for (const toggle of document.querySelectorAll<HTMLButtonElement>('[data-elder-toggle]')) {
  // The name says what pressing does next; aria-pressed says the state.
  const sync = () => {
    const on = elderMode();
    toggle.setAttribute('aria-pressed', String(on));
    toggle.textContent = on ? '退出长者模式' : '长者模式';
  };
  sync();
  toggle.addEventListener('click', () => {
    setElderMode(!elderMode());
    sync();
  });
}

for (const menu of document.querySelectorAll<HTMLDetailsElement>('details.site-menu')) closeLikePopover(menu);
