/**
 * Reading the pages of the fixture mirror (tests/fixtures/import-mirror/,
 * written for these tests in the layouts of the CMSs portals run on):
 * encodings, titles, breadcrumbs, metadata, bodies without page chrome,
 * files, listings; and finding files in a mirror without leaving it.
 */
import { mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { buildColumnTree } from '../../src/lib/columns.ts';
import { parseYaml } from '../../src/lib/content/yaml.ts';
import { chooseColumn, crumbsNamingColumns } from '../../src/lib/importer/column-match.ts';
import { attachmentName, collectSources, resolveInMirror, sourceIdentity, type SourceFile } from '../../src/lib/importer/mirror.ts';
import type { ImportedPage } from '../../src/lib/importer/page.ts';
import { decodePage, readPageFile } from '../../src/lib/importer/read-page.ts';
import { blocksToMarkdown } from '../../src/lib/importer/to-report.ts';
import { leftoverChrome } from '../../src/lib/page-chrome.ts';
import { tempDir } from '../helpers/temp.ts';

const mirror = new URL('../fixtures/import-mirror/', import.meta.url).pathname.replace(/\/$/, '');
const read = (path: string) => readPageFile(readFileSync(join(mirror, path)), /\.s?html?$/.test(path));
function page(path: string): ImportedPage {
  const reading = read(path);
  if (!('page' in reading)) throw new Error(`${path}: ${reading.skipped}`);
  return reading.page;
}
const texts = (imported: ImportedPage) => imported.blocks.flatMap((block) => ('text' in block ? [block.text] : []));

const site = parseYaml(readFileSync(new URL('../fixtures/import-site/site.yaml', import.meta.url), 'utf8')).value as { columns: never[] };
const columns = buildColumnTree(site.columns);

interface Expected {
  title: string;
  breadcrumb: string[];
  fields: Partial<ImportedPage['fields']>;
  labels?: Partial<ImportedPage['labels']>;
  first: string;
  last: string;
  column: string;
}

/** What each article page of the mirror says, read off the page by hand. */
const ARTICLES: Record<string, Expected> = {
  'www.qinghe.example/art/2021/3/9/art_1201_5501.html': {
    title: '青禾区司法局2020年度法治政府建设工作报告',
    breadcrumb: ['首页', '政务公开', '法治政府建设'],
    fields: { indexNumber: '339950-012/2021-00017', category: '法治政府建设', agency: '青禾区司法局', date: '2021-03-09', docNumber: '青司〔2021〕5号', published: '2021-03-10 09:12', source: '青禾区司法局' },
    labels: { indexNumber: '索引号', category: '主题分类', date: '发文日期', published: '发布时间', source: '信息来源' },
    first: '2020年，区司法局在区委、区政府的领导下，以推进法治政府建设为主线，认真履行法治建设统筹协调职责，现将有关情况报告如下：',
    last: '继续推进行政执法“三项制度”落实，年内完成全区执法人员轮训，提升基层法治建设水平。',
    column: 'fzzfjs',
  },
  'www.qinghe.example/art/2022/1/20/art_1203_6021.html': {
    title: '青禾区统计局关于2021年全区规模以上工业生产情况的通报',
    breadcrumb: ['首页', '政务公开', '统计数据'],
    fields: { indexNumber: '339950-040/2022-00002', category: '统计信息', agency: '青禾区统计局', date: '2022-01-18', docNumber: '青统〔2022〕1号', published: '2022-01-20 16:05', validity: '有效' },
    labels: { indexNumber: '信息索引号', agency: '发文机关', date: '成文日期', published: '发布时间' },
    first: '2021年，全区规模以上工业企业克服原材料价格上涨等不利因素，生产总体平稳。现将有关情况通报如下。',
    last: '加强对重点企业的监测服务，及时反映生产经营中的困难和问题。',
    column: 'tjsj',
  },
  'www.qinghe.example/xxgk/gzzj/202203/t20220315_12345.html': {
    title: '青禾区民政局2021年工作总结和2022年工作思路',
    breadcrumb: ['首页', '信息公开', '法定主动公开内容', '工作总结'],
    fields: { indexNumber: '339950-035/2022-00011', category: '计划总结', agency: '青禾区民政局', date: '2022-03-14', published: '2022-03-15', source: '区民政局', disclosure: '主动公开', scope: '面向全社会' },
    first: '2021年，区民政局坚持以人民为中心，聚焦兜底保障、养老服务和基层治理，各项工作取得新进展。',
    last: '3.深化婚姻登记“跨省通办”，提升便民服务水平。',
    column: 'xxgk-gzzj',
  },
  'www.qinghe.example/zwgk/ghjh/201702/t20170209_2002.html': {
    title: '城关街道2017年工作要点',
    breadcrumb: ['首页', '政务公开', '规划计划'],
    fields: { published: '2017-02-09', source: '城关街道' },
    labels: { published: '发布日期' },
    first: '2017年是实施“十三五”规划的重要一年。街道工作的总体要求是：稳增长、优环境、惠民生，扎实推进各项工作。',
    last: '新建社区卫生服务站一个，开展就业技能培训四百人次，做好困难群众帮扶工作。',
    column: 'ghjh',
  },
  'xxgk.qinghe.example/sfj/202104/t20210402_4321.shtml': {
    title: '青禾区司法局2020年工作总结',
    breadcrumb: ['首页', '信息公开', '部门信息', '区司法局', '工作总结'],
    fields: { indexNumber: '339950-012/2021-00009', category: '计划总结', agency: '青禾区司法局', date: '2021-04-02', validity: '有效', disclosure: '主动公开', scope: '面向全社会' },
    first: '2020年，区司法局围绕中心、服务大局，在疫情防控和法治建设中较好地履行了职责。',
    last: '在册社区矫正对象全部纳入信息化监管，全年无脱管漏管。',
    column: 'xxgk-gzzj',
  },
  'xxgk.qinghe.example/mzj/202302/t20230220_5678.shtml': {
    title: '青禾区民政局关于调整城乡居民最低生活保障标准的通知',
    breadcrumb: ['首页', '信息公开', '法定主动公开内容', '通知公告'],
    fields: { indexNumber: '339950-035/2023-00004', agency: '区民政局', date: '2023-02-20', published: '2023-02-21', docNumber: '青民〔2023〕3号', validity: '失效' },
    first: '经区人民政府同意，自2023年1月1日起，全区城乡居民最低生活保障标准统一调整为每人每月九百八十元。',
    last: '请各街道（镇）做好政策宣传和资金发放工作。',
    column: 'tzgg',
  },
  'www.qinghe.example/info/1052/2345.htm': {
    title: '青禾区教育局2020年秋季开学工作总结',
    breadcrumb: ['首页', '政务公开', '工作总结', '正文'],
    fields: { published: '2020-09-18 10:21', source: '区教育局', editor: '周敏' },
    labels: { editor: '作者' },
    first: '今年秋季开学，全区中小学、幼儿园共有在校学生四万二千余人，开学工作平稳有序。',
    last: '继续抓好校园安全和常态化疫情防控，推进“双减”政策落地。',
    column: 'gzzj',
  },
  'www.qinghe.example/info/1053/2400.htm': {
    title: '《青禾区养老服务补贴办法》政策解读',
    breadcrumb: ['首页', '政务公开', '政策解读', '正文'],
    fields: { published: '2020-11-06 15:40', source: '区民政局' },
    labels: { published: '标题下未标注的日期' },
    first: '近日，《青禾区养老服务补贴办法》（以下简称《办法》）正式印发。现就有关内容解读如下。',
    last: '3、区民政局按月发放补贴。',
    column: 'zcjd',
  },
  'www.qinghe.example/zwgk/content.asp@id=88.html': {
    title: '2018年青禾区国民经济和社会发展统计公报',
    breadcrumb: ['首页', '政务公开', '统计数据'],
    fields: { published: '2019-06-12' },
    first: '2018年，全区经济运行总体平稳，稳中有进。',
    last: '注：本公报部分数据为初步统计数，合计数因四舍五入略有差异。',
    column: 'tjsj',
  },
  'www.qinghe.example/zwgk/content.asp@id=91.html': {
    title: '关于印发《青禾区2019年政务公开工作要点》的通知',
    breadcrumb: [],
    fields: { docNumber: '青政办发〔2019〕12号', agency: '青禾区人民政府办公室', date: '2019-04-15', columnName: '通知公告' },
    first: '《青禾区2019年政务公开工作要点》已经区政府同意，现印发给你们，请认真贯彻执行。',
    last: '（此件公开发布）',
    column: 'tzgg',
  },
  'saved/青禾区司法局关于2022年度法治政府建设情况的报告.html': {
    title: '青禾区司法局关于2022年度法治政府建设情况的报告',
    breadcrumb: ['首页', '政务公开', '法治政府建设'],
    fields: { published: '2023-02-10 10:30', source: '青禾区司法局' },
    first: '2022年，我局以法治政府建设示范创建为抓手，各项工作取得新成效。现将有关情况报告如下：',
    last: '继续推进法治政府建设示范创建，补齐基层法治建设短板。',
    column: 'fzzfjs',
  },
  'copied/区教育局2018年工作总结.txt': {
    title: '青禾区教育局2018年工作总结',
    breadcrumb: ['首页', '信息公开', '法定主动公开内容', '工作总结'],
    fields: { indexNumber: '339950-021/2018-00042', category: '计划总结', agency: '青禾区教育局', date: '2018-11-30', published: '2018-12-03 08:50', disclosure: '主动公开', scope: '面向全社会' },
    first: '2018年，区教育局围绕“办人民满意的教育”目标，推进学前教育普惠发展和义务教育优质均衡，各项工作稳步推进。',
    last: '继续扩大优质教育资源供给，推进智慧校园建设。',
    column: 'xxgk-gzzj',
  },
  'copied/民政局救助工作情况.txt': {
    title: '青禾区民政局2016年社会救助工作情况',
    breadcrumb: ['首页', '政务公开', '工作总结'],
    fields: { agency: '青禾区民政局', date: '2016-12-05' },
    first: '2016年，区民政局全面落实最低生活保障、特困人员供养和临时救助制度，困难群众基本生活得到有效保障。',
    last: '部分社区对救助政策宣传不够，个别家庭经济状况核对还不够及时。',
    column: 'gzzj',
  },
  'copied/农业农村局春耕计划.txt': {
    title: '青禾区农业农村局2019年春耕生产工作计划',
    breadcrumb: ['首页', '政务公开', '规划计划'],
    fields: { published: '2019-04-02 15:30', source: '区农业农村局' },
    first: '为做好2019年春耕生产，确保粮食播种面积稳定，制定本计划。',
    last: '加强组织领导，落实工作责任，确保各项任务按时完成。',
    column: 'ghjh',
  },
};

describe('every article page of the fixture mirror', () => {
  for (const [path, expected] of Object.entries(ARTICLES)) {
    describe(path, () => {
      const imported = page(path);

      it('has the article’s title, not the banner’s or <title>’s', () => {
        expect(imported.title).toBe(expected.title);
      });

      it('has its breadcrumb, its metadata and the label each came from', () => {
        expect(imported.breadcrumb).toEqual(expected.breadcrumb);
        expect(imported.fields).toMatchObject(expected.fields);
        if (expected.labels) expect(imported.labels).toMatchObject(expected.labels);
      });

      it('is filed under the right column', () => {
        const choice = chooseColumn(columns, crumbsNamingColumns(imported.breadcrumb.length > 0 ? imported.breadcrumb : [imported.fields.columnName!], imported.title), undefined);
        expect(choice.column?.id).toBe(expected.column);
        expect('note' in choice ? choice.note : undefined).toBeUndefined();
      });

      it('has a body from its first to its last paragraph, with no page chrome', () => {
        const lines = texts(imported);
        expect(lines[0]).toBe(expected.first);
        expect(lines.at(-1)).toBe(expected.last);
        for (const line of lines) expect(leftoverChrome(line), line).toBeUndefined();
        expect(lines.join('\n')).not.toMatch(/当前位置|您的位置|欢迎访问|阅读次数|浏览次数|点击数|打印|关闭|分享|字体|上一篇|下一篇|相关链接|相关文章|扫一扫|主办|版权所有|ICP|网站标识码|Copyright|附件/);
      });
    });
  }
});

describe('what the pages hold besides text', () => {
  it('reads 主送 and 落款, in Arabic and Chinese numerals', () => {
    const hanweb = page('www.qinghe.example/art/2021/3/9/art_1201_5501.html');
    expect(hanweb.addressee).toBe('区委、区人民政府：');
    expect(hanweb.signature).toEqual({ org: '青禾区司法局', date: '2021-03-09' });
    expect(page('www.qinghe.example/info/1053/2400.htm').signature).toEqual({ org: '青禾区民政局', date: '2020-11-06' });
    expect(page('xxgk.qinghe.example/mzj/202302/t20230220_5678.shtml').addressee).toBe('各街道（镇）：');
  });

  it('lists attachments linked in the text and after it, by link, whether or not they are in the mirror', () => {
    expect(page('www.qinghe.example/art/2021/3/9/art_1201_5501.html').attachments).toEqual([{ href: '/attach/0/2021/P020210309553112.pdf', text: '2020年度法治政府建设考核得分表.pdf' }]);
    expect(page('www.qinghe.example/xxgk/gzzj/202203/t20220315_12345.html').attachments.map((file) => file.text)).toEqual(['1.2021年民政工作台账.xlsx', '2.2022年重点工作任务分解表.docx']);
    expect(page('www.qinghe.example/info/1052/2345.htm').attachments).toEqual([
      { href: '/system/_content/download.jsp?urltype=news.DownloadAttachUrl&owner=1234567&wbfileid=8901', text: '2020年秋季学期各校开学检查情况表.xls' },
    ]);
  });

  it('keeps images of the text where they stood, not logos, icons or QR codes', () => {
    const hanweb = page('www.qinghe.example/art/2021/3/9/art_1201_5501.html');
    expect(hanweb.images).toEqual([{ href: '/picture/0/2021/fzxc.png', text: '法治宣传进社区活动现场' }]);
    expect(hanweb.blocks.findIndex((block) => block.kind === 'image')).toBe(hanweb.blocks.findIndex((block) => 'text' in block && block.text === '（三）深化法治宣传教育') - 1);
    expect(page('xxgk.qinghe.example/sfj/202104/t20210402_4321.shtml').images).toEqual([]);
  });

  it('keeps data tables as plain HTML with their spans, and reads metadata tables as metadata', () => {
    const statistics = page('www.qinghe.example/art/2022/1/20/art_1203_6021.html');
    expect(statistics.tables).toHaveLength(1);
    expect(statistics.tables[0]).toContain('<tr><th rowspan="2">行业</th><th colspan="2">工业增加值</th></tr>');
    expect(statistics.tables[0]).not.toMatch(/border|cellspacing|style/);
    const markdown = blocksToMarkdown(statistics);
    expect(markdown).toContain('## 一、总体情况\n\n全年规模以上工业增加值比上年增长百分之六点二，其中十二月当月增长百分之五点八。\n\n<table>');
    expect(markdown).toContain('1. 新动能加快成长。');
    expect(page('www.qinghe.example/zwgk/content.asp@id=88.html').tables[0]).toContain('<td colspan="3">2018年地区生产总值构成</td>');
  });

  it('reads （一）…。 points that follow one another as paragraphs, and a （一） heading as a heading', () => {
    const points = page('www.qinghe.example/info/1053/2400.htm');
    expect(points.blocks).toContainEqual({ kind: 'paragraph', text: '（一）八十至八十九周岁老年人每人每月五十元。' });
    expect(page('www.qinghe.example/art/2021/3/9/art_1201_5501.html').blocks).toContainEqual({ kind: 'subsection', text: '（一）健全依法决策机制' });
  });

  it('knows where each page was on the web', () => {
    expect(page('www.qinghe.example/art/2021/3/9/art_1201_5501.html').url).toBe('http://www.qinghe.example/art/2021/3/9/art_1201_5501.html');
    expect(page('www.qinghe.example/xxgk/gzzj/202203/t20220315_12345.html').url).toBe('http://www.qinghe.example/xxgk/gzzj/202203/t20220315_12345.html');
    expect(page('saved/青禾区司法局关于2022年度法治政府建设情况的报告.html').url).toBe('http://www.qinghe.example/art/2023/2/10/art_1201_7001.html');
  });
});

describe('pages that are not documents', () => {
  it('skips listing pages, saying how many links and whether they page', () => {
    const hanweb = read('www.qinghe.example/col/col1201/index.html');
    expect(hanweb).toMatchObject({ skipped: expect.stringMatching(/^列表页：12 个文件链接，有分页（共3页）/) });
    expect(read('www.qinghe.example/xxgk/gzzj/index.html')).toMatchObject({ skipped: expect.stringMatching(/^列表页/) });
    expect(read('www.qinghe.example/index.html')).toMatchObject({ skipped: expect.stringMatching(/^列表页/) });
  });

  it('skips a copied listing of titles and dates, and files with no Chinese', () => {
    const listing = Array.from({ length: 10 }, (_, i) => `青禾区民政局2021年${i + 1}月社会救助资金发放情况 2021-${String(i + 1).padStart(2, '0')}-10`).join('\n');
    expect(readPageFile(Buffer.from(`当前位置：首页 > 工作总结\n${listing}\n共2页 下一页`), false)).toMatchObject({ skipped: expect.stringMatching(/^列表页：10 行/) });
    expect(read('www.qinghe.example/robots.txt')).toMatchObject({ skipped: '不是文件页面：没有中文内容' });
  });

  it('skips redirects, frames, error pages and pages without text', () => {
    expect(readPageFile(Buffer.from('<html><head><meta http-equiv="refresh" content="0;url=/new/"></head><body>正在跳转</body></html>'), true)).toMatchObject({ skipped: expect.stringContaining('跳转') });
    expect(readPageFile(Buffer.from('<html><frameset><frame src="a.html"></frameset></html>'), true)).toMatchObject({ skipped: expect.stringContaining('框架') });
    expect(readPageFile(Buffer.from('<html><head><title>404 页面不存在</title></head><body>您访问的页面不存在</body></html>'), true)).toMatchObject({ skipped: expect.stringContaining('404') });
    expect(readPageFile(Buffer.from('<html><body><h1>青禾区民政局公告</h1><p>暂无内容</p></body></html>'), true)).toMatchObject({ skipped: expect.stringContaining('没有正文') });
  });
});

describe('encodings', () => {
  const article = '<p>全区城乡居民最低生活保障标准统一调整为每人每月九百八十元，特困人员基本生活标准同步调整。</p>';
  const gbk = (html: string) => iconv.encode(html, 'gbk');

  it('honours <meta charset> and the http-equiv form', () => {
    expect(decodePage(gbk(`<meta charset="gbk">${article}`), true)).toMatchObject({ ok: true, encoding: 'GBK', text: expect.stringContaining('九百八十元') });
    expect(decodePage(gbk(`<meta http-equiv="Content-Type" content="text/html; charset=gb2312">${article}`), true)).toMatchObject({ ok: true, encoding: 'GBK' });
    expect(decodePage(iconv.encode(`<meta charset="gb18030">${article}`, 'gb18030'), true)).toMatchObject({ ok: true, encoding: 'gb18030' });
    expect(read('www.qinghe.example/art/2022/1/20/art_1203_6021.html')).toMatchObject({ encoding: 'GBK' });
  });

  it('finds the charset after long comments and scripts, as browsers do', () => {
    const late = `<!-- ${'模板说明 '.repeat(300)} --><script>${'var a = 1;'.repeat(200)}</script><meta charset="gbk">${article}`;
    expect(decodePage(gbk(late), true)).toMatchObject({ ok: true, encoding: 'GBK', text: expect.stringContaining('九百八十元') });
  });

  it('reads a page saved in UTF-8 under an old gb2312 declaration as UTF-8, and says so', () => {
    const decoded = decodePage(Buffer.from(`<meta charset="gb2312">${article}`), true);
    expect(decoded).toMatchObject({ ok: true, encoding: 'UTF-8', note: expect.stringContaining('声明编码为 GBK') });
    expect(decoded.ok && decoded.text).toContain('九百八十元');
  });

  it('detects GBK under a declaration that cannot hold Chinese, and without one', () => {
    expect(decodePage(gbk(`<meta charset="iso-8859-1">${article}`), true)).toMatchObject({ ok: true, encoding: 'GBK', note: expect.stringContaining('windows-1252') });
    expect(decodePage(gbk(article), true)).toMatchObject({ ok: true, encoding: 'GBK' });
  });

  it('refuses rather than writes mojibake: Big5 declared as GBK, and Big5 without a declaration', () => {
    const traditional = '<p>本區城鄉居民最低生活保障標準統一調整為每人每月九百八十元，特困人員基本生活標準同步調整。社區服務中心開放時間為每週一至週五。</p>';
    expect(decodePage(iconv.encode(`<meta charset="gbk">${traditional}`, 'big5'), true)).toMatchObject({ ok: false, reason: expect.stringContaining('Big5') });
    expect(read('www.qinghe.example/old/notice-big5.htm')).toMatchObject({ skipped: expect.stringContaining('无法识别文件编码') });
  });

  it('reads text copies saved by Notepad as GBK (“ANSI”) and UTF-16 (“Unicode”)', () => {
    expect(read('copied/民政局救助工作情况.txt')).toMatchObject({ encoding: 'GBK' });
    expect(read('copied/农业农村局春耕计划.txt')).toMatchObject({ encoding: 'UTF-16LE' });
  });
});

describe('matching a breadcrumb to the column tree', () => {
  it('matches the full path first, telling apart columns of the same title', () => {
    expect(chooseColumn(columns, ['信息公开', '法定主动公开内容', '工作总结'], undefined).column?.id).toBe('xxgk-gzzj');
    expect(chooseColumn(columns, ['政务公开', '工作总结'], undefined).column?.id).toBe('gzzj');
  });

  it('then the deepest crumb, settled by a parent the trail names', () => {
    expect(chooseColumn(columns, ['信息公开', '部门信息', '区司法局', '工作总结'], undefined).column?.id).toBe('xxgk-gzzj');
  });

  it('asks for --column when a title is shared and nothing settles it, naming both columns', () => {
    const choice = chooseColumn(columns, ['部门信息', '工作总结'], undefined);
    expect(choice.column).toBeUndefined();
    expect('reason' in choice && choice.reason).toBe('当前位置“工作总结”对应多个同名栏目：gzzj（政务公开 > 工作总结）、xxgk-gzzj（信息公开 > 法定主动公开内容 > 工作总结）');
    expect(chooseColumn(columns, ['部门信息', '工作总结'], columns.byId.get('gzzj')).column?.id).toBe('gzzj');
  });

  it('leaves out 首页, 正文 and the page’s own title, even cut short', () => {
    expect(crumbsNamingColumns(['首页', '政务公开', '规划计划', '城关街道2017年工作…'], '城关街道2017年工作要点')).toEqual(['政务公开', '规划计划']);
  });
});

describe('files in a mirror', () => {
  it('are the pages of every folder below, not the resources of saved pages or hidden folders', async () => {
    const { files, problems } = await collectSources([mirror]);
    expect(problems).toEqual([]);
    const paths = files.map((file) => file.relative);
    expect(paths).toHaveLength(20);
    expect(paths).toContain('www.qinghe.example/robots.txt');
    expect(paths.some((path) => path.includes('_files/'))).toBe(false);
    expect(paths).not.toContain('README.md');
    expect(files.find((file) => file.relative.endsWith('.shtml'))?.html).toBe(true);
    expect(files.find((file) => file.relative.endsWith('.txt'))?.html).toBe(false);
  });

  it('are copied under names a Windows server can store, which the check accepts', () => {
    expect(attachmentName('/m/files/CON.pdf')).toBe('CON-file.pdf');
    expect(attachmentName('/m/files/nul.doc')).toBe('nul-file.doc');
    expect(attachmentName('/m/files/console.pdf')).toBe('console.pdf');
  });

  it('explain what they cannot import', async () => {
    const { problems } = await collectSources([join(mirror, 'README.md'), join(mirror, 'nowhere')]);
    expect(problems.map((problem) => problem.reason)).toEqual(['只能导入 .html、.htm、.shtml 或 .txt 文件，或包含它们的文件夹', '找不到这个文件或文件夹']);
  });

  const source = (relative: string): SourceFile => ({ path: join(mirror, relative), root: mirror, relative, html: true });

  it('resolve links relative to the page, to its site’s root, to its host and to saved query strings', () => {
    const hanweb = source('www.qinghe.example/art/2021/3/9/art_1201_5501.html');
    expect(resolveInMirror(hanweb, '/attach/0/2021/P020210309553112.pdf')).toBe(join(mirror, 'www.qinghe.example/attach/0/2021/P020210309553112.pdf'));
    expect(resolveInMirror(hanweb, 'http://www.qinghe.example/attach/0/2021/P020210309553112.pdf#page=2')).toBe(join(mirror, 'www.qinghe.example/attach/0/2021/P020210309553112.pdf'));
    expect(resolveInMirror(hanweb, '../../../../picture/0/2021/fzxc.png')).toBe(join(mirror, 'www.qinghe.example/picture/0/2021/fzxc.png'));
    expect(resolveInMirror(hanweb, '/zwgk/content.asp?id=91.html')).toBe(join(mirror, 'www.qinghe.example/zwgk/content.asp@id=91.html'));
    expect(resolveInMirror(hanweb, 'http://www.elsewhere.example/attach/0/2021/P020210309553112.pdf')).toBeUndefined();
    expect(resolveInMirror(hanweb, '/attach/0/2021/missing.pdf')).toBeUndefined();
  });

  it('never leave the folder imported, by .. or by a symbolic link', () => {
    const root = tempDir('mirror-escape');
    mkdirSync(join(root, 'site', 'a'), { recursive: true });
    writeFileSync(join(root, 'secret.pdf'), 'outside');
    symlinkSync(join(root, 'secret.pdf'), join(root, 'site', 'a', 'link.pdf'));
    const inside: SourceFile = { path: join(root, 'site', 'a', 'page.html'), root: join(root, 'site'), relative: 'a/page.html', html: true };
    expect(resolveInMirror(inside, '../../secret.pdf')).toBeUndefined();
    expect(resolveInMirror(inside, '/../secret.pdf')).toBeUndefined();
    expect(resolveInMirror(inside, 'link.pdf')).toBeUndefined();
  });

  it('give each page an identity: its address, else its place in a wget mirror, else its path', () => {
    expect(sourceIdentity(source('www.qinghe.example/info/1052/2345.htm'), undefined)).toBe('http://www.qinghe.example/info/1052/2345.htm');
    expect(sourceIdentity({ ...source('copied/a.txt'), html: false }, undefined)).toBe('copied/a.txt');
    expect(sourceIdentity(source('saved/a.html'), 'http://www.qinghe.example/a.html')).toBe('http://www.qinghe.example/a.html');
  });
});

describe('numbered points as Markdown lists', () => {
  it('become a list only when numbered 1, 2, 3 … so that no number changes', () => {
    const tables: string[] = [];
    const items = (numbers: number[]) => numbers.map((n) => ({ kind: 'item' as const, text: `${n}.第${n}项工作。` }));
    expect(blocksToMarkdown({ blocks: items([1, 2, 3]), tables, images: [] })).toBe('1. 第1项工作。\n\n2. 第2项工作。\n\n3. 第3项工作。');
    expect(blocksToMarkdown({ blocks: items([1, 2, 4]), tables, images: [] })).toBe('1\\.第1项工作。\n\n2\\.第2项工作。\n\n4\\.第4项工作。');
  });
});
