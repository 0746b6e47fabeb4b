import { describe, expect, it } from 'vitest';
import { createProgress } from '../../scripts/lib/progress.ts';

function fakeStream(isTTY: boolean) {
  const writes: string[] = [];
  return { stream: { isTTY, columns: 200, write: (text: string) => writes.push(text) } as unknown as NodeJS.WriteStream, writes };
}

describe('build progress', () => {
  it('shows the phase and the time so far on a terminal, redrawn in place', () => {
    const { stream, writes } = fakeStream(true);
    const progress = createProgress(stream, {});
    progress.phase('生成页面');
    const last = writes.at(-1)!;
    expect(last).toContain('[生成页面]');
    expect(last).toContain('已用 0 秒');
    expect(last.startsWith('\r')).toBe(true);
    progress.clear();
  });

  it('is silent when the output is not a terminal, or under CI', () => {
    for (const [isTTY, env] of [
      [false, {}],
      [true, { CI: 'true' }],
    ] as const) {
      const { stream, writes } = fakeStream(isTTY);
      const progress = createProgress(stream, env);
      progress.phase('生成页面');
      progress.clear();
      expect(writes).toEqual([]);
    }
  });
});
