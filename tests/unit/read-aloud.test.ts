/**
 * 语音阅读's pure part: which pieces of a rendered report are read, in what
 * order and with what text; how long text is cut into utterances; which
 * voice is chosen. The bodies go through the project's real renderer.
 */
import type { Element, Root, RootContent } from 'hast';
import rehypeParse from 'rehype-parse';
import { unified } from 'unified';
import { describe, expect, it } from 'vitest';
import { chineseVoice, joinParts, MAX_CHUNK_LENGTH, speakable, speechChunks, speechUnits, type SpeechNode } from '../../src/lib/read-aloud.ts';
import { renderMarkdown } from '../../src/markdown/render.ts';

/** A HAST tree seen through the few DOM properties the walker reads. */
function domLike(node: Root | RootContent): SpeechNode & { tag: string } {
  if (node.type === 'text') return { tag: '#text', nodeType: 3, nodeName: '#text', textContent: node.value, childNodes: [] };
  if (node.type !== 'element' && node.type !== 'root') return { tag: '#comment', nodeType: 8, nodeName: '#comment', textContent: '', childNodes: [] };
  const element = node.type === 'element' ? (node as Element) : undefined;
  const childNodes = node.children.map(domLike);
  return {
    tag: element ? element.tagName : '#root',
    nodeType: element ? 1 : 11,
    nodeName: element ? element.tagName.toUpperCase() : '#document-fragment',
    get textContent() {
      return childNodes.map((child) => child.textContent).join('');
    },
    childNodes,
    getAttribute: (name: string) => {
      const value = element?.properties[name === 'aria-hidden' ? 'ariaHidden' : name];
      return value === undefined || value === false || value === null ? null : String(value);
    },
  };
}

function unitsOf(html: string) {
  const root = domLike(unified().use(rehypeParse, { fragment: true }).parse(`<div class="report-body">${html}</div>`));
  const body = root.childNodes[0] as SpeechNode;
  return speechUnits(body).map((unit) => ({ tag: 'element' in unit ? (unit.element as ReturnType<typeof domLike>).tag : 'run', text: unit.text }));
}

describe('speechUnits: a rendered body as units, in reading order', () => {
  it('reads headings, paragraphs and list items one by one', () => {
    const { html } = renderMarkdown('开头一段。\n\n## 一、总体目标\n\n第一段**加粗**文字。\n\n### （一）基础教育\n\n- 甲项工作\n- 乙项工作\n\n1. 第一条\n2. 第二条');
    expect(unitsOf(html)).toEqual([
      { tag: 'p', text: '开头一段。' },
      { tag: 'h2', text: '一、总体目标' },
      { tag: 'p', text: '第一段加粗文字。' },
      { tag: 'h3', text: '（一）基础教育' },
      { tag: 'li', text: '甲项工作' },
      { tag: 'li', text: '乙项工作' },
      { tag: 'li', text: '第一条' },
      { tag: 'li', text: '第二条' },
    ]);
  });

  it('reads a table row by row, cells separated by a pause, header row included', () => {
    const { html } = renderMarkdown('| 区 | 件数 |\n|---|---|\n| 东区 | 3 |\n| 西区 | 5 |');
    expect(unitsOf(html)).toEqual([
      { tag: 'tr', text: '区，件数' },
      { tag: 'tr', text: '东区，3' },
      { tag: 'tr', text: '西区，5' },
    ]);
  });

  it('reads a nested list item once, before the items inside it', () => {
    const { html } = renderMarkdown('- 上级事项\n  - 下级事项一\n  - 下级事项二\n- 另一事项');
    expect(unitsOf(html)).toEqual([
      { tag: 'li', text: '上级事项' },
      { tag: 'li', text: '下级事项一' },
      { tag: 'li', text: '下级事项二' },
      { tag: 'li', text: '另一事项' },
    ]);
  });

  it('reads a loose list whose items hold paragraphs once per paragraph', () => {
    const { html } = renderMarkdown('- 第一项。\n\n  补充说明。\n\n- 第二项。');
    expect(unitsOf(html)).toEqual([
      { tag: 'p', text: '第一项。' },
      { tag: 'p', text: '补充说明。' },
      { tag: 'p', text: '第二项。' },
    ]);
  });

  it('reads pasted text that sits between blocks outside any paragraph, and line breaks as pauses', () => {
    // As the sanitizer leaves a stripped <form>'s text: loose in the body.
    const html = '<p>第一段。</p>\n\n旧系统留下的<b>一行</b>\n<div>div 里的文字<p>div 里的段落</p></div>\n<p>第一行<br>第二行</p>';
    expect(unitsOf(html)).toEqual([
      { tag: 'p', text: '第一段。' },
      { tag: 'run', text: '旧系统留下的一行' },
      { tag: 'run', text: 'div 里的文字' },
      { tag: 'p', text: 'div 里的段落' },
      { tag: 'p', text: '第一行 第二行' },
    ]);
  });

  it('skips hidden content and empty paragraphs', () => {
    expect(unitsOf('<p>看得见。</p><p hidden>看不见</p><div aria-hidden="true"><p>也看不见</p></div><p> </p>')).toEqual([{ tag: 'p', text: '看得见。' }]);
  });

  it('reads a cell’s paragraphs after the row that holds them, not twice', () => {
    expect(unitsOf('<table><tr><td>名称</td><td><p>说明一</p><p>说明二</p></td></tr></table>')).toEqual([
      { tag: 'tr', text: '名称' },
      { tag: 'p', text: '说明一' },
      { tag: 'p', text: '说明二' },
    ]);
  });
});

