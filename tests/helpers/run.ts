/** Runs the project's own commands the way an editor would, capturing output. */
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export const projectRoot = fileURLToPath(new URL('../../', import.meta.url));

export interface RunResult {
  code: number;
  stdout: string;
  stderr: string;
  /** stdout and stderr together. */
  output: string;
}

/** `node scripts/<script>.ts <args>` with the project's Node (the one running the tests). */
export function runScript(script: string, args: string[], env: NodeJS.ProcessEnv = {}, cwd = projectRoot): RunResult {
  const result = spawnSync(process.execPath, [`${projectRoot}scripts/${script}.ts`, ...args], {
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
