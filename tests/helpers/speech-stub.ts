/**
 * A stand-in for the browser's speechSynthesis, installed before the page's
 * scripts run (page.addInitScript): it records every utterance handed over
 * (text, lang, rate, voice) and every cancel, and lets the test end the
 * utterance being spoken. Like Chrome, cancel() ends the current utterance
 * with an event: a page that does not ignore it would skip ahead.
 */
import type { BrowserContext, Page } from 'playwright-core';

export interface SpokenUtterance {
  text: string;
  lang: string;
  rate: number;
  voice: string | null;
}

export interface SpeechStubOptions {
  /** No speechSynthesis and no SpeechSynthesisUtterance at all, as in some in-app browsers. */
  absent?: boolean;
  /** Every utterance fails with this SpeechSynthesisErrorEvent error code. */
  failWith?: string;
}

interface StubState {
  spoken: SpokenUtterance[];
  cancels: number;
  finish(): void;
}

declare global {
  interface Window {
    speechStub: StubState;
  }
}

function install({ absent, failWith }: SpeechStubOptions) {
  if (absent) {
    Object.defineProperty(window, 'speechSynthesis', { value: undefined, configurable: true });
    Object.defineProperty(window, 'SpeechSynthesisUtterance', { value: undefined, configurable: true });
    return;
  }
  type Handler = ((event: { utterance: Utterance; error?: string }) => void) | null;
  class Utterance {
    text: string;
    lang = '';
    rate = 1;
    voice: { name: string } | null = null;
    onstart: Handler = null;
    onend: Handler = null;
    onerror: Handler = null;
    constructor(text: string) {
      this.text = text;
    }
  }
  let current: Utterance | null = null;
  const state: StubState = {
    spoken: [],
    cancels: 0,
    finish() {
      const utterance = current;
      current = null;
      utterance?.onend?.({ utterance });
    },
  };
  const voices = [
    { name: 'English', lang: 'en-US', localService: true, default: true, voiceURI: 'en' },
    { name: '普通话（测试）', lang: 'zh-CN', localService: true, default: false, voiceURI: 'zh' },
  ];
  const synth = {
    get speaking() {
      return current !== null;
    },
    paused: false,
    pending: false,
    onvoiceschanged: null,
    getVoices: () => voices,
    speak(utterance: Utterance) {
      state.spoken.push({ text: utterance.text, lang: utterance.lang, rate: utterance.rate, voice: utterance.voice?.name ?? null });
      current = utterance;
      setTimeout(() => {
        if (failWith) {
          current = null;
          utterance.onerror?.({ utterance, error: failWith });
        } else utterance.onstart?.({ utterance });
      });
    },
    cancel() {
      state.cancels++;
      const utterance = current;
      current = null;
      if (utterance) setTimeout(() => utterance.onend?.({ utterance }));
    },
    pause() {},
    resume() {},
    addEventListener() {},
    removeEventListener() {},
  };
  Object.defineProperty(window, 'speechSynthesis', { value: synth, configurable: true });
  Object.defineProperty(window, 'SpeechSynthesisUtterance', { value: Utterance, configurable: true });
  window.speechStub = state;
}

export async function stubSpeech(context: BrowserContext, options: SpeechStubOptions = {}): Promise<void> {
  await context.addInitScript(install, options);
}

export function spoken(page: Page): Promise<SpokenUtterance[]> {
  return page.evaluate(() => window.speechStub.spoken);
}

/** Ends the utterance being spoken, as the engine does when it has said it. */
export function finishUtterance(page: Page): Promise<void> {
  return page.evaluate(() => window.speechStub.finish());
}
