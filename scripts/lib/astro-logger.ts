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
  /** Output files Astro rendered in this build (not restored from its incremental cache). */
  rendered: Set<string>;
  /** The page announced last, until the next message shows whether it was restored. */
  announced: string | undefined;
  /** Called with the running count of generated pages. */
  pageListeners: Set<(generated: number) => void>;
  /** Called before a warning or error is printed, so a progress line can step aside. */
  printListeners: Set<() => void>;
}

const KEY = Symbol.for('zwgk.astro-logger');
const globals = globalThis as typeof globalThis & { [KEY]?: LoggerState };
const state: LoggerState = (globals[KEY] ??= {
  generated: 0,
  rendered: new Set(),
  announced: undefined,
  pageListeners: new Set(),
  printListeners: new Set(),
});

export const { pageListeners, printListeners } = state;

export function resetPageCount(): void {
  state.generated = 0;
  state.rendered.clear();
}

/** Pages (paths relative to the output folder) that Astro rendered rather than restored. */
export function renderedPages(): ReadonlySet<string> {
  settleAnnounced(false);
  return state.rendered;
}

/**
 * Astro announces each page as `  ├─ /path/index.html` (coloured on a
 * terminal). A page its incremental build reuses is followed at once by
 * ` (restored)` or ` (cached)`; a rendered page's timing ` (+3ms)` may come
 * after other pages' messages, as pages render concurrently. So a page not
 * followed at once by a reuse marker was rendered.
 */
function settleAnnounced(reused: boolean): void {
  if (state.announced !== undefined && !reused) state.rendered.add(state.announced);
  state.announced = undefined;
}

const GENERATED_PAGE = /^\s*[├└]─ (\/.*\S)\s*$/;
const REUSED = /\((?:restored|cached)\)/;
const ANSI_COLOUR = /\x1b\[[0-9;]*m/g;

export default function createDestination() {
  return {
    write(message: AstroLogMessage) {
      if (message.level === 'info') {
        const text = message.message.replace(ANSI_COLOUR, '');
        const page = GENERATED_PAGE.exec(text)?.[1];
        if (page) {
          settleAnnounced(false);
          state.announced = page.slice(1);
          state.generated++;
          for (const listener of state.pageListeners) listener(state.generated);
        } else {
          settleAnnounced(REUSED.test(text));
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
