/**
 * Hostile checks of the search index: the reader's answer for a phrase —
 * documents, counts, head flags — against a plain substring search over
 * each report's normalized fields, on both ways a phrase is decided
 * (positions, or the documents' own text), on fresh and patched indexes.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildSearchIndex, type IndexedReport } from '../../scripts/lib/search-index.ts';
import { readReportBody } from '../../src/lib/content/source.ts';
import { searchKey } from '../../src/lib/search/normalize.ts';
import { SearchIndexReader } from '../../src/lib/search/query.ts';
import { renderedText } from '../../src/markdown/cached.ts';
import { tempDir } from '../helpers/temp.ts';

/** A reader of the index in `dir` that records which documents and position blocks it reads. */
async function openCounting(dir: string) {
  const documents: number[] = [];
  const blocks: string[] = [];
  const reader = await SearchIndexReader.open({
    json: async (path) => JSON.parse(readFileSync(join(dir, path), 'utf8')),
    bytes: async (path) => {
      const document = /docs\/(\d+)\.bin$/.exec(path);
      if (document) documents.push(Number(document[1]));
      if (/grams\/\d+-\d+-\d+\.bin$/.test(path)) blocks.push(path);
      return new Uint8Array(readFileSync(join(dir, path)));
    },
  });
  return { reader, documents, blocks };
}

/** Per report, its stream's fields (fields, then the body as rendered) normalized. */
const normalizedFields = (reports: readonly IndexedReport[]) => reports.map((report) => [...report.fields, renderedText(report.digest, () => readReportBody(report.sourcePath))].map(searchKey));

/** What a plain substring search finds: per document, overlapping occurrences, and whether one is in the first three fields. */
function truth(fields: readonly string[][], key: string) {
  return fields.flatMap((texts, doc) => {
    let count = 0;
    let inHead = 0;
    texts.forEach((text, index) => {
      for (let at = text.indexOf(key); at >= 0; at = text.indexOf(key, at + 1)) {
        count++;
        if (index < 3) inHead = 1;
      }
    });
    return count > 0 ? [{ doc, count, inHead }] : [];
  });
}

async function answer(reader: SearchIndexReader, key: string) {
  const found = await reader.phrase(key);
  return [...found.docs].map((doc, i) => ({ doc, count: found.counts[i]!, inHead: found.inHead[i]! }));
}

describe('a document read to decide a phrase holds the text its stream was built from', async () => {
  // 入推进 is in every document many times (its positions span blocks); 推进安置帮 in a few: 入推进安置帮 is decided from documents.
  const dir = tempDir('search-stale');
  const filler = (doc: number) => Array.from({ length: 60 }, (_, i) => `深入推进第${(i * 7 + doc) % 10}项`).join('，');
  const reports = Array.from({ length: 600 }, (_, doc): IndexedReport => {
    const sourcePath = join(dir, `${doc}.md`);
    writeFileSync(sourcePath, `---\ntitle: x\n---\n${filler(doc)}${doc % 100 === 3 ? '，推进安置帮扶' : ''}\n`);
    return { id: `r/${doc}`, title: `文件${doc}`, agency: '', published: '2024-01-01', fields: [`文件${doc}`, `索引${doc}`, '', '', '', '', ''], digest: String(doc), sourcePath, filters: {} };
  });
  const cacheDir = join(dir, 'cache');

  it('after a new version of the renderer gives a report’s body another text (same source, same digest)', async () => {
    await buildSearchIndex({ reports, filterValues: {}, fingerprint: 'renderer-1', cacheDir });
    // The renderer changed (the index's fingerprint covers src/markdown): the same sources now render to other text.
    // Here the sources are rewritten under the same digests, which is what the index sees of such a change.
    for (const report of reports) {
      const doc = Number(report.id.slice(2));
      writeFileSync(report.sourcePath, `---\ntitle: x\n---\n${filler(doc)}${doc % 100 === 3 ? '，深入推进安置帮扶' : ''}\n`);
    }
    const built = await buildSearchIndex({ reports, filterValues: {}, fingerprint: 'renderer-2', cacheDir });
    expect(built.reused).toBe(false);
    const { reader, documents, blocks } = await openCounting(built.dir);
    const key = searchKey('入推进安置帮');
    const expected = truth(normalizedFields(reports), key);
    expect(expected.map(({ doc }) => doc)).toEqual([3, 103, 203, 303, 403, 503]);
    // Decided from the documents (the path this checks), not from positions.
    const found = await answer(reader, key);
    expect(blocks).toEqual([]);
    expect(documents.length).toBeGreaterThan(0);
    expect(found).toEqual(expected);
    expect((await reader.document(3)).text).toBe(renderedText('3', () => readReportBody(reports[3]!.sourcePath)));
  });
});
