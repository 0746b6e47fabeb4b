/**
 * Hostile checks of the search index: the reader's answer for a phrase —
 * documents, counts, head flags — against a plain substring search over
 * each report's normalized fields, on both ways a phrase is decided
 * (positions, or the documents' own text), on fresh and patched indexes.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildSearchIndex, type IndexedReport } from '../../scripts/lib/search-index.ts';
import { readReportBody } from '../../src/lib/content/source.ts';
import { decodeGramDictionary, gramPath } from '../../src/lib/search/format.ts';
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

/** A generator of pseudo-random numbers in [0, 1), the same every run. */
const random = (seed: number) => {
  let state = seed;
  return () => (state = (Math.imul(state, 1103515245) + 12345) >>> 0) / 2 ** 32;
};

/**
 * Text that the normalization has to work at: combining accents (decomposed
 * and precomposed), NFKC expansions, full and half width, invisible
 * characters, characters outside the BMP, runs of one letter (a phrase
 * overlapping itself), punctuation only.
 */
const HOSTILE = ['e\u0301', 'é', 'a\u0301\u0302', '\u0301', '㍻', 'ﬁ', 'fi', 'Ａ', 'ａｂ', 'ｶﾞ', 'ガ', '\u200b', '\u00ad', '\ufeff', '𠀀', '𠀁𠀂', '😀', 'aaaa', 'aaaaaa', 'aaa', '安置帮扶', '入推进安置帮', '推进', '、', '。', '〔2022〕', '12345', 'Ⅻ', 'x\u0338', 'ǅ', 'İ', 'ß', 'ẞ', '\u3099', 'ｶ', '\ud800', '\udc00', '\ud800\u0301', 'e\ud800\u0301'];

interface Corpus {
  reports: IndexedReport[];
  fields: string[][];
}

function corpus(dir: string, name: string, count: number, bodyOf: (doc: number, next: () => number) => string, fieldsOf: (doc: number, next: () => number) => string[], seed: number): Corpus {
  const next = random(seed);
  const reports = Array.from({ length: count }, (_, doc): IndexedReport => {
    const fields = fieldsOf(doc, next);
    const sourcePath = join(dir, `${name}-${doc}.md`);
    writeFileSync(sourcePath, `---\ntitle: x\n---\n${bodyOf(doc, next)}\n`);
    return { id: `r/${doc}`, title: fields[0]!, agency: fields[3] ?? '', published: '2024-01-01', fields, digest: `${name}-${doc}`, sourcePath, filters: {} };
  });
  return { reports, fields: normalizedFields(reports) };
}

/** Phrases of 1 to 12 characters from the normalized fields, each also with a character changed, and across two fields. */
function phrasesOf(fields: readonly string[][], next: () => number, count: number): Set<string> {
  const found = new Set<string>();
  while (found.size < count) {
    const texts = fields[Math.floor(next() * fields.length)]!;
    const index = Math.floor(next() * texts.length);
    const chars = [...texts[index]!];
    if (chars.length === 0) continue;
    const length = 1 + Math.floor(next() * 12);
    const start = Math.floor(next() * Math.max(1, chars.length - length + 1));
    const phrase = chars.slice(start, start + length);
    found.add(phrase.join(''));
    const changed = [...phrase];
    changed[Math.floor(next() * changed.length)] = [...searchKey(HOSTILE[Math.floor(next() * HOSTILE.length)]!)][0] ?? 'a';
    found.add(changed.join(''));
    // The end of one field and the start of the next.
    if (index + 1 < texts.length) found.add([...chars.slice(-2), ...[...texts[index + 1]!].slice(0, 2)].join(''));
  }
  return found;
}

/** Checks every phrase against the truth; returns how many were decided from documents and how many from positions . */
async function checkAll(dir: string, fields: readonly string[][], phrases: Iterable<string>) {
  let fromDocuments = 0;
  let fromPositions = 0;
  const wrong: { phrase: string; expected: unknown; actual: unknown }[] = [];
  for (const phrase of phrases) {
    // A reader of its own: what an earlier phrase read would change how this one is decided.
    const { reader, documents, blocks } = await openCounting(dir);
    const actual = await answer(reader, phrase);
    const expected = truth(fields, phrase);
    if (documents.length > 0) fromDocuments++;
    if (blocks.length > 0) fromPositions++;
    if (JSON.stringify(actual) !== JSON.stringify(expected)) wrong.push({ phrase, expected, actual });
  }
  return { fromDocuments, fromPositions, wrong: wrong.slice(0, 5), wrongCount: wrong.length };
}

/** `count` of `items`, picked the same way every run. */
const sample = <T,>(items: Iterable<T>, count: number, next = random(3)) => {
  const all = [...items];
  return Array.from({ length: Math.min(count, all.length) }, () => all.splice(Math.floor(next() * all.length), 1)[0]!);
};

const pick = <T,>(next: () => number, items: readonly T[]) => items[Math.floor(next() * items.length)]!;

