import { describe, expect, it } from 'vitest';
import { containsQuery, readableExcerpt } from '../../src/lib/search/excerpt.ts';
import { indexStream, keywordPattern, keywordTerms, matchKey, positionsMatch, queryKeywords, runsOf, RUN_END, streamText } from '../../src/lib/search/tokens.ts';

const E = RUN_END;

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

describe('the index stream', () => {
  it('holds Han pairs and the closed last character, suffixes of numbers, and punctuation', () => {
    expect(indexStream('信访条例')).toBe(`信访 访条 条例 例${E}`);
    expect(indexStream('拨打12345，')).toBe(`拨打 打${E} 12345${E} 2345${E} 345${E} 45${E} 5${E} ，`);
  });

  it('never holds a shortened key that a longer query term could fall back to', () => {
    const tokens = indexStream('区2021年 12 热线').split(' ');
    for (const token of tokens.filter((t) => /[\p{L}\p{N}]/u.test(t))) {
      expect(token.endsWith(E) || [...token].length === 2, token).toBe(true);
    }
  });

  it('reads back as the text without whitespace, from any window', () => {
    const text = '一、加强《信访条例》宣传：拨打 12345 热线，ＧＢ/Ｔ 37668-2019 标准；区 区块链、abcdefghijklmnopqrstuvwxyz 共计3.5万元。';
    const readable = '一、加强《信访条例》宣传：拨打12345热线，gb/t37668-2019标准；区区块链、abcdefghijklmnopqrstuvwxyz共计3.5万元。';
    const tokens = indexStream(text).split(' ');
    expect(streamText(tokens)).toBe(readable);
    for (let start = 0; start < tokens.length; start += 3) expect(readable).toContain(streamText(tokens.slice(start, start + 7)));
  });
});

describe('query patterns', () => {
  it('put each term at the offset its token has in the query', () => {
    expect(keywordPattern('信访条例')).toEqual([
      { term: '信访', offset: 0 },
      { term: '访条', offset: 1 },
      { term: '条例', offset: 2 },
    ]);
    expect(keywordPattern('双随机、一公开')).toEqual([
      { term: '双随', offset: 0 },
      { term: '随机', offset: 1 },
      { term: '一公', offset: 4 },
      { term: '公开', offset: 5 },
    ]);
    expect(keywordPattern('第12条')).toEqual([
      { term: '第', offset: 0 },
      { term: '12', offset: 1 },
      { term: '条', offset: 3 },
    ]);
  });

  it('split a query into keywords at spaces, each asking for its terms once', () => {
    expect(queryKeywords(' 信访条例  信访 ，。 ')).toEqual(['信访条例', '信访']);
    expect(keywordTerms('信访信访')).toEqual(['信访', '访信']);
  });

  it('are found at their offsets in the stream of any text that contains the query', () => {
    const text = '严格执行《中华人民共和国信访条例》，12345热线全年受理来电3万余件，其中双随机、一公开检查186次。';
    const tokens = indexStream(text).split(' ');
    const chars = [...text];
    for (let start = 0; start < chars.length; start++) {
      for (let end = start + 1; end <= Math.min(chars.length, start + 12); end++) {
        const query = chars.slice(start, end).join('');
        if (keywordTerms(query).length === 0 || /\s/.test(query)) continue;
        // Positions where Pagefind would report a match: tokens a query term is a prefix of.
        const positions = tokens.flatMap((token, index) => (keywordTerms(query).some((term) => token.startsWith(term)) ? [index] : []));
        expect(positionsMatch(positions, query), query).toBe(true);
      }
    }
  });

  it('reject a document that has the terms but not the query', () => {
    const tokens = indexStream('学习信访工作条例，访谈条目若干。').split(' ');
    const positions = tokens.flatMap((token, index) => (keywordTerms('信访条例').some((term) => token.startsWith(term)) ? [index] : []));
    expect(positions.length).toBeGreaterThan(0);
    expect(positionsMatch(positions, '信访条例')).toBe(false);
  });
});

describe('excerpts and exact matches', () => {
  it('read a Pagefind excerpt and highlight the query terms', () => {
    const excerpt = readableExcerpt(`真贯 贯彻 彻${E} 《 <mark>信访</mark> <mark>访条</mark> <mark>条例</mark> 例${E} 》, 落实 实${E}`, ['信访', '访条', '条例']);
    expect(excerpt.text).toBe('真贯彻《信访条例》,落实');
    expect(excerpt.marks.map(([s, e]) => excerpt.text.slice(s, e))).toEqual(['信访条例']);
  });

  it('highlight a number query inside a longer number', () => {
    const excerpt = readableExcerpt(`拨打 打${E} 12345${E} <mark>2345${E}</mark> 345${E} 45${E} 5${E} 热线 线${E}`, ['2345']);
    expect(excerpt.text).toBe('拨打12345热线');
    expect(excerpt.marks.map(([s, e]) => excerpt.text.slice(s, e))).toEqual(['2345']);
  });

  it('tell from a document’s text whether it contains the query', () => {
    expect(containsQuery(indexStream('学习信访工作条例和《信访条例》。'), '信访条例')).toBe(true);
    expect(containsQuery(indexStream('学习信访工作条例。'), '信访条例')).toBe(false);
    expect(containsQuery(indexStream('学习《信访条例》。'), '《信访条例》')).toBe(true);
    expect(matchKey('双随机、一公开 Ａ')).toBe('双随机一公开a');
  });
});
