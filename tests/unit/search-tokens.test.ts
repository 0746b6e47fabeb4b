import { describe, expect, it } from 'vitest';
import { containsKeywords, excerptOf } from '../../src/lib/search/excerpt.ts';
import { documentTerms, keywordTerms, matchKey, queryKeywords, runsOf } from '../../src/lib/search/tokens.ts';

const exactCounts = (terms: ReturnType<typeof documentTerms>) => terms.exact;

describe('runs', () => {
  it('separate Han characters, letters and digits (normalised), and punctuation (as written)', () => {
    expect(runsOf('《信访条例》第１２条ABC，')).toEqual([
      { kind: 'other', text: '《' },
      { kind: 'han', text: '信访条例' },
      { kind: 'other', text: '》' },
      { kind: 'han', text: '第' },
      { kind: 'word', text: '12' },
      { kind: 'han', text: '条' },
      { kind: 'word', text: 'abc' },
      { kind: 'other', text: '，' },
    ]);
  });

  it('end at whitespace', () => {
    expect(runsOf('信访 条例').map((run) => run.text)).toEqual(['信访', '条例']);
  });
});

describe('document terms', () => {
  it('hold Han characters and pairs, letters and digits and their suffixes, with counts and title weight', () => {
    const terms = documentTerms('信访', '信访条例，拨打12345');
    const exact = exactCounts(terms);
    expect(exact.get('信访')).toBe(5 + 1);
    expect(exact.get('信')).toBe(5 + 1);
    expect(exact.get('访条')).toBe(1);
    expect(exact.get('例')).toBe(1);
    expect(exact.get('5')).toBe(1);
    expect(exact.has('打1')).toBe(false);
    expect([...terms.prefix.keys()]).toEqual(['12345', '2345', '345', '45']);
    expect(terms.length).toBe(2 + 4 + 2 + 5);
  });

  it('hold triples of Han characters, never across punctuation, spaces, letters or digits', () => {
    const terms = documentTerms('', '信访条例，拨打热线 条例a三个字');
    expect([...terms.triples.keys()]).toEqual(['信访条', '访条例', '拨打热', '打热线', '三个字']);
  });

  it('treat characters outside the common block and full-width letters like the rest', () => {
    const exact = exactCounts(documentTerms('', '𠀀字 ＡＢ々〇'));
    expect(exact.get('𠀀字')).toBe(1);
    expect(exact.get('a')).toBe(1);
    expect(exact.get('々〇')).toBe(1);
    expect([...documentTerms('', 'ＡＢ').prefix.keys()]).toEqual(['ab']);
  });
});

describe('keyword terms', () => {
  it('are the triples of a Han run (a run of two its pair, a lone character itself), and runs of letters or digits as prefixes', () => {
    expect(keywordTerms('信访条例')).toEqual({ keyword: '信访条例', exact: [], prefix: [], triples: ['信访条', '访条例'] });
    expect(keywordTerms('信访')).toEqual({ keyword: '信访', exact: ['信访'], prefix: [], triples: [] });
    expect(keywordTerms('衢')).toEqual({ keyword: '衢', exact: ['衢'], prefix: [], triples: [] });
    expect(keywordTerms('第12条')).toEqual({ keyword: '第12条', exact: ['第', '条'], prefix: ['12'], triples: [] });
    expect(keywordTerms('双随机、一公开').triples).toEqual(['双随机', '一公开']);
  });

  it('split a query at spaces and drop keywords with no terms', () => {
    expect(queryKeywords(' 信访条例  12345 ，。 ').map((k) => k.keyword)).toEqual(['信访条例', '12345']);
  });

  it('are found among the terms of every text that contains the keyword', () => {
    const text = '严格执行《中华人民共和国信访条例》，12345热线全年受理来电3万余件，其中双随机、一公开检查186次。';
    const indexed = documentTerms('', text);
    const exact = exactCounts(indexed);
    const has = (terms: ReturnType<typeof keywordTerms>) =>
      terms.exact.every((term) => exact.has(term)) &&
      terms.triples.every((term) => indexed.triples.has(term)) &&
      terms.prefix.every((term) => [...indexed.prefix.keys()].some((t) => t.startsWith(term)));
    const chars = [...text];
    for (let start = 0; start < chars.length; start++) {
      for (let end = start + 1; end <= Math.min(chars.length, start + 12); end++) {
        const keyword = chars.slice(start, end).join('');
        expect(has(keywordTerms(keyword)), keyword).toBe(true);
      }
    }
  });
});

describe('exact matches and excerpts', () => {
  it('tell a document containing the query from one containing only its terms', () => {
    expect(containsKeywords('学习信访工作条例和《信访条例》。', queryKeywords('信访条例'))).toBe(true);
    expect(containsKeywords('学习信访工作条例。', queryKeywords('信访条例'))).toBe(false);
    expect(containsKeywords('推行“双随机，一公开”监管', queryKeywords('双随机、一公开'))).toBe(true);
    expect(containsKeywords('信访条例和安全生产', queryKeywords('信访 安全'))).toBe(true);
    expect(containsKeywords('信访条例和安全生产', queryKeywords('信访 火星'))).toBe(false);
    expect(matchKey('双随机、一公开 Ａ')).toBe('双随机一公开a');
  });

  it('cut an excerpt around the first match and highlight every match in it', () => {
    const text = `${'前文'.repeat(40)}依照《信访条例》规范信访事项，信访积案得到化解。${'后文'.repeat(40)}`;
    const excerpt = excerptOf(text, queryKeywords('信访'), 40);
    expect(excerpt.cutStart).toBe(true);
    expect(excerpt.cutEnd).toBe(true);
    expect(excerpt.text).toContain('依照《信访条例》规范信访事项');
    expect(excerpt.marks.map(([s, e]) => excerpt.text.slice(s, e))).toEqual(['信访', '信访', '信访']);
  });

  it('highlight a number inside a longer number, across full-width digits', () => {
    const excerpt = excerptOf('拨打１２３４５热线', queryKeywords('2345'));
    expect(excerpt.marks.map(([s, e]) => excerpt.text.slice(s, e))).toEqual(['２３４５']);
  });

  it('fall back to highlighting the terms when the whole query is not there', () => {
    const excerpt = excerptOf('认真贯彻落实，贯彻政策跟踪审计', queryKeywords('认真贯彻政策'));
    expect(excerpt.marks.map(([s, e]) => excerpt.text.slice(s, e))).toEqual(['认真贯彻', '贯彻政策']);
  });
});
