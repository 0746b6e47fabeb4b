/**
 * Reader preferences, remembered in localStorage and applied as attributes
 * on <html> that the stylesheet reads. Storage may be unavailable (private
 * windows, locked-down office PCs): then preferences last for the page only.
 */

export const FONT_SIZES = ['large', 'medium', 'small'] as const;
export type FontSize = (typeof FONT_SIZES)[number];

const FONT_SIZE_KEY = 'zwgk:font-size';
const ELDER_MODE_KEY = 'zwgk:elder-mode';

function read(key: string): string | null {
  try {
    return localStorage.getItem(key);
  } catch {
    return null;
  }
}

function write(key: string, value: string | null): void {
  try {
    if (value === null) localStorage.removeItem(key);
    else localStorage.setItem(key, value);
  } catch {
    // Not remembered; still applied to this page.
  }
}

export function fontSize(): FontSize {
  const stored = read(FONT_SIZE_KEY);
  return (FONT_SIZES as readonly string[]).includes(stored ?? '') ? (stored as FontSize) : 'medium';
}

export function setFontSize(size: FontSize): void {
  write(FONT_SIZE_KEY, size === 'medium' ? null : size);
  applyPreferences();
}

export function elderMode(): boolean {
  return read(ELDER_MODE_KEY) === 'on';
}

export function setElderMode(on: boolean): void {
  write(ELDER_MODE_KEY, on ? 'on' : null);
  applyPreferences();
}

export function applyPreferences(root: HTMLElement = document.documentElement): void {
  const size = fontSize();
  if (size === 'medium') delete root.dataset['fontSize'];
  else root.dataset['fontSize'] = size;
  if (elderMode()) root.dataset['elder'] = 'on';
  else delete root.dataset['elder'];
}

/** Shows controls that only work with JavaScript. */
export function revealEnhanced(scope: ParentNode = document): void {
  for (const element of scope.querySelectorAll<HTMLElement>('[data-enhanced]')) element.hidden = false;
}

export const SPEECH_SPEEDS = ['slow', 'medium', 'fast'] as const;
export type SpeechSpeed = (typeof SPEECH_SPEEDS)[number];

const SPEECH_SPEED_KEY = 'zwgk:speech-speed';

/** 语音阅读's 语速 慢/中/快. */
export function speechSpeed(): SpeechSpeed {
  const stored = read(SPEECH_SPEED_KEY);
  return (SPEECH_SPEEDS as readonly string[]).includes(stored ?? '') ? (stored as SpeechSpeed) : 'medium';
}

export function setSpeechSpeed(speed: SpeechSpeed): void {
  write(SPEECH_SPEED_KEY, speed === 'medium' ? null : speed);
}
