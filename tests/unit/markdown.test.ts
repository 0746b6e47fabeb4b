import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { LAYOUT_IDS } from '../../src/markdown/layout-ids.ts';
import { renderMarkdown, summarize } from '../../src/markdown/render.ts';

describe('sanitizing pasted HTML', () => {
  const { html } = renderMarkdown(
    [
      '正文<script>alert(1)</script>',
      '',
      '<p onclick="alert(1)" style="color:red" onmouseover="x()">段落</p>',
      '',
      '<a href="javascript:alert(1)">一</a> <a href="JaVaScRiPt:alert(1)">二</a> <a href="data:text/html,x">三</a> <a href="https://www.gov.cn/">四</a> <a href="/reports/a/">五</a>',
      '',
      '<iframe src="https://evil.example/"></iframe><object data="x"></object><embed src="x"><form action="/x"><input name="a"><button>按钮</button></form>',
      '',
      '<img src="https://evil.example/t.png" alt="外站图片"><img src="//evil.example/t.png" alt="协议相对"><img src="data:image/png;base64,AAAA" alt="数据图片"><img src="/attachments/a.png" alt="本站图片">',
      '',
      '<style>body{display:none}</style><svg onload="alert(1)"><script>x</script></svg><math><mi>x</mi></math>',
      '',
      '<table><tr><td colspan="2" style="width:9999px">表格</td></tr></table> H<sub>2</sub>O 10<sup>3</sup> <u>下划线</u> <em>强调</em><br>换行',
    ].join('\n'),
  );

  it('removes everything that runs', () => {
    expect(html).not.toMatch(/<script|alert|onclick|onmouseover|onerror|onload|javascript:/i);
  });

  it('removes everything that loads or submits', () => {
    expect(html).not.toMatch(/<iframe|<object|<embed|<form|<input|<style|<svg|data:|evil\.example/i);
    expect(html).toContain('<img src="/attachments/a.png" alt="本站图片">');
  });

  it('removes style attributes', () => {
    expect(html).not.toContain('style=');
    expect(html).not.toContain('display:none');
  });

  it('keeps harmless formatting and safe links', () => {
    for (const kept of ['<td colspan="2">表格</td>', '<sub>2</sub>', '<sup>3</sup>', '<u>下划线</u>', '<em>强调</em>', '<br>', '<a href="https://www.gov.cn/">四</a>', '<a href="/reports/a/">五</a>', '<p>段落</p>']) {
      expect(html).toContain(kept);
    }
  });
});

describe('headings', () => {
  it('renumbers levels by rank from h2 and collects the outline', () => {
    const { html, headings } = renderMarkdown('# 一、总体\n\n### （一）细节\n\n##### 1.小项\n\n# 二、问题');
    expect(html).toMatch(/<h2 id="[^"]+">一、总体<\/h2>[\s\S]*<h3 id="[^"]+">（一）细节<\/h3>[\s\S]*<h4 id="[^"]+">1.小项<\/h4>[\s\S]*<h2 id="[^"]+">二、问题<\/h2>/);
    expect(headings.map(({ depth, text }) => [depth, text])).toEqual([
      [2, '一、总体'],
      [3, '（一）细节'],
      [2, '二、问题'],
    ]);
    expect(new Set(headings.map((h) => h.id)).size).toBe(3);
  });

  it('gives repeated headings distinct ids', () => {
    const { headings } = renderMarkdown('## 存在问题\n\n## 存在问题');
    expect(headings[0]!.id).not.toBe(headings[1]!.id);
  });
});

describe('tables', () => {
  it('wrap in a focusable, labelled scrolling region', () => {
    const { html } = renderMarkdown('| 区 | 件数 |\n|---|---|\n| 东区 | 3 |');
    expect(html).toMatch(/^<div class="table-scroll" role="region" aria-label="表格 1" tabindex="0"><table>/);
  });

  it('take their region name from a caption, or from the heading or short line just above', () => {
    const captioned = renderMarkdown('<table><caption>各街道办件量</caption><tr><td>1</td></tr></table>').html;
    expect(captioned).toContain('aria-label="各街道办件量"');
    const headed = renderMarkdown('### 表1 2021年行政执法情况\n\n| 区 | 件数 |\n|---|---|\n| 东区 | 3 |').html;
    expect(headed).toContain('aria-label="表格 1：表1 2021年行政执法情况"');
    const afterProse = renderMarkdown(`${'全年共办理行政复议案件，较上年有所增加，其中大部分已经审结，少数仍在审理之中。'.repeat(2)}\n\n| 区 | 件数 |\n|---|---|\n| 东区 | 3 |`).html;
    expect(afterProse).toContain('aria-label="表格 1"');
  });

  it('wrap a table holding a table once: the inner one scrolls with it', () => {
    const { html } = renderMarkdown('<table><tr><td><table><tr><td>内</td></tr></table></td></tr></table>');
    expect(html.match(/table-scroll/g)).toHaveLength(1);
    expect(html.match(/<table>/g)).toHaveLength(2);
  });
});

