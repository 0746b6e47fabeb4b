/** Reading a command's flags, for every command an editor runs. */
import { fail } from './output.ts';

/** Runs `parseArgs`, turning its English complaint into a Chinese one followed by the usage. */
export function parseFlags<T>(parse: () => T, usage: string): T {
  try {
    return parse();
  } catch (error) {
    return fail(`命令参数有误（${(error as Error).message}）\n\n${usage}`);
  }
}
