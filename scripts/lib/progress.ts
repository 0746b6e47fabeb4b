/**
 * One status line for long builds — phase and elapsed time — redrawn in
 * place on a terminal every second. Silent when output is not a terminal or
 * the build runs under CI, so logs stay clean. (Astro reports no page count
 * the build could show without reading its log.)
 */

export interface Progress {
  phase(name: string): void;
  /** Clears the line and stops redrawing it (before other output, and at the end). */
  clear(): void;
}

function seconds(ms: number): string {
  const s = Math.round(ms / 1000);
  return s < 60 ? `${s} 秒` : `${Math.floor(s / 60)} 分 ${s % 60} 秒`;
}

export function createProgress(stream: NodeJS.WriteStream = process.stderr, env: NodeJS.ProcessEnv = process.env): Progress {
  const enabled = Boolean(stream.isTTY) && !env['CI'];
  const started = Date.now();
  let name = '';
  let timer: NodeJS.Timeout | undefined;
  const draw = () => {
    const line = `[${name}]  已用 ${seconds(Date.now() - started)}`;
    const width = stream.columns || 120;
    stream.write(`\r\x1b[2K${[...line].slice(0, Math.max(20, Math.floor(width / 2) - 1)).join('')}`);
  };
  return {
    phase(next) {
      name = next;
      if (!enabled) return;
      draw();
      clearInterval(timer);
      // Does not keep the process alive on its own.
      timer = setInterval(draw, 1000).unref();
    },
    clear() {
      clearInterval(timer);
      if (enabled) stream.write('\r\x1b[2K');
    },
  };
}