describe('walking the tree (src/markdown/walk.ts)', () => {
  it('removes every image from another origin in a row, and records only the links left', () => {
    const { html, links } = renderMarkdown('![a](https://x.example/1.png)![b](//x.example/2.png)![c](https://x.example/3.png)![](/ok.png)');
    expect(html).toBe('<p><img src="/ok.png" alt=""></p>');
    expect(links).toEqual(['/ok.png']);
  });

  it('numbers every ordered list in the text, and leaves the HTML without the numbers', () => {
    const { html, text } = renderMarkdown('3. 甲\n4. 乙\n\n- 项\n\n  1. 子\n  2. 丑');
    expect(text).toBe('3. 甲\n4. 乙\n项\n1. 子\n2. 丑');
    expect(html).not.toMatch(/\d\. /);
  });
});

describe('text and summaries', () => {
  it('gives the visible text, one block a line', () => {
    expect(renderMarkdown('## 一、概况\n\n第一段**加粗**。\n\n- 甲\n- 乙').text).toBe('一、概况\n第一段加粗。\n甲\n乙');
    // An ordered list's numbers are seen by readers and written in the Markdown; search finds them.
    expect(renderMarkdown('1. 甲\n2. 乙\n\n3. 丙').text).toBe('1. 甲\n2. 乙\n3. 丙');
    expect(renderMarkdown('4. 畅通').text).toBe('4. 畅通');
  });

  it('cuts a summary at a sentence end near the limit, else with an ellipsis', () => {
    const text = `${'一'.repeat(100)}。${'二'.repeat(50)}`;
    expect(summarize(text, 120)).toBe(`${'一'.repeat(100)}。`);
    expect(summarize('三'.repeat(200), 120)).toBe(`${'三'.repeat(120)}…`);
    expect(summarize('短文本', 120)).toBe('短文本');
  });

  it('counts images without alternative text', () => {
    expect(renderMarkdown('![](/a.png) ![说明](/b.png)').imagesWithoutAlt).toBe(1);
  });
});

describe('heading ids never clash with the ids the page uses', () => {
  it('gives a heading named like a layout id another id, and the outline the same', () => {
    const { html, headings } = renderMarkdown('## main\n\n## toc-heading\n\n## attachments-heading\n\n<div id="x">a</div>\n\n## user-content-x\n\n##\n\n## section-1');
    const ids = [...html.matchAll(/\sid="([^"]+)"/g)].map((match) => match[1]!);
    for (const id of LAYOUT_IDS) expect(ids).not.toContain(id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(headings.map((heading) => heading.id)).toEqual(ids.filter((id) => id !== 'user-content-x'));
  });

  it('the list of layout ids holds every literal id in src/', () => {
    const root = fileURLToPath(new URL('../../src/', import.meta.url));
    const sources = (readdirSync(root, { recursive: true }) as string[]).filter((file) => /\.(astro|ts)$/.test(file));
    const literal = sources.flatMap((file) => [...readFileSync(join(root, file), 'utf8').matchAll(/\bid="([a-z][\w-]*)"/g)].map((match) => match[1]!));
    expect(literal.length).toBeGreaterThan(10);
    expect([...new Set(literal)].filter((id) => !LAYOUT_IDS.includes(id))).toEqual([]);
  });
});

describe('invisible control characters', () => {
  it('never reach the HTML or the text, literal or written as character references', () => {
    const { html, text } = renderMarkdown('甲\u202E乙&#x202E;丙&#8238;丁\u2066戊\u0000己\u0007庚辛\n\n<p title="a\u202Eb">段</p>\n\n[链接](/reports/a/ "提\u202E示")');
    for (const output of [html, text]) expect(output).not.toMatch(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/);
    expect(text).toContain('甲乙丙丁戊己庚辛');
  });
});

describe('nesting deep enough to overflow the stack', () => {
  it.each([
    ['>'.repeat(10_000), 3],
    [`${'*'.repeat(5_000)}x${'*'.repeat(5_000)}`, 3],
    ['<div>'.repeat(5_000), 3],
  ])('is refused with the line it starts on, not a crash', (nested, line) => {
    const body = renderMarkdown(`第一段\n\n${nested}`);
    expect(body.refused).toMatchObject({ line });
    expect(body.refused!.message).toContain('嵌套');
    expect(body.html).toBe('');
  });
});
