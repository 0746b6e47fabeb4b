/**
 * 语音阅读: reads the title, the byline, the addressee, the body and the
 * signature aloud with the browser's own speechSynthesis, one unit at a time,
 * highlighting and scrolling to the unit being read.
 *
 * Pause cancels the utterance and resume says its chunk again from the
 * start: speechSynthesis.pause() is unreliable (ignored by some Android
 * engines, and Chrome drops a paused utterance after a while), and a chunk
 * is at most a sentence or two.
 */
import { chineseVoice, joinParts, speechChunks, speechUnits } from '../lib/read-aloud.ts';
import { announcer } from './announce.ts';
import { SPEECH_SPEEDS, setSpeechSpeed, speechSpeed, type SpeechSpeed } from './preferences.ts';

const RATES: Record<SpeechSpeed, number> = { slow: 0.75, medium: 1, fast: 1.3 };
const SPEED_NAMES: Record<SpeechSpeed, string> = { slow: '慢', medium: '中', fast: '快' };

interface Unit {
  target: HTMLElement;
  chunks: string[];
}

/** Loose text between blocks is wrapped in a span so it can be highlighted like a paragraph. */
function runTarget(run: Node[]): HTMLElement {
  const [only] = run;
  if (run.length === 1 && only instanceof HTMLElement && only.hasAttribute('data-read-aloud-run')) return only;
  const span = document.createElement('span');
  span.setAttribute('data-read-aloud-run', '');
  (run[0] as ChildNode).before(span);
  span.append(...run);
  return span;
}

function pageUnits(article: Element): Unit[] {
  const units: Unit[] = [];
  const add = (target: HTMLElement, text: string) => {
    const chunks = speechChunks(text);
    if (chunks.length > 0) units.push({ target, chunks });
  };
  for (const region of article.querySelectorAll<HTMLElement>(':scope > h1, :scope > .report-byline, :scope > .addressee, :scope > .report-body, :scope > .signature')) {
    if (region.matches('.report-byline')) {
      add(region, joinParts([...region.children].map((part) => part.textContent)));
      continue;
    }
    for (const unit of speechUnits<Node>(region)) add('element' in unit ? (unit.element as HTMLElement) : runTarget(unit.run), unit.text);
  }
  return units;
}