describe('speakable text', () => {
  it('says ISO dates as dates and collapses white space', () => {
    expect(speakable('  发布日期：2019-01-15\n 09:30 ')).toBe('发布日期：2019年1月15日 09:30');
    expect(speakable('索引号 449900-021/2019-00001')).toBe('索引号 449900-021/2019-00001');
    expect(speakable('2019-13-40')).toBe('2019-13-40');
  });

  it('joins the parts of a row or the byline with a pause, dropping empty ones', () => {
    expect(joinParts(['来源：样例县教育局', ' ', null, '发布日期：2019-01-15'])).toBe('来源：样例县教育局，发布日期：2019年1月15日');
  });
});

describe('speechChunks: utterances no longer than an engine can take', () => {
  it('keeps a short paragraph whole', () => {
    expect(speechChunks('全县义务教育巩固率保持在百分之九十九以上。')).toEqual(['全县义务教育巩固率保持在百分之九十九以上。']);
    expect(speechChunks('')).toEqual([]);
  });

  it('splits a long paragraph at sentence ends, packing whole sentences, and loses no text', () => {
    const sentence = (n: number) => `第${n}句话说明一项具体的工作安排和完成时限，请各单位认真落实。`;
    const paragraph = Array.from({ length: 7 }, (_, i) => sentence(i + 1)).join('');
    const chunks = speechChunks(paragraph);
    expect(chunks.join('')).toBe(paragraph);
    expect(chunks.every((chunk) => chunk.length <= MAX_CHUNK_LENGTH)).toBe(true);
    expect(chunks.every((chunk) => /。$/.test(chunk))).toBe(true);
    expect(chunks.length).toBeLessThan(7);
  });

  it('keeps a closing quotation mark with its sentence', () => {
    const text = `${'甲'.repeat(40)}：“${'乙'.repeat(10)}。”${'丙'.repeat(30)}！`;
    expect(speechChunks(text)).toEqual([`${'甲'.repeat(40)}：“${'乙'.repeat(10)}。”`, `${'丙'.repeat(30)}！`]);
  });

  it('splits an over-long sentence at commas, and an over-long clause at the limit', () => {
    const clauses = Array.from({ length: 6 }, (_, i) => `第${i + 1}个分句的内容比较长一些`).join('，') + '。';
    const chunks = speechChunks(clauses, 40);
    expect(chunks.join('')).toBe(clauses);
    expect(chunks.every((chunk) => chunk.length <= 40)).toBe(true);
    expect(chunks.slice(0, -1).every((chunk) => chunk.endsWith('，'))).toBe(true);
    expect(speechChunks('字'.repeat(130), 60)).toEqual(['字'.repeat(60), '字'.repeat(60), '字'.repeat(10)]);
  });
});

describe('chineseVoice', () => {
  const voice = (name: string, lang: string, localService = true) => ({ name, lang, localService });

  it('prefers a local mainland Mandarin voice, whatever the platform writes for zh-CN', () => {
    const voices = [voice('English', 'en-US'), voice('Network', 'zh-CN', false), voice('Taiwan', 'zh-TW'), voice('Android', 'zh_CN'), voice('Cantonese', 'zh-HK')];
    expect(chineseVoice(voices)?.name).toBe('Android');
    expect(chineseVoice([voice('Taiwan', 'zh-TW'), voice('Network', 'cmn-Hans-CN', false)])?.name).toBe('Network');
  });

  it('chooses no voice rather than a Cantonese or non-Chinese one', () => {
    expect(chineseVoice([voice('English', 'en-US'), voice('Cantonese', 'zh-HK'), voice('Yue', 'yue-HK')])).toBeUndefined();
    expect(chineseVoice([])).toBeUndefined();
  });
});
