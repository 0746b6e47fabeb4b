/**
 * npm run import's reading of old portal pages. Every expected value below is
 * read off the hand-written pages in tests/fixtures/import/.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildColumnTree } from '../../src/lib/columns.ts';
import { decodeText } from '../../src/lib/content/source.ts';
import { parseChineseDate } from '../../src/lib/importer/fields.ts';
import { readHtmlPage } from '../../src/lib/importer/html-page.ts';
import type { ImportedPage } from '../../src/lib/importer/page.ts';
import { parseTextPage } from '../../src/lib/importer/text-page.ts';
import { blocksToMarkdown, toReport, type Registries } from '../../src/lib/importer/to-report.ts';
import type { Agency } from '../../src/lib/model.ts';
import { renderMarkdown } from '../../src/markdown/render.ts';

const bytes = (name: string) => readFileSync(new URL(`../fixtures/import/${name}`, import.meta.url));
const textPage = (name: string) => parseTextPage(bytes(name).toString('utf8'));
function parseHtmlPage(html: string): ImportedPage {
  const reading = readHtmlPage(html);
  if (!('page' in reading)) throw new Error(reading.skipped);
  return reading.page;
}
function htmlPage(name: string): ImportedPage {
  const decoded = decodeText(bytes(name));
  if (!decoded.ok) throw new Error(decoded.reason);
  return parseHtmlPage(decoded.text);
}
const texts = (page: ImportedPage) => page.blocks.map((block) => ('text' in block ? block.text : ''));
const allText = (page: ImportedPage) => texts(page).join('\n');

describe('a text copy with the metadata as a pipe table (pipe-table.txt)', () => {
  const page = textPage('pipe-table.txt');

  it('reads every cell of the table', () => {
    expect(page.fields).toEqual({
      indexNumber: '449900-021/2021-00031',
      category: '计划总结',
      agency: '县教育局',
      date: '2021-03-09',
      docNumber: '样教〔2021〕4号',
      disclosure: '主动公开',
      scope: '面向全社会',
    });
  });

  it('finds no title and no column in a page that has neither', () => {
    expect(page.title).toBeUndefined();
    expect(page.breadcrumb).toEqual(['首页']);
  });

  it('takes the 主送 line out of the body, with a full-width colon', () => {
    expect(page.addressee).toBe('样例县人民政府：');
    expect(texts(page)[0]).toMatch(/^2020年，县教育局/);
  });

  it('splits the 落款 (organisation and date) off the end of the body', () => {
    expect(page.signature).toEqual({ org: '样例县教育局', date: '2021-03-09' });
    expect(texts(page).at(-1)).toBe('继续推进校舍改造，争取年内再完成三所学校的加固工程。');
  });

  it('makes headings of 一、 and (一) lines, keeping the page’s half-width parentheses', () => {
    expect(page.blocks.slice(1, 3)).toEqual([
      { kind: 'section', text: '一、主要工作' },
      { kind: 'subsection', text: '(一)校舍改造' },
    ]);
  });

  it('keeps a numbered point followed by sentences as a paragraph, as written', () => {
    expect(page.blocks).toContainEqual({ kind: 'paragraph', text: '(二)教师队伍建设。分三批组织乡村教师到县城学校跟岗学习，共计一百八十人次。' });
  });

  it('joins a line cut in mid-sentence with the line that continues it', () => {
    expect(texts(page)).toContain('部分乡村学校的实验器材仍然短缺，音乐、美术教师配备不足，需要在下一年度通过县域内统筹调配逐步解决。');
  });

  it('leaves no table rows in the body', () => {
    expect(allText(page)).not.toMatch(/\||索引号|---/);
  });
});

describe('a text copy with a 来源 line under the title (source-line.txt)', () => {
  const page = textPage('source-line.txt');

  it('takes the line between 当前位置 and 来源 as the title', () => {
    expect(page.title).toBe('样例县卫生健康局2022年度法治政府建设情况报告');
  });

  it('reads the breadcrumb', () => {
    expect(page.breadcrumb).toEqual(['首页', '信息公开', '法治政府建设']);
  });

  it('reads 来源 and 发布日期 with its time, and ignores 浏览量 and 字体', () => {
    expect(page.fields).toEqual({ source: '样例县卫生健康局', published: '2023-02-14 09:45' });
  });

  it('drops the indentation and the page chrome: share, print, empty 附件 and 相关稿件, 扫一扫', () => {
    expect(texts(page)[0]).toMatch(/^2022年，县卫生健康局/);
    expect(allText(page)).not.toMatch(/转载分享|打印|关闭|附件|相关稿件|扫一扫|浏览量|字体/);
    expect(texts(page).at(-1)).toBe('继续加强执法人员培训，全年组织专题培训不少于四次。');
  });

  it('finds no 落款 where there is none', () => {
    expect(page.signature).toBeUndefined();
    expect(page.addressee).toBeUndefined();
  });

  it('reads headings between blank lines', () => {
    expect(page.blocks.filter((block) => block.kind !== 'paragraph')).toEqual([
      { kind: 'section', text: '一、主要做法和成效' },
      { kind: 'subsection', text: '(一)健全依法决策机制' },
      { kind: 'subsection', text: '(二)规范执法行为' },
      { kind: 'section', text: '二、存在的问题' },
      { kind: 'section', text: '三、2023年工作安排' },
    ]);
  });

  it('keeps a numbered line too long for a heading as a paragraph, as written', () => {
    expect(page.blocks).toContainEqual({
      kind: 'paragraph',
      text: '(一)部分基层执法人员对新修订的行政处罚法掌握不够全面，在处罚裁量基准的适用上还存在宽严不一的情况。',
    });
  });
});

describe('a text copy with 索引号： lines (colon-lines.txt)', () => {
  const page = textPage('colon-lines.txt');

  it('reads labels with full-width colons, and the labels some portals use instead (信息来源, 发布时间)', () => {
    expect(page.fields).toEqual({
      indexNumber: '449900-040/2022-00017',
      category: '计划总结',
      agency: '样例县农业农村局',
      date: '2022-07-15',
      docNumber: '样农〔2022〕9号',
      disclosure: '主动公开',
      source: '县农业农村局',
      published: '2022-07-18',
      editor: '林晓',
    });
  });

  it('takes the title from after the metadata lines', () => {
    expect(page.title).toBe('样例县农业农村局关于2022年上半年农机安全生产工作的总结');
  });

  it('reads a four-level breadcrumb after 您的位置', () => {
    expect(page.breadcrumb).toEqual(['首页', '信息公开', '法定主动公开内容', '计划总结']);
  });

  it('reads a 落款 date written in Chinese numerals', () => {
    expect(page.signature).toEqual({ org: '样例县农业农村局', date: '2022-07-15' });
  });

  it('treats (一) and （一） alike, each as the page writes it', () => {
    expect(page.blocks.filter((block) => block.kind === 'subsection').map((block) => ('text' in block ? block.text : ''))).toEqual(['(一)上路检查', '（二）驾驶人培训']);
  });

  it('drops 【字体：大 中 小】, 分享到： and 【打印本页】【关闭窗口】', () => {
    expect(allText(page)).not.toMatch(/字体|分享到|打印本页|关闭窗口/);
    expect(texts(page).at(-1)).toBe('抓好秋收时节的安全提示，确保全年不发生较大农机事故。');
  });
});

describe('a text copy of the body alone (bare-body.txt)', () => {
  const page = textPage('bare-body.txt');

  it('has no title, breadcrumb or metadata', () => {
    expect(page.title).toBeUndefined();
    expect(page.breadcrumb).toEqual([]);
    expect(page.fields).toEqual({});
  });

  it('reads the 主送 and a 落款 that is only a date', () => {
    expect(page.addressee).toBe('县人民政府：');
    expect(page.signature).toEqual({ org: undefined, date: '2023-01-09' });
  });

  it('keeps 特此报告。 in the body', () => {
    expect(texts(page).at(-1)).toBe('特此报告。');
  });

  it('joins a cut line but starts a new paragraph at the next numbered point', () => {
    expect(texts(page)).toContain('1.全年排查校园及周边安全隐患六十三处，已整改六十一处，其余两处已落实临时防护措施并纳入来年改造计划。');
    expect(texts(page)).toContain('2.组织应急疏散演练一百零六场次。');
  });

  it('does not take a sentence ending in a colon for a 主送', () => {
    expect(texts(page)[0]).toBe('按照县政府办公室的统一部署，现将样例县教育局2022年度学校安全工作开展情况报告如下：');
  });
});

describe('a page saved as HTML (article.html)', () => {
  const page = htmlPage('article.html');

  it('takes the title from h1', () => {
    expect(page.title).toBe('《样例县乡村道路养护办法》政策解读');
  });

  it('reads the breadcrumb and the metadata table above the title, labels without colons', () => {
    expect(page.breadcrumb).toEqual(['首页', '信息公开', '政策解读']);
    expect(page.fields).toMatchObject({
      indexNumber: '449900-000/2023-00021',
      category: '政策解读',
      agency: '样例县人民政府',
      date: '2023-04-18',
      disclosure: '主动公开',
      scope: '面向全社会',
    });
  });

  it('reads the 来源 line under the title', () => {
    expect(page.fields.source).toBe('样例县交通运输局');
    expect(page.fields.published).toBe('2023-04-20 10:05');
  });

  it('leaves out scripts, navigation, search, share and print bars, the side list and the footer', () => {
    expect(allText(page)).not.toMatch(/脚本|互动交流|搜索|分享到|微博|打印本页|相关文件|ICP|主办/);
  });

  it('reads paragraphs, headings, a line broken by <br> and the right-aligned 落款', () => {
    expect(page.blocks).toEqual([
      { kind: 'paragraph', text: '近日，县人民政府印发了《样例县乡村道路养护办法》（以下简称《办法》）。为便于社会公众理解，现就有关内容解读如下。' },
      { kind: 'section', text: '一、制定背景' },
      { kind: 'paragraph', text: '全县乡村道路总里程已超过一千公里，部分路段存在“重建轻养”的现象，需要用制度把养护责任落到实处。' },
      { kind: 'section', text: '二、主要内容' },
      { kind: 'subsection', text: '(一)明确养护主体' },
      { kind: 'paragraph', text: '县道由县交通运输部门负责，乡道由乡镇人民政府负责，村道由村民委员会在乡镇指导下负责。' },
      { kind: 'subsection', text: '（二）保障养护资金' },
      { kind: 'paragraph', text: '养护资金纳入县级财政预算，并按照里程和路况分档补助。' },
    ]);
    expect(page.signature).toEqual({ org: '样例县人民政府办公室', date: '2023-04-18' });
  });
});

describe('an old GBK-encoded page without h1 (legacy-gbk.htm)', () => {
  const page = htmlPage('legacy-gbk.htm');

  it('is decoded from GBK', () => {
    const decoded = decodeText(bytes('legacy-gbk.htm'));
    expect(decoded.ok && decoded.encoding).toBe('GBK');
  });

  it('takes the title from an element named like a title, not from <title>', () => {
    expect(page.title).toBe('样例县教育局关于做好2024年春季开学工作的通知');
  });

  it('reads a definition list of metadata, 成文日期 as 发文日期, and drops the seconds of 发布日期', () => {
    expect(page.fields).toEqual({
      indexNumber: '449900-021/2024-00006',
      agency: '县教育局',
      date: '2024-02-20',
      docNumber: '样教发〔2024〕2号',
      published: '2024-02-21 08:30',
      editor: '周亮',
    });
  });

  it('reads a breadcrumb separated by >>', () => {
    expect(page.breadcrumb).toEqual(['首页', '信息公开', '法定主动公开内容', '计划总结']);
  });

  it('reads a 主送 naming two groups, the 落款, and drops the empty 附件：', () => {
    expect(page.addressee).toBe('各乡镇中心学校，县直各学校：');
    expect(page.signature).toEqual({ org: '样例县教育局', date: '2024-02-20' });
    expect(texts(page).at(-1)).toBe('各校课后服务原则上在开学第一周启动，具体时段由学校根据实际确定。');
    expect(allText(page)).not.toMatch(/附件|版权所有|设为首页/);
  });
});

describe('an HTML page with neither h1 nor a title-like element', () => {
  const page = parseHtmlPage(
    '<html><head><title>样例镇2023年工作总结_样例县人民政府</title></head><body><div class="main"><p>全镇完成了年初确定的九项重点任务。</p></div></body></html>',
  );

  it('takes the title from <title> without the site name', () => {
    expect(page.title).toBe('样例镇2023年工作总结');
    expect(texts(page)).toEqual(['全镇完成了年初确定的九项重点任务。']);
  });
});

describe('metadata as pages really print it', () => {
  it('reads labels run together by <span>s copied without spaces, but not 时间 inside 办理时间', () => {
    const page = parseTextPage(
      ['当前位置：首页 > 信息公开', '索引号：449900-040/2022-00017组配分类：计划总结发布机构：样例县农业农村局文号：样农〔2022〕9号', '样例县农业农村局2022年工作要点', '发布时间：2022-07-18 10:00来源：县农业农村局', '', '办理时间：工作日上午九时至下午五时。', '全年完成农机安全检查一千二百台次。'].join('\n'),
    );
    expect(page.fields).toEqual({ indexNumber: '449900-040/2022-00017', category: '计划总结', agency: '样例县农业农村局', docNumber: '样农〔2022〕9号', published: '2022-07-18 10:00', source: '县农业农村局' });
    expect(texts(page)[0]).toBe('办理时间：工作日上午九时至下午五时。');
  });

  it('reads （责任编辑：…） after the body, without the bracket', () => {
    const page = parseTextPage(['当前位置：首页 > 信息公开', '样例县农业农村局2022年工作要点', '发布时间：2022-07-18', '', '全年完成农机安全检查一千二百台次。', '上一篇：样例县农业农村局2021年工作要点', '（责任编辑：林晓）'].join('\n'));
    expect(page.fields.editor).toBe('林晓');
    expect(texts(page)).toEqual(['全年完成农机安全检查一千二百台次。']);
  });

  it('takes the article heading for the title, not a banner heading naming the site or an office', () => {
    for (const banner of ['样例县人民政府', '欢迎访问样例县教育局', '样例县人民政府门户网站']) {
      const page = parseHtmlPage(`<html><head><title>通知</title></head><body><h1>${banner}</h1><h1>样例县教育局关于做好春季开学工作的通知</h1><p>各校要在开学前完成校舍安全检查，并于二月底前上报检查结果。</p></body></html>`);
      expect(page.title, banner).toBe('样例县教育局关于做好春季开学工作的通知');
    }
  });
});

describe('dates in 落款', () => {
  it('reads Arabic and Chinese numerals', () => {
    expect(parseChineseDate('2021年3月4日')).toBe('2021-03-04');
    expect(parseChineseDate('二〇二一年十二月三十一日')).toBe('2021-12-31');
    expect(parseChineseDate('二〇二〇年二月二十九日')).toBe('2020-02-29');
  });

  it('refuses dates that do not exist and other text', () => {
    expect(parseChineseDate('二〇二一年二月三十日')).toBeUndefined();
    expect(parseChineseDate('2021年13月1日')).toBeUndefined();
    expect(parseChineseDate('特此报告。')).toBeUndefined();
  });
});

describe('a page becoming a report', () => {
  const agencies: Agency[] = [
    { id: 'xzf', name: '样例县人民政府', short: undefined, code: '449900-000' },
    { id: 'jyj', name: '样例县教育局', short: '县教育局', code: '449900-021' },
    { id: 'wjw', name: '样例县卫生健康局', short: undefined, code: '449900-033' },
    { id: 'nyj', name: '样例县农业农村局', short: undefined, code: '449900-040' },
    { id: 'mzj', name: '样例县民政局', short: undefined, code: undefined },
  ];
  const columns = buildColumnTree([
    {
      id: 'xxgk',
      title: '信息公开',
      children: [
        { id: 'fdzdgknr', title: '法定主动公开内容', children: [{ id: 'jhzj', title: '计划总结' }, { id: 'fzzfjs', title: '法治政府建设' }] },
        { id: 'zcjd', title: '政策解读' },
      ],
    },
  ]);
  const registries: Registries = {
    agencies,
    columns,
    indexNumbers: new Map([
      ['449900-033/2023-00004', 'content/reports/2023/wjw-a.md'],
      ['449900-021/2024-00006', 'content/reports/2024/jyj-b.md'],
    ]),
  };
  const convert = (page: ImportedPage, fallbacks = {}) => {
    const result = toReport(page, registries, fallbacks);
    if (!result.ok) throw new Error(result.errors.join('\n'));
    return result;
  };

  it('takes every field the page gives, without notes', () => {
    const result = convert(textPage('colon-lines.txt'));
    expect(result.fields).toEqual({
      title: '样例县农业农村局关于2022年上半年农机安全生产工作的总结',
      indexNumber: '449900-040/2022-00017',
      agency: 'nyj',
      column: 'jhzj',
      date: '2022-07-15',
      published: '2022-07-18',
      category: '计划总结',
      disclosure: '主动公开',
      scope: undefined,
      docNumber: '样农〔2022〕9号',
      source: '县农业农村局',
      editor: '林晓',
      addressee: undefined,
      signature: { org: '样例县农业农村局', date: '2022-07-15' },
    });
    expect(result.notes).toEqual([]);
  });

  it('matches the last crumb to a column title, before any --column', () => {
    const result = convert(textPage('colon-lines.txt'), { column: columns.byId.get('zcjd') });
    expect(result.fields.column).toBe('jhzj');
  });

  it('takes the nearest column title, else a column named by an earlier crumb, and asks the editor to check', () => {
    const page = textPage('source-line.txt');
    const near = convert({ ...page, breadcrumb: ['首页', '信息公开', '法治政府建设报告'] });
    expect(near.fields.column).toBe('fzzfjs');
    expect(near.notes.find((note) => note.field === '栏目（column）')?.message).toMatch(/法治政府建设报告.*请核对/);
    const parent = convert({ ...page, breadcrumb: ['首页', '信息公开', '工作动态'] });
    expect(parent.fields.column).toBe('xxgk');
    expect(parent.notes.find((note) => note.field === '栏目（column）')?.message).toMatch(/工作动态.*上一级.*请核对/);
  });

  it('matches 发布机构 by short name', () => {
    expect(convert(textPage('pipe-table.txt'), { title: '标题', column: columns.byId.get('jhzj') }).fields.agency).toBe('jyj');
  });

  it('matches the agency by 来源 when there is no 发布机构, and says so', () => {
    const result = convert(textPage('source-line.txt'));
    expect(result.fields.agency).toBe('wjw');
    expect(result.notes.some((note) => note.field === '发布机构（agency）' && note.message.includes('来源'))).toBe(true);
  });

  it('leaves out 来源 when it is the agency’s own name, keeps it otherwise', () => {
    expect(convert(textPage('source-line.txt')).fields.source).toBeUndefined();
    expect(convert(htmlPage('article.html')).fields.source).toBe('样例县交通运输局');
  });

  it('falls back to the nearest agency name, and asks the editor to check', () => {
    const page = textPage('colon-lines.txt');
    const result = convert({ ...page, fields: { ...page.fields, agency: '样例县农业农村' }, signature: undefined });
    expect(result.fields.agency).toBe('nyj');
    expect(result.notes.find((note) => note.field === '发布机构（agency）')?.message).toMatch(/样例县农业农村.*请核对/);
  });

  it('uses --column and --title when the page has neither, and says so', () => {
    const result = convert(textPage('pipe-table.txt'), { title: '样例县教育局2020年工作情况报告', column: columns.byId.get('jhzj') });
    expect(result.fields.title).toBe('样例县教育局2020年工作情况报告');
    expect(result.fields.column).toBe('jhzj');
    expect(result.notes.filter((note) => note.field === '标题（title）' || note.field === '栏目（column）')).toHaveLength(2);
  });

  it('refuses a page whose column and title it cannot determine, asking for --column and --title', () => {
    const result = toReport(textPage('pipe-table.txt'), registries);
    expect(result.ok).toBe(false);
    const errors = result.ok ? [] : result.errors;
    expect(errors.some((error) => error.includes('--column'))).toBe(true);
    expect(errors.some((error) => error.includes('--title'))).toBe(true);
  });

  it('takes the date from 发布日期, else from the 落款, else asks for --date', () => {
    const fromPublished = convert(textPage('source-line.txt'));
    expect(fromPublished.fields.date).toBe('2023-02-14');
    expect(fromPublished.notes.some((note) => note.field === '发文日期（date）' && note.message.includes('发布日期'))).toBe(true);
    expect(fromPublished.dateFrom).toBe('发布日期');

    const fallbacks = { title: '标题', agency: agencies[1], column: columns.byId.get('jhzj') };
    const bare = textPage('bare-body.txt');
    expect(convert(bare, fallbacks).fields.date).toBe('2023-01-09');
    const undated = toReport({ ...bare, signature: undefined }, registries, fallbacks);
    expect(undated.ok ? [] : undated.errors).toEqual([expect.stringContaining('--date')]);
  });

  it('generates the next free index number for the agency and year of the date, and says so', () => {
    const result = convert(textPage('source-line.txt'));
    expect(result.fields.indexNumber).toBe('449900-033/2023-00005');
    expect(result.notes).toContainEqual({ field: '索引号（indexNumber）', message: '页面上没有索引号，已生成 449900-033/2023-00005', check: false });
  });

  it('refuses a page whose index number is already in use', () => {
    const result = toReport(htmlPage('legacy-gbk.htm'), registries);
    expect(result.ok ? [] : result.errors).toEqual([expect.stringContaining('content/reports/2024/jyj-b.md')]);
  });

  it('refuses to generate an index number for an agency without code', () => {
    const result = toReport(textPage('bare-body.txt'), registries, { title: '标题', agency: agencies[4], column: columns.byId.get('jhzj') });
    expect(result.ok ? [] : result.errors).toEqual([expect.stringMatching(/code/)]);
  });

  it('ignores a 发布日期 it cannot read, saying so once', () => {
    const page = textPage('colon-lines.txt');
    const result = convert({ ...page, fields: { ...page.fields, published: '昨天下午' } });
    expect(result.fields.published).toBeUndefined();
    expect(result.fields.date).toBe('2022-07-15');
    expect(result.notes).toEqual([expect.objectContaining({ field: '发布日期（published）', message: expect.stringContaining('昨天下午') })]);
  });

  it('drops a 公开方式 the contract does not know, and says so', () => {
    const page = textPage('colon-lines.txt');
    const result = convert({ ...page, fields: { ...page.fields, disclosure: '不予公开' } });
    expect(result.fields.disclosure).toBeUndefined();
    expect(result.notes).toEqual([expect.objectContaining({ message: expect.stringContaining('不予公开') })]);
  });

  it('writes headings as ## and ###, and Markdown shows the text exactly as on the page', () => {
    const page = textPage('colon-lines.txt');
    const markdown = blocksToMarkdown(page);
    expect(markdown).toContain('\n\n## 一、开展的主要工作\n\n### (一)上路检查\n\n');
    const shown = renderMarkdown(markdown).text.split('\n');
    expect(shown).toContain('今年以来，我局按照<样例县农机安全生产三年行动方案>的部署，以“查隐患、保春耕”为重点，扎实开展农机安全生产工作。');
    expect(shown).toContain('联合交警部门在县道*3*条线路设卡检查，共检查拖拉机一百四十台次，纠正违法行为二十一起。');
    expect(shown).toEqual(texts(page));
  });
});
