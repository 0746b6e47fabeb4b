/** Every page: apply remembered preferences and wire the 长者模式 toggle. */
import { applyPreferences, elderMode, revealEnhanced, setElderMode } from './preferences.ts';

applyPreferences();
revealEnhanced(document.querySelector('.site-header') ?? document);

for (const toggle of document.querySelectorAll<HTMLButtonElement>('[data-elder-toggle]')) {
  const sync = () => toggle.setAttribute('aria-pressed', String(elderMode()));
  sync();
  toggle.addEventListener('click', () => {
    setElderMode(!elderMode());
    sync();
  });
}
