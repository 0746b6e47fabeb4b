/** Runs the project's own commands the way an editor would, capturing output. */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const projectRoot = fileURLToPath(new URL('../../', import.meta.url));

export interface RunResult {
  code: number;
  stdout: string;
  stderr: string;
  /** stdout and stderr together. */
  output: string;
}

/** `node scripts/<script>.ts <args>` with the project's Node (the one running the tests); `root`: of a copy of the project. */
export function runScript(script: string, args: string[], env: NodeJS.ProcessEnv = {}, cwd = projectRoot, root = projectRoot): RunResult {
  const result = spawnSync(process.execPath, [join(root, 'scripts', `${script}.ts`), ...args], {
    cwd,
    env: { ...process.env, NO_COLOR: '1', ...env },
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  return {
    code: result.status ?? 1,
    stdout: result.stdout,
    stderr: result.stderr,
    output: `${result.stdout}\n${result.stderr}`,
  };
}

/** The environment as an editor's shell has it: without Vitest's test mode, which changes how Astro and Vite build and serve. */
export function withoutTestMode(env: NodeJS.ProcessEnv = process.env): NodeJS.ProcessEnv {
  return Object.fromEntries(Object.entries(env).filter(([name]) => name !== 'NODE_ENV' && !name.startsWith('VITEST')));
}
