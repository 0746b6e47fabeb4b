/**
 * The synthetic corpus (scripts/bench/corpus.ts): deterministic, valid
 * content that the loader accepts without a single error, with bodies of the
 * requested size and enough variety to exercise listings and search.
 */
import { tempDir } from '../helpers/temp.ts';
import { readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chineseNumber, generateCorpus, type CorpusSummary } from '../../scripts/bench/corpus.ts';
import { loadContent } from '../../src/lib/content/load.ts';
import { splitFrontMatter } from '../../src/lib/content/source.ts';
import { treeHash } from '../helpers/tree-hash.ts';

const root = tempDir('corpus');
const dirA = join(root, 'a');
const options = { reports: 60, seed: 7 };
let summary: CorpusSummary;

function reportFiles(dir: string): string[] {
  return (readdirSync(join(dir, 'reports'), { recursive: true }) as string[]).filter((f) => f.endsWith('.md')).sort();
}

beforeAll(async () => {
  summary = await generateCorpus({ dir: dirA, ...options });
});

afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('synthetic corpus', () => {
  it('is deterministic: the same seed gives identical bytes, another seed differs', async () => {
    const dirB = join(root, 'b');
    const dirC = join(root, 'c');
    await generateCorpus({ dir: dirB, ...options });
    await generateCorpus({ dir: dirC, ...options, seed: 8 });
    expect(treeHash(dirB)).toBe(treeHash(dirA));
    expect(treeHash(dirC)).not.toBe(treeHash(dirA));
  });

  it('regenerates in place over an earlier corpus, and refuses any other non-empty folder', async () => {
    const dirD = join(root, 'd');
    await generateCorpus({ dir: dirD, reports: 80, seed: 7 });
    await generateCorpus({ dir: dirD, ...options });
    expect(treeHash(dirD)).toBe(treeHash(dirA));

    const foreign = join(root, 'foreign');
    await generateCorpus({ dir: foreign, reports: 1 });
    writeFileSync(join(foreign, 'site.yaml'), 'name: 别人的网站\n');
    await expect(generateCorpus({ dir: foreign, reports: 1 })).rejects.toThrow(/不是空文件夹/);
  });

  it('passes the content check with zero errors', async () => {
    const { portal, problems } = await loadContent({ contentDir: dirA, projectRoot: dirA, today: '2026-01-01' });
    expect(problems.filter((p) => p.severity === 'error')).toEqual([]);
    expect(problems.filter((p) => p.severity === 'warning')).toEqual([]);
    expect(portal?.reports).toHaveLength(60);
    const indexNumbers = portal!.reports.map((r) => r.indexNumber);
    expect(new Set(indexNumbers).size).toBe(indexNumbers.length);
    for (const indexNumber of indexNumbers) expect(indexNumber).toMatch(/^339902-0\d\d\/\d{4}-\d{5}$/);

    const years = new Set(portal!.reports.map((r) => r.date.slice(0, 4)));
    const agencies = new Set(portal!.reports.map((r) => r.agencyId));
    const columns = new Set(portal!.reports.map((r) => r.columnId));
    expect(years.size).toBeGreaterThanOrEqual(3);
    expect(agencies.size).toBeGreaterThanOrEqual(10);
    expect(columns.size).toBeGreaterThanOrEqual(8);
    expect(summary).toMatchObject({ reports: 60, agencies: agencies.size, columns: columns.size, years: [...years].map(Number).sort() });
    expect(portal!.reports.every((r) => r.date <= '2025-12-31' && r.published.slice(0, 10) <= '2025-12-31')).toBe(true);
    expect(portal!.reports.some((r) => r.publishedHasTime)).toBe(true);
    expect(portal!.reports.some((r) => !r.publishedHasTime)).toBe(true);
  });

  it('writes bodies within [minBytes, maxBytes], structured like real reports', () => {
    const files = reportFiles(dirA);
    expect(files).toHaveLength(60);
    let total = 0;
    const bodies = files.map((file) => {
      const { body } = splitFrontMatter(readFileSync(join(dirA, 'reports', file), 'utf8'));
      const bytes = Buffer.byteLength(body, 'utf8');
      expect(bytes, file).toBeGreaterThanOrEqual(5_000);
      expect(bytes, file).toBeLessThanOrEqual(40_000);
      total += bytes;
      return body;
    });
    expect(total / files.length).toBeGreaterThan(14_000);
    expect(total / files.length).toBeLessThan(31_000);
    expect(bodies.filter((b) => /^## 一、/m.test(b)).length).toBeGreaterThan(40);
    expect(bodies.some((b) => /^### （一）/m.test(b))).toBe(true);
    expect(bodies.some((b) => /^\| --- \|/m.test(b))).toBe(true);
    expect(bodies.some((b) => /^- /m.test(b))).toBe(true);
    expect(bodies.some((b) => /^1\. /m.test(b))).toBe(true);
    const share = (pattern: RegExp) => bodies.filter((b) => pattern.test(b)).length / bodies.length;
    expect(share(/《[^》]+》/)).toBeGreaterThan(0.9);
    expect(share(/“[^”]+”/)).toBeGreaterThan(0.9);
    expect(share(/\d+(\.\d+)?%/)).toBeGreaterThan(0.7);
    expect(share(/\d{4}年\d{1,2}月/)).toBeGreaterThan(0.9);
  });

  it('honours custom size and year ranges', async () => {
    const dir = join(root, 'small');
    const result = await generateCorpus({ dir, reports: 40, seed: 3, minBytes: 2_000, maxBytes: 2_600, years: [2019, 2021] });
    expect(result.years.every((y) => y >= 2019 && y <= 2021)).toBe(true);
    for (const file of reportFiles(dir)) {
      const bytes = Buffer.byteLength(splitFrontMatter(readFileSync(join(dir, 'reports', file), 'utf8')).body, 'utf8');
      expect(bytes, file).toBeGreaterThanOrEqual(2_000);
      expect(bytes, file).toBeLessThanOrEqual(2_600);
    }
    const { problems } = await loadContent({ contentDir: dir, projectRoot: dir, today: '2026-01-01' });
    expect(problems.filter((p) => p.severity === 'error')).toEqual([]);
  });

  it('fills every slot, also for annual reports on the year before the range', async () => {
    const dir = join(root, 'early');
    await generateCorpus({ dir, reports: 40, seed: 5, minBytes: 3_000, maxBytes: 6_000, years: [2012, 2012] });
    for (const file of reportFiles(dir)) expect(readFileSync(join(dir, 'reports', file), 'utf8')).not.toMatch(/undefined|NaN|\{\w+\}/);
  });

  it('numbers articles in Chinese', () => {
    expect([1, 10, 12, 20, 21, 99, 100, 105, 110, 118, 230].map(chineseNumber)).toEqual([
      '一', '十', '十二', '二十', '二十一', '九十九', '一百', '一百零五', '一百一十', '一百一十八', '二百三十',
    ]);
  });
});
