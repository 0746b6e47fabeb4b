/**
 * Astro's log destination during `npm run build`: counts the pages Astro
 * reports as generated (for the progress line) and passes warnings and
 * errors through. Astro may load this module more than once (its page
 * generation runs in its own module graph), so the counters live on a global
 * that every copy, and the build script, share.
 */

interface AstroLogMessage {
  label: string | null;
  level: 'debug' | 'info' | 'warn' | 'error' | 'silent';
  message: string;
}

interface LoggerState {
  generated: number;
  /** Called with the running count of generated pages. */
  pageListeners: Set<(generated: number) => void>;
  /** Called before a warning or error is printed, so a progress line can step aside. */
  printListeners: Set<() => void>;
}

const KEY = Symbol.for('zwgk.astro-logger');
const globals = globalThis as typeof globalThis & { [KEY]?: LoggerState };
const state: LoggerState = (globals[KEY] ??= { generated: 0, pageListeners: new Set(), printListeners: new Set() });

export const { pageListeners, printListeners } = state;

export function resetPageCount(): void {
  state.generated = 0;
}

/** Astro announces each page as `  ├─ /path/index.html` (coloured on a terminal), its timing in a second message. */
const GENERATED_PAGE = /^\s*[├└]─ \//;
const ANSI_COLOUR = /\x1b\[[0-9;]*m/g;

export default function createDestination() {
  return {
    write(message: AstroLogMessage) {
      if (message.level === 'info') {
        if (GENERATED_PAGE.test(message.message.replace(ANSI_COLOUR, ''))) {
          state.generated++;
          for (const listener of state.pageListeners) listener(state.generated);
        }
        return;
      }
      if (message.level === 'warn' || message.level === 'error') {
        for (const listener of state.printListeners) listener();
        console.error(`${message.label ? `[${message.label}] ` : ''}${message.message}`);
      }
    },
  };
}
