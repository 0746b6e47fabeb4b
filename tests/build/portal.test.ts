/**
 * The fixture portal (tests/fixtures/portal: other agencies, columns and
 * years than the sample) built once by setup.ts, checked page type by page
 * type as a reader would meet it.
 */
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import { fileFor, html, htmlFiles, localReferences, text, urlOf } from '../helpers/dist.ts';
import { FILLER_REPORTS } from './setup.ts';

const { outDir, contentDir } = inject('fixture');

const REPORT = '/reports/2019/jyj-jihua/';

describe('report page', () => {
  const $ = html(outDir, REPORT);

  it('has the breadcrumb 首页 > 信息公开 > 法定主动公开内容 > 计划总结 > title, every step a link', () => {
    const nav = $('nav[aria-label="当前位置"]');
    expect(nav).toHaveLength(1);
    const steps = nav.find('li a').map((_, a) => ({ label: $(a).text().trim(), href: $(a).attr('href') })).get();
    expect(steps).toEqual([
      { label: '首页', href: '/' },
      { label: '信息公开', href: '/xxgk/' },
      { label: '法定主动公开内容', href: '/xxgk/fdzdgknr/' },
      { label: '计划总结', href: '/xxgk/fdzdgknr/jhzj/' },
      { label: '样例县教育局2019年度工作计划', href: REPORT },
    ]);
    expect(nav.find('[aria-current="page"]').text().trim()).toBe('样例县教育局2019年度工作计划');
    expect(nav.find('[aria-current]')).toHaveLength(1);
  });

  it('has one h1, the title', () => {
    expect($('h1')).toHaveLength(1);
    expect(text($, 'h1')).toBe('样例县教育局2019年度工作计划');
  });

  it('shows 来源 (the agency by default) and 发布日期 (the date by default)', () => {
    const byline = text($, '.report-byline');
    expect(byline).toContain('来源：样例县教育局');
    expect(byline).toContain('发布日期：2019-01-15');
    expect(byline).not.toContain('编辑');
  });

  it('has the metadata table with every field and the contract defaults', () => {
    const pairs = Object.fromEntries(
      $('dl.meta-table > div').map((_, div) => [[$(div).find('dt').text().trim(), $(div).find('dd').text().trim()]]).get(),
    );
    expect(pairs).toEqual({
      索引号: '449900-021/2019-00001',
      组配分类: '工作计划',
      发布机构: '样例县教育局',
      发文日期: '2019-01-15',
      公开方式: '主动公开',
      公开范围: '面向全社会',
      文号: '样教〔2019〕1号',
    });
  });

  it('puts the parts in the order readers expect', () => {
    const page = $.html();
    const order = [
      'aria-label="当前位置"',
      '<h1',
      'class="report-byline"',
      'class="meta-table"',
      'class="addressee"',
      'class="report-body"',
      'class="signature"',
      'class="attachments"',
      'class="related"',
      'class="prev-next"',
    ].map((marker) => page.indexOf(marker));
    expect(order.every((position) => position >= 0)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
  });

  it('shows 主送 before the body and 落款 with a Chinese date after it', () => {
    expect(text($, '.addressee')).toBe('县人民政府：');
    expect($('.signature p').map((_, p) => $(p).text()).get()).toEqual(['样例县教育局', '2019年1月15日']);
  });

  it('renders ## as h2 and ### as h3 under the title', () => {
    expect($('.report-body h2').map((_, h) => $(h).text()).get()).toEqual(['一、总体目标', '二、保障措施']);
    expect($('.report-body h3').first().text()).toBe('（一）基础教育');
  });

  it('lists the attachment with its type and size, and publishes the file', () => {
    const item = $('.attachments li');
    expect(item).toHaveLength(1);
    expect(item.find('a').text()).toBe('2019年学校名单');
    const bytes = statSync(join(contentDir, 'attachments/2019/学校名单.txt')).size;
    expect(item.text()).toContain(`TXT，${bytes} B`);
    const file = fileFor(outDir, item.find('a').attr('href')!);
    expect(file && readFileSync(file, 'utf8')).toBe(readFileSync(join(contentDir, 'attachments/2019/学校名单.txt'), 'utf8'));
  });

  it('links 相关稿件 by index number to the right report', () => {
    const links = $('.related a');
    expect(links).toHaveLength(1);
    expect(links.attr('href')).toBe('/reports/2020/jyj-zongjie/');
    expect(links.text()).toBe('样例县教育局2019年工作总结');
  });

  it('links the neighbours in its column, newest first', () => {
    // jhzj holds, newest first: jyj-zongjie (2020-01-20), large (2019-12-31), gbk-encoded (2019-03-12), jyj-jihua (2019-01-15).
    const nav = $('.prev-next');
    expect(nav.find('a[rel="prev"]').attr('href')).toBe('/reports/2019/gbk-encoded/');
    expect(nav.find('a[rel="next"]')).toHaveLength(0);
    expect(nav.text()).toContain('没有了');
  });

  it('carries the government meta tags', () => {
    const meta = (name: string) => $(`meta[name="${name}"]`).attr('content');
    expect(meta('SiteName')).toBe('样例省样例县人民政府');
    expect(meta('SiteIDCode')).toBe('4499000002');
    expect(meta('ColumnName')).toBe('计划总结');
    expect(meta('ArticleTitle')).toBe('样例县教育局2019年度工作计划');
    // No time was given: none is claimed.
    expect(meta('PubDate')).toBe('2019-01-15');
    expect($('.report-byline time').attr('datetime')).toBe('2019-01-15');
    expect(meta('ContentSource')).toBe('样例县教育局');
    expect(meta('description')).toContain('为做好2019年全县教育工作');
  });
});

describe('every page', () => {
  const files = htmlFiles(outDir);

  it('is Chinese, has the site name in a header and the filing numbers in a footer', () => {
    expect(files.length).toBeGreaterThan(40);
    for (const file of files) {
      const $ = html(outDir, urlOf(outDir, file));
      expect($('html').attr('lang'), file).toBe('zh-CN');
      expect(text($, 'header'), file).toContain('样例省样例县人民政府');
      const footer = text($, 'footer');
      for (const fact of ['样例县人民政府办公室', '4499000002', '样ICP备12345678号', '样公网安备 44990002000002号']) {
        expect(footer, file).toContain(fact);
      }
      expect($('main'), file).toHaveLength(1);
      expect($('h1'), file).toHaveLength(1);
    }
  });

  it('links only to pages and files that exist', () => {
    const broken: string[] = [];
    for (const file of files) {
      for (const ref of localReferences(html(outDir, urlOf(outDir, file)))) {
        if (!fileFor(outDir, ref)) broken.push(`${file} → ${ref}`);
      }
    }
    expect(broken).toEqual([]);
  });

  it('is reachable from the home page by following links', () => {
    const seen = new Set<string>(['/']);
    const queue = ['/'];
    while (queue.length > 0) {
      const url = queue.shift()!;
      const file = fileFor(outDir, url);
      if (!file?.endsWith('.html')) continue;
      for (const ref of localReferences(html(outDir, url))) {
        const path = decodeURI(ref.split('#')[0]!);
        if (!seen.has(path)) {
          seen.add(path);
          queue.push(path);
        }
      }
    }
    const unreachable = files.map((file) => decodeURI(urlOf(outDir, file))).filter((url) => !seen.has(url) && url !== '/404.html');
    expect(unreachable).toEqual([]);
  });
});

describe('dates', () => {
  it('never slip to the previous day, though the build ran at UTC−10', () => {
    const $ = html(outDir, '/reports/2023/xzf-jiedu/');
    expect(text($, '.report-byline')).toContain('发布日期：2023-01-01 00:30');
    expect(text($, 'dl.meta-table')).toContain('2023-01-01');
    expect($('meta[name="PubDate"]').attr('content')).toBe('2023-01-01 00:30');
    expect($('.report-byline time').attr('datetime')).toBe('2023-01-01T00:30+08:00');
  });

  it('shows 年度 where given instead of the year of 发文日期', () => {
    const $ = html(outDir, '/years/2022/');
    expect($('.report-list a').map((_, a) => $(a).text()).get()).toContain('《样例县城乡居民医疗救助办法》政策解读');
  });
});

describe('dates say which date they are', () => {
  it('every list labels its dates 发布日期 and shows the 发布日期, newest first', () => {
    for (const path of ['/', '/xxgk/fdzdgknr/', '/years/2020/', '/agencies/wjw/']) {
      const $ = html(outDir, path);
      const items = $('.report-list li');
      expect(items.length, path).toBeGreaterThan(0);
      items.each((_, li) => expect(text($, li as never), path).toMatch(/发布日期 \d{4}-\d{2}-\d{2}/));
    }
    // wjw-fazhi: 发文日期 2020-03-02, 发布日期 2020-03-05.
    const $ = html(outDir, '/years/2019/');
    const item = $('.report-list li').filter((_, li) => $(li).text().includes('2019年法治政府建设情况报告'));
    expect(item.find('time').attr('datetime')).toBe('2020-03-05');
  });

  it('相关稿件 show the 发布日期, labelled', () => {
    expect(text(html(outDir, REPORT), '.related li')).toMatch(/发布日期 2020-01-20/);
  });

  it('RSS gives each item its 发布日期 as pubDate, in Beijing time: a date alone does not read as the evening before', () => {
    const rss = readFileSync(fileFor(outDir, '/rss.xml')!, 'utf8');
    const itemOf = (id: string) => new RegExp(`<item>(?:(?!</item>)[\\s\\S])*${id}(?:(?!</item>)[\\s\\S])*</item>`).exec(rss)![0];
    expect(itemOf('wjw-fazhi')).toContain('<pubDate>Thu, 05 Mar 2020 08:15:00 +0800</pubDate>');
    expect(itemOf('xzf-jiedu')).toContain('<pubDate>Sun, 01 Jan 2023 00:30:00 +0800</pubDate>');
    expect(rss.match(/<pubDate>/g)!.length).toBe(rss.match(/<item>/g)!.length);
  });
});

describe('column listings', () => {
  it('list their own and their descendants’ reports, newest first', () => {
    const $ = html(outDir, '/xxgk/fdzdgknr/');
    const dates = $('.report-list time').map((_, t) => $(t).attr('datetime')).get();
    expect(dates.length).toBe(20);
    expect([...dates].sort().reverse()).toEqual(dates);
    expect(text($, 'h1')).toBe('法定主动公开内容');
    expect($('nav[aria-label="当前位置"] [aria-current="page"]').attr('href')).toBe('/xxgk/fdzdgknr/');
  });

  it('paginate 20 a page, the rest on /2/', () => {
    // fzzfjs: wjw-fazhi, fanti-bom-crlf, long and the fillers.
    const total = 3 + FILLER_REPORTS;
    const first = html(outDir, '/xxgk/fdzdgknr/fzzfjs/');
    const second = html(outDir, '/xxgk/fdzdgknr/fzzfjs/2/');
    expect(first('.report-list li')).toHaveLength(20);
    expect(second('.report-list li')).toHaveLength(total - 20);
    expect(first('.pagination a[rel="next"]').attr('href')).toBe('/xxgk/fdzdgknr/fzzfjs/2/');
    expect(second('.pagination a[rel="prev"]').attr('href')).toBe('/xxgk/fdzdgknr/fzzfjs/');
    expect(second('.pagination [aria-current="page"]').text()).toBe('2');
    const firstTitles = new Set(first('.report-list a').map((_, a) => first(a).text()).get());
    const secondTitles = second('.report-list a').map((_, a) => second(a).text()).get();
    expect(secondTitles.some((title) => firstTitles.has(title))).toBe(false);
  });

  it('say so when a column is empty', () => {
    const $ = html(outDir, '/hdjl/');
    expect($('.report-list')).toHaveLength(0);
    expect(text($, 'main')).toContain('暂无文件');
  });
});

describe('years and agencies', () => {
  it('index years newest first with counts', () => {
    const $ = html(outDir, '/years/');
    const entries = $('.count-list li').map((_, li) => text($, li as never)).get();
    expect(entries[0]).toMatch(/^2023年度 \d+ 件$/);
    expect(entries.map((entry) => entry.slice(0, 4))).toEqual(['2023', '2022', '2020', '2019']);
  });

  it('index every registered agency with its count, including one with none', () => {
    const $ = html(outDir, '/agencies/');
    const counts = Object.fromEntries(
      $('.count-list li').map((_, li) => [[$(li).find('a').text(), $(li).find('.count').text()]]).get(),
    );
    expect(counts['样例县教育局']).toBe('2 件');
    expect(counts['样例县农业农村局']).toBe('1 件');
    expect(Object.keys(counts)).toEqual(['样例县人民政府', '样例县教育局', '样例县卫生健康局', '样例县农业农村局']);
  });

  it('give each agency a listing of its reports, also when referenced by full name', () => {
    const $ = html(outDir, '/agencies/jyj/');
    expect($('.report-list a').map((_, a) => $(a).attr('href')).get().sort()).toEqual([
      '/reports/2019/jyj-jihua/',
      '/reports/2020/jyj-zongjie/',
    ]);
  });
});

describe('catalogue', () => {
  it('lists every document with 索引号, 标题, 发布机构, 发文日期, 发布日期, 组配分类, each cell labelled for the phone layout', () => {
    const $ = html(outDir, '/catalogue/');
    const headers = $('table.catalogue thead th').map((_, th) => $(th).text()).get();
    expect(headers).toEqual(['索引号', '标题', '发布机构', '发文日期', '发布日期', '组配分类']);
    $('table.catalogue tbody tr').each((_, tr) => {
      expect($(tr).find('td').map((_, td) => $(td).attr('data-label')).get()).toEqual(headers);
    });
    const rows = $('table.catalogue tbody tr');
    const reportCount = htmlFiles(outDir).filter((file) => file.startsWith('reports/')).length;
    expect(rows).toHaveLength(reportCount);
    const row = rows.filter((_, tr) => $(tr).text().includes('449900-033/2020-00007'));
    expect(row.find('td').map((_, td) => $(td).text()).get()).toEqual([
      '449900-033/2020-00007',
      '样例县卫生健康局2019年法治政府建设情况报告',
      '样例县卫生健康局',
      '2020-03-02',
      '2020-03-05',
      '法治政府建设年度报告',
    ]);
  });

  it('says truthfully what it is sorted by: 发布日期, newest first', () => {
    for (const path of ['/catalogue/', '/catalogue/2023/']) {
      const $ = html(outDir, path);
      expect(text($, 'table.catalogue caption'), path).toMatch(/按发布日期从新到旧排列/);
      const published = $('table.catalogue tbody td[data-label="发布日期"] time').map((_, t) => $(t).attr('datetime')).get();
      expect(published.length, path).toBeGreaterThan(1);
      expect([...published].sort().reverse(), path).toEqual(published);
    }
  });

  it('has a page per year', () => {
    const $ = html(outDir, '/catalogue/2020/');
    expect($('table.catalogue tbody tr').length).toBeGreaterThan(0);
  });
});

describe('feeds and special pages', () => {
  it('has a 404 page', () => {
    expect(text(html(outDir, '/404.html'), 'h1')).toBe('页面不存在');
  });

  it('has an accessibility statement that states this site’s facts and how to reach someone', () => {
    const $ = html(outDir, '/accessibility/');
    const reportCount = htmlFiles(outDir).filter((file) => file.startsWith('reports/')).length;
    expect(text($, 'main')).toContain(`本网站目前公开 ${reportCount} 份文件、1 个附件。`);
    expect(text($, 'main')).toContain('本站附件：TXT 1 个');
    // The fixture's only attachment is a text file: no claim about scans.
    expect(text($, 'main')).not.toContain('扫描');
    const contact = $('h2:contains("反馈与联系") ~ ul');
    expect(contact.find('a[href="mailto:zwgk@yangli.example"]').text()).toBe('zwgk@yangli.example');
    expect(contact.text()).not.toContain('联系电话');
  });

  it('has an RSS feed of the newest reports with absolute links', () => {
    const rss = readFileSync(fileFor(outDir, '/rss.xml')!, 'utf8');
    const links = [...rss.matchAll(/<item>[\s\S]*?<link>([^<]+)<\/link>/g)].map((m) => m[1]);
    expect(links.length).toBeGreaterThan(20);
    expect(links.length).toBeLessThanOrEqual(50);
    expect(links.every((link) => link!.startsWith('https://www.yangli.example/reports/'))).toBe(true);
  });

  it('has a sitemap listing report pages', () => {
    const index = readFileSync(fileFor(outDir, '/sitemap-index.xml')!, 'utf8');
    const sitemap = [...index.matchAll(/<loc>https:\/\/www\.yangli\.example(\/[^<]+)<\/loc>/g)].map((m) => readFileSync(fileFor(outDir, m[1]!)!, 'utf8')).join('');
    expect(sitemap).toContain('https://www.yangli.example/reports/2019/jyj-jihua/');
    expect(sitemap).not.toContain('404');
  });
});

describe('content in every shape editors send', () => {
  it('decodes a GBK file and a UTF-8 file with BOM and CRLF line endings', () => {
    expect(text(html(outDir, '/reports/2019/gbk-encoded/'), 'h1')).toBe('样例县农业农村局春耕备耕工作情况');
    const $ = html(outDir, '/reports/2020/fanti-bom-crlf/');
    expect(text($, 'h1')).toBe('樣例縣衛生健康局關於調整門診時間的公告（第2號）');
    expect(text($, '.report-body')).toContain('上午８：００至１２：００；下午１４：３０至１７：３０。特此公告！');
    expect($('meta[name="description"]').attr('content')).toBe('自７月１日起，門診時間調整為：上午８：００—１２：００；下午１４：３０—１７：３０。');
  });

  it('renders a 3 MB report completely', () => {
    const $ = html(outDir, '/reports/2019/large/');
    expect($('.report-body h2')).toHaveLength(1200);
    expect($('.report-body h2').last().text()).toBe('第1200节');
  });

  it('adds a contents list to a long report, linking to its sections', () => {
    const $ = html(outDir, '/reports/2023/long/');
    const links = $('nav.toc a').map((_, a) => $(a).attr('href')).get();
    expect(links.length).toBe(16);
    for (const href of links) expect($(`[id="${decodeURIComponent(href.slice(1))}"]`), href).toHaveLength(1);
    expect(html(outDir, REPORT)('nav.toc')).toHaveLength(0);
  });

  it('places the contents after the opening paragraph, before the first section', () => {
    const $ = html(outDir, '/reports/2023/long/');
    const page = $.html();
    const order = ['class="meta-table"', '<p>本报告回顾2022年样例县法治政府建设', 'class="toc"', '<h2 id="一全面推进依法行政"'].map((marker) => page.indexOf(marker));
    expect(order.every((position) => position >= 0), String(order)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
    expect(text($, '.report-body')).toContain('本报告回顾2022年样例县法治政府建设');
  });

  it('adds the colon 主送 carries when the editor left it out', () => {
    expect(text(html(outDir, '/reports/2020/xzf-tongji/'), '.addressee')).toBe('县直各单位：');
  });
});

describe('hostile content', () => {
  const $ = html(outDir, '/reports/2023/hostile/');
  const body = $('.report-body');
  const bodyHtml = body.html()!;

  it('removes everything in the body that runs', () => {
    expect(body.find('script')).toHaveLength(0);
    expect($('script:not([src])').filter((_, s) => $(s).text().includes('pwned'))).toHaveLength(0);
    body.find('*').each((_, element) => {
      for (const name of Object.keys(element.attribs)) expect(name, `${element.tagName}[${name}]`).not.toMatch(/^on/i);
    });
    expect(bodyHtml).not.toMatch(/javascript:|data:/i);
  });

  // The fixture spells image addresses on evil.example as a browser still reads them: \\host, /\host, with a leading space.
  it('removes everything that loads, frames or submits, and style attributes', () => {
    for (const tag of ['iframe', 'form', 'input', 'object', 'embed', 'style']) expect(body.find(tag), tag).toHaveLength(0);
    expect(body.find('[style]')).toHaveLength(0);
    expect(bodyHtml).not.toContain('evil.example');
    expect(body.find('img').map((_, img) => $(img).attr('src')).get()).toEqual(['/favicon.svg']);
  });

  it('keeps tables, emphasis, sub/sup, lists, line breaks and a plain external link', () => {
    expect(body.find('table td').first().html()).toBe('H<sub>2</sub>O');
    expect(body.find('sup').text()).toBe('3');
    expect(body.find('li strong').text()).toBe('加粗');
    expect(body.find('li em').text()).toBe('强调');
    expect(body.find('br').length).toBeGreaterThan(0);
    expect(body.find('a[href="https://www.gov.cn/"]').text()).toBe('外部链接');
  });

  it('shows front matter values as text, never as HTML', () => {
    const page = html(outDir, '/reports/2023/html-in-fields/');
    expect(page('h1').text()).toBe('<script>alert("标题")</script>含尖括号的<b>标题</b>');
    expect(page('h1').children()).toHaveLength(0);
    expect(page('.report-byline').text()).toContain('来源：<img src=x onerror=alert(1)>来源');
    expect(page('.report-byline img, .report-byline a, .addressee i, main iframe')).toHaveLength(0);
    expect(page('.addressee').text()).toBe('<i>各乡镇</i>：');
    expect(page('title').text()).toContain('<script>alert("标题")</script>');
    expect(page('meta[name="description"]').attr('content')).toBe("<iframe src='https://evil.example/'></iframe>概述");
  });
});

