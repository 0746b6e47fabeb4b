/**
 * One status line for long builds — phase, counts, elapsed time, time left —
 * redrawn in place on a terminal. Silent when output is not a terminal or the
 * build runs under CI, so logs stay clean.
 */
import { readdir } from 'node:fs/promises';

export interface Progress {
  /** Starts a phase; `total` enables the percentage and estimate. */
  phase(name: string, total?: number): void;
  /** Sets how much of the current phase is done. */
  update(done: number, detail?: string): void;
  /** Clears the line (before other output, and at the end). */
  clear(): void;
}

/**
 * Calls `onCount` every second with how many pages (HTML files) `dir` holds:
 * the progress of a tool that writes pages but does not report them. Stop it with `clearInterval`.
 */
export function countPagesWritten(dir: string, onCount: (pages: number) => void): NodeJS.Timeout {
  return setInterval(() => {
    readdir(dir, { recursive: true })
      .then((files) => onCount(files.filter((file) => file.endsWith('.html')).length))
      .catch(() => undefined); // Not created yet.
  }, 1000);
}

function seconds(ms: number): string {
  const s = Math.round(ms / 1000);
  return s < 60 ? `${s} 秒` : `${Math.floor(s / 60)} 分 ${s % 60} 秒`;
}

export function createProgress(stream: NodeJS.WriteStream = process.stderr, env: NodeJS.ProcessEnv = process.env): Progress {
  const enabled = Boolean(stream.isTTY) && !env['CI'];
  const started = Date.now();
  let name = '';
  let total: number | undefined;
  let done = 0;
  /** Rate is measured from the first update of a phase: work often starts after a set-up pause. */
  let rateFrom: { time: number; done: number } | undefined;
  let detail = '';
  let lastDraw = 0;

  const draw = (force = false) => {
    if (!enabled) return;
    const now = Date.now();
    if (!force && now - lastDraw < 100) return;
    lastDraw = now;
    const parts = [`[${name}]`];
    if (total !== undefined && total > 0) {
      const fraction = Math.min(1, done / total);
      parts.push(`${done.toLocaleString('en-US')} / ${total.toLocaleString('en-US')}`, `${Math.floor(fraction * 100)}%`);
      if (rateFrom && done > rateFrom.done && fraction < 1) {
        parts.push(`剩余约 ${seconds(((now - rateFrom.time) / (done - rateFrom.done)) * (total - done))}`);
      }
    } else if (done > 0) {
      parts.push(done.toLocaleString('en-US'));
    }
    if (detail) parts.push(detail);
    parts.push(`已用 ${seconds(now - started)}`);
    const line = parts.join('  ');
    const width = stream.columns || 120;
    stream.write(`\r\x1b[2K${[...line].slice(0, Math.max(20, Math.floor(width / 2) - 1)).join('')}`);
  };

  return {
    phase(next, nextTotal) {
      name = next;
      total = nextTotal;
      done = 0;
      detail = '';
      rateFrom = undefined;
      draw(true);
    },
    update(value, text) {
      rateFrom ??= { time: Date.now(), done: value };
      done = value;
      if (text !== undefined) detail = text;
      draw();
    },
    clear() {
      if (enabled) stream.write('\r\x1b[2K');
    },
  };
}