describe('hostile text, decided from documents and from positions, fresh and patched', async () => {
  const dir = tempDir('search-hostile');
  // 入推进 and aaa are in every document many times: their positions span several blocks.
  const bodyOf = (doc: number, next: () => number) =>
    Array.from({ length: 50 }, (_, i) => `深入推进第${(i * 7 + doc) % 10}项${next() < 0.3 ? pick(next, HOSTILE) : ''}${next() < 0.1 ? `入推进${pick(next, HOSTILE)}${pick(next, HOSTILE)}` : ''}${next() < 0.2 ? 'aaaaaa' : ''}`).join('，');
  const fieldsOf = (doc: number, next: () => number) => [
    // A few titles longer than the stream's room before the body (1,024 characters).
    `文件${doc}${next() < 0.3 ? pick(next, HOSTILE) : ''}${next() < 0.1 ? '入推进安置帮' : ''}${doc % 97 === 5 ? `aaa入推进${pick(next, HOSTILE)}`.repeat(300) : ''}`,
    next() < 0.2 ? 'aaaaaa' : `aaa${doc}`,
    pick(next, ['', '〔〕', '、。', '\u200b', '荷泉报〔2022〕3号', `${pick(next, HOSTILE)}入推进`]),
    '区信访局',
    pick(next, ['', '信访', 'aaa']),
    Array.from({ length: Math.floor(next() * 4) }, () => pick(next, HOSTILE)).join(''),
    pick(next, ['', '入推进', '推进安置帮']),
  ];
  const { reports, fields } = corpus(dir, 'hostile', 400, bodyOf, fieldsOf, 5);
  const cacheDir = join(dir, 'cache');
  const built = await buildSearchIndex({ reports, filterValues: {}, fingerprint: 'hostile', cacheDir });
  const fixed = [
    ...HOSTILE.flatMap((token) => [`入推进${token}`, `深入推进${token}`, `${token}入推进`, `推进${token}`, `aaa${token}`, `${token}aaa`]),
    'aaaa', 'aaaaa', 'aaaaaa', 'aaaaaaa', 'aaaaaaaaaaaa', '入推进安置帮', '推进安置帮', '入推进安置帮扶', '平成', 'fi', 'ab', 'ガ',
  ].map(searchKey).filter((key) => key.length > 0);

  it('finds every phrase exactly: documents, counts, in the head', async () => {
    const result = await checkAll(built.dir, fields, new Set([...fixed, ...phrasesOf(fields, random(9), 300)]));
    expect(result.wrong).toEqual([]);
    expect(result.fromDocuments).toBeGreaterThan(10);
    expect(result.fromPositions).toBeGreaterThan(10);
  }, 300_000);

  it('patched after hostile edits, finds every phrase exactly', async () => {
    const next = random(13);
    const edited = reports.map((report) => ({ ...report }));
    const editedFields = fields.map((texts) => [...texts]);
    for (const doc of [0, 1, 2, 50, 99, 100, 150, 203, 250, 399]) {
      const sourcePath = join(dir, `hostile-${doc}-edited.md`);
      const body = `${pick(next, HOSTILE)}入推进${bodyOf(doc, next)}入推进${pick(next, HOSTILE)}aaaaaaaaa`;
      writeFileSync(sourcePath, `---\ntitle: x\n---\n${body}\n`);
      const newFields = fieldsOf(doc, next);
      newFields[0] = `入推进${pick(next, HOSTILE)}`;
      edited[doc] = { ...edited[doc]!, title: newFields[0], fields: newFields, digest: `hostile-${doc}-edited`, sourcePath };
      editedFields[doc] = normalizedFields([edited[doc]!])[0]!;
    }
    const patched = await buildSearchIndex({ reports: edited, filterValues: {}, fingerprint: 'hostile', cacheDir });
    expect(patched.patched).toBe(true);
    const result = await checkAll(patched.dir, editedFields, new Set([...fixed, ...phrasesOf(editedFields, random(17), 300)]));
    expect(result.wrong).toEqual([]);
    expect(result.fromDocuments).toBeGreaterThan(10);
  }, 300_000);
});

