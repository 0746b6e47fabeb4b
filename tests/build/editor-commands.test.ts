/**
 * npm run new and npm run import, run as editors run them, against copies of
 * the fixture portal (and of tests/fixtures/import-site for the fixture
 * mirror of an old portal); every file they write must pass npm run check.
 * Scripts only: nothing here builds a site.
 */
import { appendFileSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { splitFrontMatter } from '../../src/lib/content/source.ts';
import { parseYaml } from '../../src/lib/content/yaml.ts';
import { beforeAll, describe, expect, it } from 'vitest';
import { copyFixture, reportSource, writeContentFile } from '../helpers/fixture-site.ts';
import { projectRoot, runScript, type RunResult } from '../helpers/run.ts';
import { tempDir } from '../helpers/temp.ts';
import { treeHash } from '../helpers/tree-hash.ts';

const importFixture = (name: string) => join(projectRoot, 'tests', 'fixtures', 'import', name);

function reportFiles(contentDir: string): string[] {
  return (readdirSync(join(contentDir, 'reports'), { recursive: true }) as string[]).filter((file) => file.endsWith('.md')).sort();
}

/** The highest serial in use for `<prefix>/<year>-…`, read straight from the files (the index-number line is ASCII whatever the encoding). */
function highestSerial(contentDir: string, prefix: string, year: number): number {
  let highest = 0;
  for (const file of reportFiles(contentDir)) {
    const match = /^indexNumber:\s*(\S+)\s*$/m.exec(readFileSync(join(contentDir, 'reports', file), 'latin1'));
    const [filePrefix, rest] = match?.[1]?.split('/') ?? [];
    if (filePrefix === prefix && rest?.startsWith(`${year}-`)) highest = Math.max(highest, Number(rest.slice(5)));
  }
  return highest;
}

const serial = (value: number) => String(value).padStart(5, '0');
const beijingToday = () => new Date(Date.now() + 8 * 3600e3).toISOString().slice(0, 10);

function expectCheckPasses(contentDir: string): void {
  const check = runScript('check', ['--content', contentDir]);
  expect(check.code, check.output).toBe(0);
}

describe('npm run new', () => {
  it('writes a report with the next free index number that passes the check', () => {
    const contentDir = copyFixture('portal');
    const expected = `449900-021/2020-${serial(highestSerial(contentDir, '449900-021', 2020) + 1)}`;
    const result = runScript('new', ['--agency', 'jyj', '--column', 'jhzj', '--title', '样例县教育局2020年下半年工作安排', '--date', '2020-06-01', '--content', contentDir]);
    expect(result.code, result.output).toBe(0);
    const file = join(contentDir, 'reports', '2020', `jyj-20200601-${expected.slice(-5)}.md`);
    expect(existsSync(file)).toBe(true);
    expect(result.stdout).toContain(`jyj-20200601-${expected.slice(-5)}.md`);
    expect(result.stdout).toContain(expected);
    const text = readFileSync(file, 'utf8');
    expect(text).toMatch(/^title: 样例县教育局2020年下半年工作安排$/m);
    expect(text).toMatch(new RegExp(`^indexNumber: ${expected}$`, 'm'));
    expect(text).toMatch(/^agency: jyj$/m);
    expect(text).toMatch(/^column: jhzj$/m);
    expect(text).toMatch(/^date: 2020-06-01$/m);
    expect(text).toMatch(/^# signature:/m);
    expect(text).toContain('\n## 一、');
    expect(text).toContain('\n### （一）');
    expectCheckPasses(contentDir);
  });

  it('dates the report today in Beijing unless told otherwise', () => {
    const contentDir = copyFixture('portal');
    const existing = reportFiles(contentDir);
    const before = beijingToday();
    const result = runScript('new', ['--agency', '样例县卫生健康局', '--column', 'fzzfjs', '--title', '今天新建的文件', '--content', contentDir], { TZ: 'Pacific/Honolulu' });
    const after = beijingToday();
    expect(result.code, result.output).toBe(0);
    const [written] = reportFiles(contentDir).filter((file) => !existing.includes(file));
    const date = /^date: (\S+)$/m.exec(readFileSync(join(contentDir, 'reports', written!), 'utf8'))?.[1];
    expect([before, after]).toContain(date);
    expect(written!.startsWith(`${date!.slice(0, 4)}/wjw-${date!.replaceAll('-', '')}-`)).toBe(true);
    expectCheckPasses(contentDir);
  });

  it('refuses an unknown agency, suggesting the nearest and listing the rest', () => {
    const contentDir = copyFixture('portal');
    const before = reportFiles(contentDir);
    const result = runScript('new', ['--agency', 'jyjj', '--column', 'jhzj', '--title', '标题', '--content', contentDir]);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('发布机构（--agency）“jyjj” 不在 agencies.yaml 中');
    expect(result.stderr).toContain('是不是 jyj');
    expect(result.stderr).toContain('nyj（样例县农业农村局）');
    expect(result.stderr).not.toMatch(/\n\s+at /);
    expect(reportFiles(contentDir)).toEqual(before);
  });

  it('refuses an unknown column, suggesting the nearest', () => {
    const contentDir = copyFixture('portal');
    const result = runScript('new', ['--agency', 'jyj', '--column', 'fzzfj', '--title', '标题', '--content', contentDir]);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('栏目（--column）“fzzfj”');
    expect(result.stderr).toContain('是不是 fzzfjs');
  });

  it('shows the usage when a required flag is missing', () => {
    const result = runScript('new', ['--agency', 'jyj', '--title', '标题']);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('缺少 --column');
    expect(result.stderr).toContain('用法：npm run new');
  });

  it('asks for a code in agencies.yaml, or --index-number, for an agency without one', () => {
    const contentDir = copyFixture('portal');
    appendFileSync(join(contentDir, 'agencies.yaml'), '- id: tjj\n  name: 样例县统计局\n');
    const refused = runScript('new', ['--agency', 'tjj', '--column', 'jhzj', '--title', '统计局的文件', '--date', '2020-06-01', '--content', contentDir]);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('没有索引号前缀（code）');
    expect(refused.stderr).toContain('--index-number');
    const given = runScript('new', ['--agency', 'tjj', '--column', 'jhzj', '--title', '统计局的文件', '--date', '2020-06-01', '--index-number', '449900-099/2020-00001', '--content', contentDir]);
    expect(given.code, given.output).toBe(0);
    expectCheckPasses(contentDir);
  });

  it('never overwrites a file', () => {
    const contentDir = copyFixture('portal');
    const args = ['--agency', 'jyj', '--column', 'jhzj', '--date', '2020-06-01', '--slug', 'jyj-anpai', '--content', contentDir];
    expect(runScript('new', [...args, '--title', '第一份']).code).toBe(0);
    const second = runScript('new', [...args, '--title', '第二份']);
    expect(second.code).toBe(1);
    expect(second.stderr).toContain('已经存在');
    expect(readFileSync(join(contentDir, 'reports', '2020', 'jyj-anpai.md'), 'utf8')).toContain('title: 第一份');
  });

  it('still numbers correctly when another report has errors', () => {
    const contentDir = copyFixture('portal');
    writeContentFile(
      contentDir,
      'reports/2020/broken.md',
      reportSource({ title: '日期写错的文件', indexNumber: '449900-021/2020-00009', agency: 'jyj', column: 'jhzj', date: '2020-02-30' }),
    );
    const result = runScript('new', ['--agency', 'jyj', '--column', 'jhzj', '--title', '标题', '--date', '2020-06-01', '--content', contentDir]);
    expect(result.code, result.output).toBe(0);
    expect(result.stdout).toContain('449900-021/2020-00010');
  });
});

describe('npm run import, one page at a time', () => {
  const cases = [
    { file: 'article.html', args: [], written: 'reports/2023/样例县乡村道路养护办法政策解读.md', indexNumber: '449900-000/2023-00021', notes: [] },
    { file: 'legacy-gbk.htm', args: [], written: 'reports/2024/做好2024年春季开学工作的通知.md', indexNumber: '449900-021/2024-00006', notes: [] },
    { file: 'colon-lines.txt', args: [], written: 'reports/2022/2022年上半年农机安全生产工作的总结.md', indexNumber: '449900-040/2022-00017', notes: [] },
    {
      file: 'source-line.txt',
      args: [],
      written: 'reports/2023/2022年度法治政府建设情况报告.md',
      generated: { prefix: '449900-033', year: 2023 },
      notes: ['发布机构（agency）', '发文日期（date）', '索引号（indexNumber）'],
    },
    {
      file: 'pipe-table.txt',
      args: ['--title', '样例县教育局2020年工作情况报告', '--column', 'jhzj'],
      written: 'reports/2021/2020年工作情况报告.md',
      indexNumber: '449900-021/2021-00031',
      notes: ['标题（title）', '栏目（column）'],
    },
    {
      file: 'bare-body.txt',
      args: ['--title', '样例县教育局2022年度学校安全工作情况报告', '--agency', 'jyj', '--column', 'jhzj'],
      written: 'reports/2023/2022年度学校安全工作情况报告.md',
      generated: { prefix: '449900-021', year: 2023 },
      notes: ['标题（title）', '栏目（column）', '发布机构（agency）', '发文日期（date）', '索引号（indexNumber）'],
    },
  ];

  for (const { file, args, written, notes, ...expected } of cases) {
    it(`imports ${file} into a report named after its title that passes the check, saying which fields it filled in`, () => {
      const contentDir = copyFixture('portal');
      const { generated } = expected as { generated?: { prefix: string; year: number } };
      const indexNumber = generated
        ? `${generated.prefix}/${generated.year}-${serial(highestSerial(contentDir, generated.prefix, generated.year) + 1)}`
        : (expected as { indexNumber: string }).indexNumber;
      const result = runScript('import', [importFixture(file), ...args, '--content', contentDir, '--log', join(contentDir, '..', 'import-log.json')]);
      expect(result.code, result.output).toBe(0);
      expect(result.stdout).toMatch(new RegExp(`^已导入：.*${file.replace('.', '\\.')} → .*${written}$`, 'm'));
      expect(readFileSync(join(contentDir, written), 'utf8')).toMatch(new RegExp(`^indexNumber: ${indexNumber}$`, 'm'));
      for (const note of notes) expect(result.stdout).toMatch(new RegExp(`^  ${note.replace(/[()（）]/g, '\\$&')}：`, 'm'));
      expect(result.stdout.split('\n').filter((line) => /^ {2}\S+（[a-zA-Z]+）：/.test(line))).toHaveLength(notes.length);
      if ('generated' in expected) expect(result.stdout).toContain(`已生成 ${indexNumber}`);
      expectCheckPasses(contentDir);
    });
  }

  it('refuses a page whose column it cannot determine, writes nothing, and says which field needs attention', () => {
    const contentDir = copyFixture('portal');
    const before = reportFiles(contentDir);
    const result = runScript('import', [importFixture('pipe-table.txt'), '--title', '标题', '--content', contentDir, '--log', join(contentDir, '..', 'log.json')]);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('无法确定栏目（column）');
    expect(result.stderr).toContain('--column');
    expect(result.stdout).toContain('需要处理 1 篇（没有导入），问题在：栏目（column） 1 篇');
    expect(reportFiles(contentDir)).toEqual(before);
  });

  it('skips a page already imported, and imports the others of the same run', () => {
    const contentDir = copyFixture('portal');
    const log = ['--log', join(contentDir, '..', 'log.json')];
    expect(runScript('import', [importFixture('colon-lines.txt'), '--content', contentDir, ...log]).code).toBe(0);
    const again = runScript('import', [importFixture('colon-lines.txt'), importFixture('article.html'), '--content', contentDir, ...log]);
    expect(again.code, again.output).toBe(0);
    expect(again.stdout).toMatch(/^跳过：.*colon-lines\.txt：已导入过：.*2022年上半年农机安全生产工作的总结\.md$/m);
    expect(again.stdout).toContain('样例县乡村道路养护办法政策解读.md');
    expect(reportFiles(contentDir).filter((file) => file.includes('农机安全生产'))).toHaveLength(1);
    expectCheckPasses(contentDir);
  });

  it('refuses a page whose index number another document already uses', () => {
    const contentDir = copyFixture('portal');
    writeContentFile(
      contentDir,
      'reports/2022/other.md',
      reportSource({ title: '另一份文件', indexNumber: '449900-040/2022-00017', agency: 'nyj', column: 'jhzj', date: '2022-07-15' }),
    );
    const result = runScript('import', [importFixture('colon-lines.txt'), '--content', contentDir, '--log', join(contentDir, '..', 'log.json')]);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('索引号（indexNumber）“449900-040/2022-00017” 已被');
    expect(result.stderr).toContain('reports/2022/other.md');
  });
});

/** Front matter and body of a written report. */
function readReport(path: string): { data: Record<string, unknown>; body: string } {
  const { frontMatter, body } = splitFrontMatter(readFileSync(path, 'utf8'));
  return { data: parseYaml(frontMatter ?? '').value as Record<string, unknown>, body };
}

const MIRROR = join(projectRoot, 'tests', 'fixtures', 'import-mirror');

/** Each article page of the fixture mirror → the report it becomes (checked against the page by hand). */
const MIRROR_REPORTS: Record<string, { file: string; fields: Record<string, unknown>; attachments?: string[]; missing?: string[]; body: string[] }> = {
  'www.qinghe.example/art/2021/3/9/art_1201_5501.html': {
    file: '2021/2020年度法治政府建设工作报告.md',
    fields: { title: '青禾区司法局2020年度法治政府建设工作报告', indexNumber: '339950-012/2021-00017', agency: 'sfj', column: 'fzzfjs', date: '2021-03-09', published: '2021-03-10 09:12', docNumber: '青司〔2021〕5号', addressee: '区委、区人民政府：', importedFrom: 'http://www.qinghe.example/art/2021/3/9/art_1201_5501.html' },
    attachments: ['2021/2020年度法治政府建设工作报告/P020210309553112.pdf'],
    body: ['## 一、主要工作和成效', '### （一）健全依法决策机制', '![法治宣传进社区活动现场](</attachments/2021/2020年度法治政府建设工作报告/fzxc.png>)'],
  },
  'www.qinghe.example/art/2022/1/20/art_1203_6021.html': {
    file: '2022/2021年全区规模以上工业生产情况的通报.md',
    fields: { title: '青禾区统计局关于2021年全区规模以上工业生产情况的通报', indexNumber: '339950-040/2022-00002', agency: 'tjj', column: 'tjsj', date: '2022-01-18', published: '2022-01-20 16:05', category: '统计信息' },
    body: ['<tr><th rowspan="2">行业</th><th colspan="2">工业增加值</th></tr>', '1. 新动能加快成长。'],
  },
  'www.qinghe.example/xxgk/gzzj/202203/t20220315_12345.html': {
    file: '2022/2021年工作总结和2022年工作思路.md',
    fields: { indexNumber: '339950-035/2022-00011', agency: 'mzj', column: 'xxgk-gzzj', date: '2022-03-14', published: '2022-03-15' },
    attachments: ['2022/2021年工作总结和2022年工作思路/P020220315555123456789.xlsx'],
    missing: ['./P020220315555123456790.docx'],
    body: ['## 一、2021年工作总结'],
  },
  'www.qinghe.example/zwgk/ghjh/201702/t20170209_2002.html': {
    file: '2017/2017年工作要点.md',
    fields: { title: '城关街道2017年工作要点', agency: 'cgjd', column: 'ghjh', date: '2017-02-09', indexNumber: '339950-101/2017-00001' },
    body: ['## 一、着力稳增长'],
  },
  'xxgk.qinghe.example/sfj/202104/t20210402_4321.shtml': {
    file: '2021/2020年工作总结.md',
    fields: { title: '青禾区司法局2020年工作总结', indexNumber: '339950-012/2021-00009', agency: 'sfj', column: 'xxgk-gzzj', date: '2021-04-02' },
    body: ['## 三、社区矫正'],
  },
  'xxgk.qinghe.example/mzj/202302/t20230220_5678.shtml': {
    file: '2023/调整城乡居民最低生活保障标准的通知.md',
    fields: { title: '青禾区民政局关于调整城乡居民最低生活保障标准的通知', agency: 'mzj', column: 'tzgg', date: '2023-02-20', published: '2023-02-21', addressee: '各街道（镇）：', validity: '失效' },
    body: ['（一）低保对象按新标准计算补差金额，一月份起补发差额。'],
  },
  'www.qinghe.example/info/1052/2345.htm': {
    file: '2020/2020年秋季开学工作总结.md',
    fields: { title: '青禾区教育局2020年秋季开学工作总结', agency: 'jyj', column: 'gzzj', date: '2020-09-18', published: '2020-09-18 10:21', editor: '周敏' },
    missing: ['/system/_content/download.jsp?urltype=news.DownloadAttachUrl&owner=1234567&wbfileid=8901'],
    body: ['](</attachments/2020/2020年秋季开学工作总结/ABC123_D1.png>)'],
  },
  'www.qinghe.example/info/1053/2400.htm': {
    file: '2020/青禾区养老服务补贴办法政策解读.md',
    fields: { title: '《青禾区养老服务补贴办法》政策解读', agency: 'mzj', column: 'zcjd', date: '2020-11-06', published: '2020-11-06 15:40' },
    body: ['## 二、补贴标准'],
  },
  'www.qinghe.example/zwgk/content.asp@id=88.html': {
    file: '2019/2018年青禾区国民经济和社会发展统计公报.md',
    fields: { title: '2018年青禾区国民经济和社会发展统计公报', agency: 'tjj', column: 'tjsj', date: '2019-06-12' },
    body: ['<td colspan="3">2018年地区生产总值构成</td>'],
  },
  'www.qinghe.example/zwgk/content.asp@id=91.html': {
    file: '2019/印发青禾区2019年政务公开工作要点的通知.md',
    fields: { title: '关于印发《青禾区2019年政务公开工作要点》的通知', agency: 'qhb', column: 'tzgg', date: '2019-04-15', docNumber: '青政办发〔2019〕12号' },
    attachments: ['2019/印发青禾区2019年政务公开工作要点的通知/zwgkgzyd.doc'],
    body: ['（此件公开发布）'],
  },
  'saved/青禾区司法局关于2022年度法治政府建设情况的报告.html': {
    file: '2023/2022年度法治政府建设情况的报告.md',
    fields: { agency: 'sfj', column: 'fzzfjs', date: '2023-02-10', importedFrom: 'http://www.qinghe.example/art/2023/2/10/art_1201_7001.html' },
    body: ['![2022年公共法律服务人次图](</attachments/2023/2022年度法治政府建设情况的报告/chart.png>)'],
  },
  'copied/区教育局2018年工作总结.txt': {
    file: '2018/2018年工作总结.md',
    fields: { title: '青禾区教育局2018年工作总结', indexNumber: '339950-021/2018-00042', agency: 'jyj', column: 'xxgk-gzzj', date: '2018-11-30', published: '2018-12-03 08:50', importedFrom: 'copied/区教育局2018年工作总结.txt' },
    body: ['## 四、2019年打算'],
  },
  'copied/民政局救助工作情况.txt': {
    file: '2016/2016年社会救助工作情况.md',
    fields: { title: '青禾区民政局2016年社会救助工作情况', agency: 'mzj', column: 'gzzj', date: '2016-12-05', indexNumber: '339950-035/2016-00001' },
    body: ['## 二、临时救助'],
  },
  'copied/农业农村局春耕计划.txt': {
    file: '2019/2019年春耕生产工作计划.md',
    fields: { title: '青禾区农业农村局2019年春耕生产工作计划', agency: 'nyj', column: 'ghjh', date: '2019-04-02', published: '2019-04-02 15:30' },
    body: ['### （一）抓好农资供应'],
  },
};

describe('npm run import, a whole saved portal in one command', () => {
  let contentDir: string;
  let logFile: string;
  let before: string[];
  let first: RunResult;
  let log: { pages: { source: string; status: string; file?: string; reason?: string }[] };
  beforeAll(() => {
    contentDir = copyFixture('import-site');
    logFile = join(contentDir, '..', 'import-log.json');
    before = reportFiles(contentDir);
    first = runScript('import', [MIRROR, '--content', contentDir, '--log', logFile]);
    log = JSON.parse(readFileSync(logFile, 'utf8')) as typeof log;
  });

  it('imports every article page and says so in one summary', () => {
    expect(first.code, first.output).toBe(0);
    expect(first.stdout).toContain('── 导入结果 ──\n已导入 14 篇');
    expect(first.stdout).toMatch(/^跳过 6 个：列表页 3 个、已导入过 1 个、无法识别文件编码 1 个、不是文件页面 1 个$/m);
    expect(first.stdout).toMatch(/^发文日期（date）取自：.*成文日期 3 篇.*$/m);
    expect(first.stdout).toMatch(/^发布日期（published）取自：.*标题下未标注的日期 1 篇.*$/m);
    expect(first.stdout).toContain('附件 3 个、图片 3 个已复制到 content/attachments/；2 个在保存的网站中找不到');
    expect(first.stdout).toContain(`导入日志（JSON）：${relative(projectRoot, logFile)}`);
    expect(reportFiles(contentDir).length - before.length).toBe(14);
  });

  for (const [source, expected] of Object.entries(MIRROR_REPORTS)) {
    it(`turns ${source} into ${expected.file}: fields, files and a body without page chrome`, () => {
      const { data, body } = readReport(join(contentDir, 'reports', expected.file));
      expect(data).toMatchObject(expected.fields);
      const files = (data['attachments'] as { file: string }[] | undefined)?.map((attachment) => attachment.file) ?? [];
      expect(files).toEqual(expected.attachments ?? []);
      for (const file of files) expect(existsSync(join(contentDir, 'attachments', file)), file).toBe(true);
      const text = readFileSync(join(contentDir, 'reports', expected.file), 'utf8');
      for (const href of expected.missing ?? []) expect(text).toContain(`原链接 ${href}`);
      for (const snippet of expected.body) expect(body).toContain(snippet);
      expect(body).not.toMatch(/当前位置|您的位置|欢迎访问|阅读次数|浏览次数|打印|关闭|分享|字体|上一篇|下一篇|相关链接|相关文章|扫一扫|主办|版权所有|ICP|网站标识码|Copyright/);
      expect(log.pages.find((page) => page.source.endsWith(source))).toMatchObject({ status: 'imported', file: relative(projectRoot, join(contentDir, 'reports', expected.file)) });
    });
  }

  it('skips listing pages, duplicates, robots.txt and a page it cannot decode, each with the reason', () => {
    const skipped = Object.fromEntries(log.pages.filter((page) => page.status === 'skipped').map((page) => [relative(MIRROR, page.source.startsWith('/') ? page.source : join(projectRoot, page.source)), page.reason]));
    expect(Object.keys(skipped).sort()).toEqual([
      'www.qinghe.example/art/2021/3/9/art_1201_5501_1.html',
      'www.qinghe.example/col/col1201/index.html',
      'www.qinghe.example/index.html',
      'www.qinghe.example/old/notice-big5.htm',
      'www.qinghe.example/robots.txt',
      'www.qinghe.example/xxgk/gzzj/index.html',
    ]);
    expect(skipped['www.qinghe.example/col/col1201/index.html']).toMatch(/^列表页/);
    expect(skipped['www.qinghe.example/art/2021/3/9/art_1201_5501_1.html']).toMatch(/^已导入过：.*2020年度法治政府建设工作报告\.md$/);
    expect(skipped['www.qinghe.example/old/notice-big5.htm']).toMatch(/^无法识别文件编码/);
  });

  it('writes reports that pass the check', () => {
    expectCheckPasses(contentDir);
  });

  it('imports nothing when run again', () => {
    const files = reportFiles(contentDir);
    const again = runScript('import', [MIRROR, '--content', contentDir, '--log', logFile]);
    expect(again.code, again.output).toBe(0);
    expect(again.stdout).toContain('已导入 0 篇');
    expect(again.stdout).toMatch(/^跳过 20 个：已导入过 15 个/m);
    expect(reportFiles(contentDir)).toEqual(files);
  });
});

describe('npm run import --dry-run', () => {
  it('says what it would import and writes nothing', () => {
    const contentDir = copyFixture('import-site');
    const before = reportFiles(contentDir);
    const result = runScript('import', [join(MIRROR, 'copied'), '--dry-run', '--content', contentDir, '--log', join(contentDir, '..', 'log.json')]);
    expect(result.code, result.output).toBe(0);
    expect(result.stdout).toMatch(/^将导入：.*区教育局2018年工作总结\.txt → .*2018年工作总结\.md$/m);
    expect(result.stdout).toContain('试运行：没有写入任何文件');
    expect(reportFiles(contentDir)).toEqual(before);
    expect(readdirSync(join(contentDir, 'attachments'))).toEqual(['.gitkeep']);
    expect(existsSync(join(contentDir, '..', 'log.json'))).toBe(false);
    expect(result.stdout).toContain(`导入日志（JSON）：试运行不写，导入时写到 ${relative(projectRoot, join(contentDir, '..', 'log.json'))}`);
  });
});

describe('npm run import --log', () => {
  const page = join(MIRROR, 'copied');

  it('never writes the log into the content folder, even a dry run, and imports nothing', () => {
    const contentDir = copyFixture('import-site');
    const before = treeHash(contentDir);
    for (const dryRun of [['--dry-run'], []]) {
      const result = runScript('import', [page, ...dryRun, '--content', contentDir, '--log', join(contentDir, 'site.yaml')]);
      expect(result.code, result.output).toBe(1);
      expect(result.stderr).toContain(`导入日志 ${relative(projectRoot, join(contentDir, 'site.yaml'))} 在内容文件夹之内`);
      expect(result.stderr).toContain('--log');
      expect(result.output).not.toMatch(/^\s+at /m);
      expect(treeHash(contentDir)).toBe(before);
    }
  });

  it('replaces an import log it wrote, never another file: not the default import-log.json of the current folder either', () => {
    const contentDir = copyFixture('import-site');
    const folder = tempDir('editor');
    const notes = join(folder, 'import-log.json');
    writeFileSync(notes, '{"我的笔记": true}\n');
    const before = treeHash(contentDir);
    const refused = runScript('import', [page, '--content', contentDir], {}, folder);
    expect(refused.code, refused.output).toBe(1);
    expect(refused.stderr).toContain(`导入日志 import-log.json 已存在，且不是 npm run import 写的导入日志`);
    expect(refused.stderr).toContain('--log');
    expect(refused.output).not.toMatch(/^\s+at /m);
    expect(readFileSync(notes, 'utf8')).toBe('{"我的笔记": true}\n');
    expect(treeHash(contentDir)).toBe(before);

    rmSync(notes);
    for (let run = 0; run < 2; run++) {
      const imported = runScript('import', [page, '--content', contentDir], {}, folder);
      expect(imported.code, imported.output).toBe(0);
      expect(JSON.parse(readFileSync(notes, 'utf8'))).toMatchObject({ command: 'npm run import' });
    }
  });
});

const STACK_TRACE = /^\s+at .+:\d+:\d+\)?$/m;

/** `folder` of the content folder made a symlink to an empty folder outside it; returns that folder. */
function symlinkOutside(contentDir: string, folder: string): string {
  const outside = join(tempDir('outside'), 'x');
  mkdirSync(outside);
  mkdirSync(dirname(join(contentDir, folder)), { recursive: true });
  symlinkSync(outside, join(contentDir, folder));
  return outside;
}

describe('npm run new and npm run import write only inside the content folder', () => {
  it('new refuses a symlinked folder on the way, naming it, and writes nothing', () => {
    const contentDir = copyFixture('portal');
    const outside = symlinkOutside(contentDir, 'reports/2026');
    const before = treeHash(dirname(contentDir));
    const result = runScript('new', ['--agency', 'xzf', '--column', 'zcjd', '--title', '标题', '--date', '2026-03-02', '--content', contentDir]);
    expect(result.code, result.output).toBe(1);
    expect(result.stderr).toContain('content/reports/2026 是符号链接');
    expect(result.output).not.toMatch(STACK_TRACE);
    expect(readdirSync(outside)).toEqual([]);
    expect(treeHash(dirname(contentDir))).toBe(before);
  });

  it.each(['reports/2021', 'attachments/2021'])('import refuses a symlinked %s, naming it, and writes nothing through it', (folder) => {
    const contentDir = copyFixture('import-site');
    const outside = symlinkOutside(contentDir, folder);
    const result = runScript('import', [MIRROR, '--content', contentDir, '--log', join(tempDir('log'), 'log.json')]);
    expect(result.code, result.output).toBe(1);
    expect(result.stderr).toContain(`content/${folder} 是符号链接`);
    expect(result.output).not.toMatch(STACK_TRACE);
    expect(readdirSync(outside)).toEqual([]);
    expect(reportFiles(contentDir).filter((file) => file.startsWith('2021/'))).toEqual([]);
  });

  it.each([
    ['new', ['--agency', 'jyj', '--column', 'jhzj', '--title', '标题', '--date', '2020-06-01']],
    ['import', [importFixture('colon-lines.txt'), '--log', 'log.json']],
  ])('%s refuses a --cache-dir inside the content folder and writes nothing', (script, args) => {
    const contentDir = copyFixture('portal');
    const cacheDir = join(contentDir, 'attachments', 'cache');
    const before = treeHash(contentDir);
    const result = runScript(script, [...args, '--content', contentDir, '--cache-dir', cacheDir], {}, dirname(contentDir));
    expect(result.code, result.output).toBe(1);
    expect(result.stderr).toContain(`缓存文件夹（--cache-dir） ${cacheDir} 与内容文件夹 ${contentDir} 重叠`);
    expect(result.output).not.toMatch(STACK_TRACE);
    expect(treeHash(contentDir)).toBe(before);
    expect(existsSync(cacheDir)).toBe(false);
  });
});

describe('npm run check on bodies with page chrome or npm run new’s placeholders', () => {
  it('warns, naming the file, the line and what it found, and still passes', () => {
    const contentDir = copyFixture('portal');
    writeContentFile(
      contentDir,
      'reports/2023/copied-with-chrome.md',
      reportSource(
        { title: '带有页面元素的文件', indexNumber: '449900-033/2023-00077', agency: 'wjw', column: 'fzzfjs', date: '2023-03-01' },
        '您当前所在的位置是:首页 > 政务公开 > 法治政府建设 阅读次数:次 [ 关 闭 ]\n\n正文第一段。\n\n【打印本页】【关闭窗口】',
      ),
    );
    const created = runScript('new', ['--agency', 'jyj', '--column', 'jhzj', '--title', '还没写正文的文件', '--date', '2020-06-01', '--content', contentDir]);
    expect(created.code, created.output).toBe(0);
    const check = runScript('check', ['--content', contentDir]);
    expect(check.code, check.output).toBe(0);
    expect(check.stderr).toMatch(/copied-with-chrome\.md:9 {2}警告 {2}正文中有旧网站页面上的“当前位置”/);
    expect(check.stderr).toMatch(/copied-with-chrome\.md:13 {2}警告 {2}正文中有旧网站页面上的“打印本页”/);
    expect(check.stderr).toMatch(/jyj-20200601-\d+\.md:\d+ {2}警告 {2}正文还是 npm run new 写的提示和占位标题/);
  });
});
