/**
 * A saved portal imported with npm run import and built: the published
 * pages of imported reports as readers get them — title, column, metadata,
 * headings, lists, data tables, images and attachments, and no chrome of
 * the old site.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { fileNameKey } from '../../src/lib/content/paths.ts';
import { fileFor, html, text } from '../helpers/dist.ts';
import { copyFixture } from '../helpers/fixture-site.ts';
import { projectRoot, runScript } from '../helpers/run.ts';
import { tempDir } from '../helpers/temp.ts';

let outDir: string;

beforeAll(() => {
  const contentDir = copyFixture('import-site');
  const imported = runScript('import', [join(projectRoot, 'tests', 'fixtures', 'import-mirror'), '--content', contentDir, '--log', join(contentDir, '..', 'log.json')]);
  if (imported.code !== 0) throw new Error(`import failed:\n${imported.output}`);
  outDir = join(tempDir('import-dist'), 'dist');
  const built = runScript('build', ['--content', contentDir, '--out', outDir]);
  if (built.code !== 0) throw new Error(`build failed:\n${built.output}`);
});

const STATISTICS = '/reports/2022/2021年全区规模以上工业生产情况的通报/';
const HANWEB = '/reports/2021/2020年度法治政府建设工作报告/';

describe('an imported report, published', () => {
  it('has its title, its column in 当前位置, its 索引号 and dates in the metadata table and byline', () => {
    const $ = html(outDir, STATISTICS);
    expect(text($, 'h1')).toBe('青禾区统计局关于2021年全区规模以上工业生产情况的通报');
    expect($('nav.breadcrumb a[href="/zwgk/tjsj/"]').text()).toBe('统计数据');
    const meta = Object.fromEntries($('dl.meta-table > div').toArray().map((row) => [$(row).find('dt').text().trim(), $(row).find('dd').text().trim()]));
    expect(meta).toMatchObject({ 索引号: '339950-040/2022-00002', 发布机构: '青禾区统计局', 发文日期: '2022-01-18', 文号: '青统〔2022〕1号', 组配分类: '统计信息' });
    expect(text($, '.report-byline')).toContain('发布日期：2022-01-20 16:05');
    expect(text($, '.addressee')).toBe('各街道（镇），区级各部门：');
  });

  it('keeps the data table with its spans, the 一、 headings and the 1. points as a list', () => {
    const $ = html(outDir, STATISTICS);
    expect($('.report-body table th[rowspan="2"]').text()).toBe('行业');
    expect($('.report-body table th[colspan="2"]').text()).toBe('工业增加值');
    expect($('.report-body h2').toArray().map((h) => $(h).text().trim())).toEqual(['一、总体情况', '二、主要特点', '三、下一步工作']);
    expect($('.report-body ol li').toArray().map((li) => $(li).text().trim().slice(0, 7))).toEqual(['新动能加快成长', '重点行业支撑有', '企业效益有所改']);
  });

  it('shows the image of the old page and lists its attachment, both published with the site', () => {
    const $ = html(outDir, HANWEB);
    const image = $('.report-body img[alt="法治宣传进社区活动现场"]');
    expect(image.length).toBe(1);
    expect(fileFor(outDir, image.attr('src')!)).toBeDefined();
    const attachment = $('main a[href$=".pdf"]');
    expect(attachment.text()).toContain('2020年度法治政府建设考核得分表');
    expect(existsSync(join(outDir, decodeURIComponent(attachment.attr('href')!)))).toBe(true);
  });

  it('carries no chrome of the old site in any imported body', () => {
    for (const url of [STATISTICS, HANWEB, '/reports/2017/2017年工作要点/', '/reports/2018/2018年工作总结/', '/reports/2020/2020年秋季开学工作总结/', '/reports/2019/印发青禾区2019年政务公开工作要点的通知/']) {
      const $ = html(outDir, url);
      expect(text($, '.report-body').length, url).toBeGreaterThan(30);
      expect(text($, '.report-body'), url).not.toMatch(/当前位置|您的位置|欢迎访问|阅读次数|浏览次数|打印|关闭|分享|字体|上一篇|下一篇|相关链接|扫一扫|主办|版权所有|ICP|网站标识码|Copyright/);
    }
  });
});

describe('files of an old page that would run script on the portal', () => {
  it('are not imported: the report still passes the check, and the summary says which and why', () => {
    const contentDir = copyFixture('import-site');
    const mirror = tempDir('active-mirror');
    const hanweb = readFileSync(join(projectRoot, 'tests', 'fixtures', 'import-mirror', 'www.qinghe.example', 'art', '2021', '3', '9', 'art_1201_5501.html'), 'utf8');
    mkdirSync(join(mirror, 'www.qinghe.example', 'art'), { recursive: true });
    writeFileSync(
      join(mirror, 'www.qinghe.example', 'art', 'page.html'),
      hanweb
        .replace('/picture/0/2021/fzxc.png', 'chart.svg')
        .replace('/attach/0/2021/P020210309553112.pdf', 'notice.html'),
    );
    writeFileSync(join(mirror, 'www.qinghe.example', 'art', 'chart.svg'), '<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>');
    writeFileSync(join(mirror, 'www.qinghe.example', 'art', 'notice.html'), '<script src="helper.js"></script>');
    const imported = runScript('import', [mirror, '--content', contentDir, '--log', join(mirror, 'log.json')]);
    expect(imported.code, imported.output).toBe(0);
    expect(imported.output).toMatch(/chart\.svg[^\n]*(不能|不会)/);
    expect(imported.output).toMatch(/notice\.html[^\n]*(不能|不会)/);
    expect(imported.output).toContain('2 个是网页或脚本类型，不能附上');
    const files = readdirSync(join(contentDir, 'attachments'), { recursive: true }).map(String);
    expect(files.filter((file) => /\.(svg|html)$/.test(file))).toEqual([]);
    const checked = runScript('check', ['--content', contentDir]);
    expect(checked.code, checked.output).toBe(0);
  });
});

describe('attachments of one page whose names differ only in letter case or Unicode form', () => {
  it('are each imported under a name of its own and linked, the summary says so, and the report passes the check', () => {
    const contentDir = copyFixture('import-site');
    const mirror = tempDir('twin-mirror');
    const hanweb = readFileSync(join(projectRoot, 'tests', 'fixtures', 'import-mirror', 'www.qinghe.example', 'art', '2021', '3', '9', 'art_1201_5501.html'), 'utf8');
    const folder = join(mirror, 'www.qinghe.example', 'art');
    mkdirSync(folder, { recursive: true });
    // café written precomposed (NFC) and as e + combining accent (NFD): one name on macOS, two on Linux.
    const twins = ['Report.PDF', 'report.pdf', 'caf\u00e9.pdf', 'cafe\u0301.pdf'];
    const links = twins.map((name, i) => `<a href="${name}">附件${i + 1}：${name}</a>`).join('<br>');
    writeFileSync(join(folder, 'page.html'), hanweb.replace(/<a href="\/attach\/0\/2021\/P020210309553112\.pdf"[^>]*>[^<]*<\/a>/, links));
    for (const name of twins) writeFileSync(join(folder, name), `%PDF-1.4 ${name}`);
    const imported = runScript('import', [mirror, '--content', contentDir, '--log', join(mirror, 'log.json')]);
    expect(imported.code, imported.output).toBe(0);

    const report = readdirSync(join(contentDir, 'reports'), { recursive: true }).map(String).find((file) => file.endsWith('法治政府建设工作报告.md'))!;
    const front = readFileSync(join(contentDir, 'reports', report), 'utf8');
    const linked = [...front.matchAll(/^\s+file: (.+)$/gm)].map(([, file]) => file!.replace(/^["']|["']$/g, ''));
    expect(linked).toHaveLength(4);
    expect(new Set(linked.map(fileNameKey)).size).toBe(4);
    // Each link leads to the bytes of the file it was made from.
    expect(linked.map((file) => readFileSync(join(contentDir, 'attachments', file), 'utf8'))).toEqual(twins.map((name) => `%PDF-1.4 ${name}`));
    expect(imported.output).toMatch(/附件（attachments）：“report\.pdf”[^\n]*改名为 report-2\.pdf/);
    expect(imported.output).toContain('2 个与同一篇的其他文件重名');

    const checked = runScript('check', ['--content', contentDir]);
    expect(checked.code, checked.output).toBe(0);
  });
});