describe('template sentences of hostile text, answered from fixed contexts, fresh and patched', async () => {
  const dir = tempDir('search-hostile-templates');
  const SENTENCES = ['按照ﬁ㍻𠀀规定e\u0301执行。', 'aaaaaaaa推进工作。', '深入推进{}改革，', '重点抓好ｶﾞ以下工作：', '𠀁𠀂𠀃𠀁𠀂𠀃𠀁𠀂。'];
  const WORDS = ['放管服', 'aaa', 'ｶﾞ', '𠀀'];
  const bodyOf = (_doc: number, next: () => number) => Array.from({ length: 40 }, () => pick(next, SENTENCES).replace('{}', pick(next, WORDS))).join('');
  const fieldsOf = (doc: number) => [`报告${doc}`, '', '', '', '', '', ''];
  const { reports, fields } = corpus(dir, 'templates', 600, bodyOf, fieldsOf, 21);
  const cacheDir = join(dir, 'cache');
  const built = await buildSearchIndex({ reports, filterValues: {}, fingerprint: 'hostile-templates', cacheDir });
  /** Phrases of 3 to 14 characters from the first sentences of a few reports, each also with a character changed. */
  const templatePhrases = (texts: readonly string[][]) => {
    const found = new Set<string>();
    for (const report of texts.slice(0, 4)) {
      const chars = [...report.at(-1)!];
      for (const start of [...Array(50).keys(), ...Array.from({ length: 50 }, (_, i) => chars.length - 50 + i)]) {
        if (start < 0) continue;
        for (let length = 3; length <= 14; length++) {
          const phrase = chars.slice(start, start + length);
          found.add(phrase.join(''));
          phrase[length >> 1] = 'a';
          found.add(phrase.join(''));
        }
      }
    }
    return found;
  };

  it('finds every phrase exactly', async () => {
    const result = await checkAll(built.dir, fields, sample(templatePhrases(fields), 400));
    expect(result.wrong).toEqual([]);
  }, 300_000);

  it('patched after edits that cut contexts short at hostile characters, finds every phrase exactly', async () => {
    const edited = reports.map((report) => ({ ...report }));
    const editedFields = fields.map((texts) => [...texts]);
    const edits: Record<number, string> = {
      3: `${readReportBody(reports[3]!.sourcePath)}按照fi平成𠀀规定é执行。aaaaaaa推进工作。𠀁𠀂𠀃𠀁𠀂𠀄`,
      8: '按照ﬁ㍻𠀀规定e\u0302执行。',
      9: 'aaaaaaaaa推进工作：深入推进ｶ改革',
      10: '',
    };
    for (const [doc, body] of Object.entries(edits)) {
      const sourcePath = join(dir, `templates-${doc}-edited.md`);
      writeFileSync(sourcePath, `---\ntitle: x\n---\n${body}\n`);
      edited[Number(doc)] = { ...edited[Number(doc)]!, digest: `templates-${doc}-edited`, sourcePath };
      editedFields[Number(doc)] = normalizedFields([edited[Number(doc)]!])[0]!;
    }
    const patched = await buildSearchIndex({ reports: edited, filterValues: {}, fingerprint: 'hostile-templates', cacheDir });
    expect(patched.patched).toBe(true);
    const phrases = new Set([...templatePhrases(editedFields), ...templatePhrases([editedFields[3]!, editedFields[8]!, editedFields[9]!])]);
    const result = await checkAll(patched.dir, editedFields, sample(phrases, 600));
    expect(result.wrong).toEqual([]);
  }, 300_000);
});

describe('what deciding a phrase from documents costs', async () => {
  // As in the first test: 入推进 is in every document many times, 推进安置帮 in a few. Those few also hold
  // 30,000 characters the search drops (symbols: no letter, digit or mark), random, so they compress badly.
  const dir = tempDir('search-dropped');
  const next = random(5);
  const dropped = () => Array.from({ length: 30_000 }, () => String.fromCodePoint(0x1f300 + Math.floor(next() * 700))).join('');
  const reports = Array.from({ length: 600 }, (_, doc): IndexedReport => {
    const filler = Array.from({ length: 60 }, (_, i) => `深入推进第${(i * 7 + doc) % 10}项`).join('，');
    const sourcePath = join(dir, `${doc}.md`);
    writeFileSync(sourcePath, `---\ntitle: x\n---\n${filler}${doc % 20 === 3 ? `，推进安置帮扶${dropped()}` : ''}\n`);
    return { id: `r/${doc}`, title: `文件${doc}`, agency: '', published: '2024-01-01', fields: [`文件${doc}`, '', '', '', '', '', ''], digest: String(doc), sourcePath, filters: {} };
  });
  const built = await buildSearchIndex({ reports, filterValues: {}, fingerprint: 'dropped', cacheDir: join(dir, 'cache') });

  it('is never more than reading every position of the phrase’s grams: a document’s size is not its stream’s length', async () => {
    const key = searchKey('入推进安置帮');
    const manifest = JSON.parse(readFileSync(join(built.dir, 'manifest.json'), 'utf8')) as { base: string; buckets: number };
    const grams = Array.from({ length: [...key].length - 2 }, (_, o) => [...key].slice(o, o + 3).join(''));
    const stored = (path: string) => readFileSync(join(built.dir, manifest.base, path));
    // What the positions would cost however many candidates are left: every gram's list and positions (uncompressed), with the dictionaries, heads and lengths.
    const positionsAtMost =
      grams.reduce((sum, gram) => {
        const entry = decodeGramDictionary(gunzipSync(stored(gramPath(gram, manifest.buckets)))).get(gram)!;
        return sum + stored(gramPath(gram, manifest.buckets)).length + entry.listBytes + entry.positionBytes;
      }, 0) +
      stored('heads.bin').length +
      stored('lengths.bin').length;
    const { reader } = await openCounting(built.dir);
    const found = await reader.phrase(key);
    expect([...found.docs]).toEqual([]);
    expect(reader.bytesRead).toBeLessThanOrEqual(positionsAtMost);
  }, 300_000);
});
