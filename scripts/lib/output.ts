/** Terminal output for editors: problems in Chinese, colour only on a terminal. */
import { formatProblem, formatSummary, type Problem } from '../../src/lib/content/problems.ts';

const useColour = process.stderr.isTTY && !process.env['NO_COLOR'];
const paint = (code: number, text: string) => (useColour ? `\x1b[${code}m${text}\x1b[0m` : text);
export const red = (text: string) => paint(31, text);
export const yellow = (text: string) => paint(33, text);
export const green = (text: string) => paint(32, text);
export const dim = (text: string) => paint(2, text);

export function printProblems(problems: readonly Problem[]): void {
  for (const problem of problems) {
    const text = formatProblem(problem);
    console.error(problem.severity === 'error' ? red(text) : yellow(text));
  }
  const summary = formatSummary(problems);
  console.error(problems.some((p) => p.severity === 'error') ? red(summary) : problems.length ? yellow(summary) : green(summary));
}

/** Ends the process with a message and no stack trace: editors cannot act on one. */
export function fail(message: string): never {
  console.error(red(message));
  process.exit(1);
}