function wire(control: HTMLElement, article: Element, synth: SpeechSynthesis): void {
  const part = <T extends HTMLElement>(selector: string) => control.querySelector<T>(selector)!;
  const startButton = part<HTMLButtonElement>('[data-read-aloud-start]');
  const player = part('[data-read-aloud-player]');
  const progress = part('[data-read-aloud-progress]');
  const pauseButton = part<HTMLButtonElement>('[data-read-aloud-pause]');
  const stopButton = part<HTMLButtonElement>('[data-read-aloud-stop]');
  const speedButtons = [...control.querySelectorAll<HTMLButtonElement>('[data-speech-speed]')];
  const status = part('[data-read-aloud-status]');
  const announce = announcer(status);

  let state: 'idle' | 'reading' | 'paused' = 'idle';
  let units: Unit[] = [];
  let unitIndex = 0;
  let chunkIndex = 0;
  // Each utterance remembers the turn it was spoken in; events from a cancelled one are ignored.
  let turn = 0;
  // Held so Chrome does not garbage-collect the utterance before its end event.
  let current: SpeechSynthesisUtterance | undefined;

  const syncSpeeds = () => {
    for (const button of speedButtons) button.setAttribute('aria-pressed', String(button.dataset['speechSpeed'] === speechSpeed()));
  };

  const showProgress = () => {
    progress.textContent = `${state === 'paused' ? '已暂停' : '正在朗读'} ${unitIndex + 1}/${units.length}`;
  };

  const highlight = (unit: Unit | undefined) => {
    for (const element of article.querySelectorAll('[data-read-aloud-current]')) element.removeAttribute('data-read-aloud-current');
    if (!unit) return;
    unit.target.setAttribute('data-read-aloud-current', '');
    const box = unit.target.getBoundingClientRect();
    const visibleBottom = window.innerHeight - player.getBoundingClientRect().height;
    if (box.top < 0 || box.bottom > visibleBottom) {
      const smooth = !window.matchMedia('(prefers-reduced-motion: reduce)').matches;
      unit.target.scrollIntoView({ block: box.height > visibleBottom ? 'start' : 'center', behavior: smooth ? 'smooth' : 'auto' });
    }
  };

  const silence = () => {
    turn++;
    current = undefined;
    synth.cancel();
  };

  const speak = () => {
    const unit = units[unitIndex]!;
    const utterance = new SpeechSynthesisUtterance(unit.chunks[chunkIndex]);
    utterance.lang = 'zh-CN';
    const voice = chineseVoice(synth.getVoices());
    if (voice) utterance.voice = voice;
    utterance.rate = RATES[speechSpeed()];
    const myTurn = ++turn;
    utterance.onend = () => {
      if (myTurn === turn) next();
    };
    utterance.onerror = (event) => {
      if (myTurn === turn && event.error !== 'interrupted' && event.error !== 'canceled') fail();
    };
    current = utterance;
    highlight(unit);
    showProgress();
    synth.speak(utterance);
  };

  const next = () => {
    chunkIndex++;
    if (chunkIndex >= units[unitIndex]!.chunks.length) {
      unitIndex++;
      chunkIndex = 0;
    }
    if (unitIndex < units.length) speak();
    else end('全文朗读完毕');
  };

  const end = (message: string) => {
    silence();
    state = 'idle';
    highlight(undefined);
    const hadFocus = player.contains(document.activeElement);
    player.hidden = true;
    startButton.hidden = false;
    delete document.documentElement.dataset['readingAloud'];
    if (hadFocus) startButton.focus();
    announce(message);
  };

  const fail = () => {
    end('无法朗读：本浏览器的语音功能出错。请稍后再试，或换用其他浏览器。');
    status.classList.remove('visually-hidden');
  };

  const setPaused = (paused: boolean) => {
    state = paused ? 'paused' : 'reading';
    pauseButton.textContent = paused ? '继续' : '暂停';
    showProgress();
  };

  startButton.addEventListener('click', () => {
    synth.cancel();
    units = pageUnits(article);
    if (units.length === 0) return;
    unitIndex = 0;
    chunkIndex = 0;
    status.classList.add('visually-hidden');
    setPaused(false);
    startButton.hidden = true;
    player.hidden = false;
    document.documentElement.dataset['readingAloud'] = 'on';
    pauseButton.focus();
    announce('开始语音阅读');
    speak();
  });

  pauseButton.addEventListener('click', () => {
    if (state === 'reading') {
      silence();
      setPaused(true);
      announce('已暂停');
    } else if (state === 'paused') {
      setPaused(false);
      announce('继续朗读');
      speak();
    }
  });

  stopButton.addEventListener('click', () => end('已停止语音阅读'));
  player.addEventListener('keydown', (event) => {
    if (event.key === 'Escape' && state !== 'idle') end('已停止语音阅读');
  });

  for (const button of speedButtons) {
    button.addEventListener('click', () => {
      const speed = button.dataset['speechSpeed'];
      if (!(SPEECH_SPEEDS as readonly string[]).includes(speed ?? '')) return;
      setSpeechSpeed(speed as SpeechSpeed);
      syncSpeeds();
      announce(`语速：${SPEED_NAMES[speed as SpeechSpeed]}`);
      // The new rate applies from the sentence being read.
      if (state === 'reading') {
        silence();
        speak();
      }
    });
  }
  syncSpeeds();

  // The bottom of the page stays reachable above the player, however tall it wraps.
  new ResizeObserver(() => {
    document.documentElement.style.setProperty('--read-aloud-player-height', `${player.offsetHeight}px`);
  }).observe(player);

  // Some browsers keep speaking after the reader has left the page; one restored from the back/forward cache finds it stopped.
  window.addEventListener('pagehide', () => {
    if (state !== 'idle') end('已停止语音阅读');
  });

  control.hidden = false;
}

const control = document.querySelector<HTMLElement>('[data-read-aloud]');
const article = control?.closest('article');
const supported = typeof window.speechSynthesis?.speak === 'function' && typeof window.SpeechSynthesisUtterance === 'function';
if (control && article && supported) wire(control, article, window.speechSynthesis);
