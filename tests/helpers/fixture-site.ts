/**
 * A temporary copy of a fixture content folder that a test may extend or
 * break without touching the committed fixture.
 */
import { tempDir } from './temp.ts';
import { cpSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { projectRoot } from './run.ts';

export function copyFixture(name: string): string {
  const dir = tempDir(name);
  cpSync(join(projectRoot, 'tests', 'fixtures', name), join(dir, 'content'), { recursive: true });
  return join(dir, 'content');
}

export function writeContentFile(contentDir: string, path: string, text: string | Uint8Array): void {
  const file = join(contentDir, path);
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, text);
}

export interface ReportFields {
  title: string;
  indexNumber: string;
  agency: string;
  column: string;
  date: string;
  [key: string]: string;
}

/** A minimal report file; `extra` is appended to the front matter verbatim. */
export function reportSource(fields: ReportFields, body = '正文。', extra = ''): string {
  const lines = Object.entries(fields).map(([key, value]) => `${key}: ${value.includes(':') ? JSON.stringify(value) : value}`);
  return `---\n${lines.join('\n')}\n${extra}---\n\n${body}\n`;
}
