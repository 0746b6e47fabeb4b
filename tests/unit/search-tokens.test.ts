import { describe, expect, it } from 'vitest';
import { excerptOf, occurrences } from '../../src/lib/search/excerpt.ts';
import { searchKey, searchKeyWithOrigin } from '../../src/lib/search/normalize.ts';
import { capQuery, QUERY_MAX_LENGTH, queryPhrases } from '../../src/lib/search/tokens.ts';

describe('the search normalization', () => {
  it('drops punctuation, whitespace and invisible characters, so a phrase is found however it is punctuated', () => {
    expect(searchKey('区委、区政府')).toBe(searchKey('区委区政府'));
    expect(searchKey('零宽\u200b空格\ufeff短语')).toBe('零宽空格短语');
    expect(searchKey('PD\u00adF')).toBe('pdf');
    expect(searchKey('荷泉报〔2022〕3号')).toBe('荷泉报20223号');
    expect(searchKey('442000-111/2017-00042')).toBe('442000111201700042');
  });

  it('keeps every character of an NFKC expansion, and folds width and case', () => {
    expect(searchKey('㍻元年')).toBe('平成元年');
    expect(searchKey('ＡＢＣ１２３')).toBe('abc123');
    expect(searchKey('Ⅻ')).toBe('xii');
    expect(searchKey('𠀀字')).toBe('𠀀字');
  });

  it('sees a letter with a combining accent as the same letter precomposed (NFKC of the whole character)', () => {
    expect(searchKey('cafe\u0301')).toBe(searchKey('caf\u00e9'));
    expect(searchKey('Cafe\u0301 Zu\u0308rich')).toBe('caf\u00e9z\u00fcrich');
    // Half-width katakana and its voiced mark become one full-width character, as NFKC of the pair does.
    expect(searchKey('\uff76\uff9e')).toBe('\u30ac');
    expect(searchKey('\u304b\u3099')).toBe('\u304c');
    // Marks that compose with nothing stay: the text is not made accent-blind.
    expect(searchKey('\u0915\u093f')).toBe('\u0915\u093f');
    expect(searchKey('cafe')).not.toBe(searchKey('caf\u00e9'));
  });

  it('highlights a composed match over its combining marks', () => {
    const text = '关于Cafe\u0301的说明';
    const [range] = occurrences(text, [searchKey('café')]);
    expect(text.slice(...range!)).toBe('Cafe\u0301');
  });

  it('composes an astral mark with its letter whatever text was seen before (a lone surrogate decides nothing for the marks it starts)', () => {
    // Kaithi: U+11099 U+110BA is U+1109A under NFC; both marks' high surrogate is U+D804.
    expect(searchKey('\u{11099}\u{110BA}')).toBe('\u{1109A}');
    searchKey('\u{11099}\uD804');
    expect(searchKey('\u{11099}\u{110BA}')).toBe('\u{1109A}');
  });

  it('highlights every match in a long run of combining marks in time linear in it', () => {
    const text = `e${'\u0301'.repeat(40_000)}`;
    const started = performance.now();
    const ranges = occurrences(text, [searchKey('\u0301')]);
    expect(ranges).toEqual([[0, text.length]]);
    expect(performance.now() - started).toBeLessThan(1500);
  });

  it('keeps where each character came from', () => {
    const { key, origin } = searchKeyWithOrigin('a、𠀀b');
    expect(key).toBe('a𠀀b');
    expect(origin).toEqual([0, 2, 2, 4]);
  });
});

describe('query phrases', () => {
  it('are the space-separated words, and quoted text is one phrase', () => {
    expect(queryPhrases('信访 条例').map((phrase) => phrase.key)).toEqual(['信访', '条例']);
    expect(queryPhrases('"信访 条例" 办理').map((phrase) => phrase.key)).toEqual(['信访条例', '办理']);
    expect(queryPhrases('“依法 行政”').map((phrase) => phrase.key)).toEqual(['依法行政']);
    expect(queryPhrases('、 ，')).toEqual([]);
    expect(queryPhrases('信访 信访')).toHaveLength(1);
  });

  it('are cut to the maximum length, never inside a character', () => {
    const long = '𠀀'.repeat(QUERY_MAX_LENGTH + 5);
    const { query, capped } = capQuery(long);
    expect(capped).toBe(true);
    expect([...query]).toHaveLength(QUERY_MAX_LENGTH);
    expect(capQuery('信访').capped).toBe(false);
  });

  it('are echoed without bidi controls or marks, which could reorder what the page shows', () => {
    expect(capQuery('信访\u202e条例\u2066a\u2069\u200e\u200f\u061c办理').query).toBe('信访条例a办理');
  });
});

describe('excerpts', () => {
  it('keeps an excerpt short inside a run of letters tens of thousands long', () => {
    const excerpt = excerptOf(`${'x'.repeat(60_000)}needle 之后的文字。`, ['needle']);
    expect(excerpt.text.length).toBeLessThan(200);
    expect(excerpt.marks).toHaveLength(1);
    expect(excerpt.cutStart).toBe(true);
  });

  it('show the exact phrase, highlighted however it is punctuated in the text', () => {
    const text = '今年，区委、区政府高度重视。';
    const excerpt = excerptOf(text, [searchKey('区委区政府')]);
    expect(excerpt.marks.map(([start, end]) => excerpt.text.slice(start, end))).toEqual(['区委、区政府']);
  });

  it('start at the sentence before the match, not in the middle of a number', () => {
    const text = `${'前文'.repeat(40)}。2022年，全县推进法治政府建设，成效明显。`;
    const excerpt = excerptOf(text, [searchKey('法治政府')]);
    expect(excerpt.text.startsWith('2022年')).toBe(true);
    expect(excerpt.cutStart).toBe(true);
    const noSentence = `${'字'.repeat(10)}编号12345678901234567890，法治政府`;
    const cut = excerptOf(noSentence, [searchKey('法治政府')], 20);
    expect(cut.text).toMatch(/^(编号)?12345678901234567890|^，/);
  });

  it('end where a number or word ends', () => {
    const text = `法治政府建设${'字'.repeat(80)}编号1234567`;
    const excerpt = excerptOf(text, [searchKey('法治政府')]);
    expect(excerpt.text.endsWith('编号')).toBe(true);
  });

  it('highlight in titles too', () => {
    expect(occurrences('示例区法治政府建设年度报告', [searchKey('法治政府')])).toEqual([[3, 7]]);
  });
});
