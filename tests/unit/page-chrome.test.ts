/**
 * Page chrome of old portals: what the importer leaves out of bodies and
 * what the content check warns about when it is left in one.
 */
import { describe, expect, it } from 'vitest';
import { leftoverProblems } from '../../src/lib/content/leftover-chrome.ts';
import { breadcrumbOf, isChromeLine, leftoverChrome, startsTrailer } from '../../src/lib/page-chrome.ts';
import { NEW_REPORT_BODY } from '../../src/lib/report-file.ts';

describe('breadcrumbs', () => {
  it('are read under every label portals use, with or without 是 and a colon', () => {
    for (const label of ['当前位置：', '当前位置:', '您当前所在的位置是:', '您当前所在的位置：', '您现在的位置：', '所在位置：', '您的位置：', '当前所在位置 ', '位置：']) {
      expect(breadcrumbOf(`${label}首页 > 政务公开 > 法治政府建设`), label).toEqual(['首页', '政务公开', '法治政府建设']);
    }
  });

  it('are split at >, >>, », /, → and ＞', () => {
    for (const separator of ['>', '>>', '»', '/', '→', '＞', '›']) {
      expect(breadcrumbOf(`当前位置：首页 ${separator} 信息公开 ${separator} 工作总结`), separator).toEqual(['首页', '信息公开', '工作总结']);
    }
  });

  it('end where chrome merged into the same line begins', () => {
    expect(breadcrumbOf('您当前所在的位置是:首页 > 政务公开 > 规划计划 阅读次数:次 [ 关 闭 ]')).toEqual(['首页', '政务公开', '规划计划']);
    expect(breadcrumbOf('当前位置：首页 > 信息公开 发布时间：2021-03-04')).toEqual(['首页', '信息公开']);
    expect(breadcrumbOf('当前位置：首页 > 信息公开 【打印】【关闭】')).toEqual(['首页', '信息公开']);
  });

  it('are read without a label when they start at 首页 with an arrow, never from a menu', () => {
    expect(breadcrumbOf('首页 > 政务公开 > 工作总结')).toEqual(['首页', '政务公开', '工作总结']);
    expect(breadcrumbOf('网站首页 » 信息公开')).toEqual(['网站首页', '信息公开']);
    expect(breadcrumbOf('首页 | 政务公开 | 互动交流')).toBeUndefined();
  });

  it('are not found in ordinary sentences', () => {
    expect(breadcrumbOf('全区在册低保对象所在位置分布较散。')).toBeUndefined();
    expect(breadcrumbOf('区位置优势明显，交通便利。')).toBeUndefined();
  });
});

describe('chrome lines', () => {
  it('are the controls, counters, page-turners, QR codes and footers of a page', () => {
    for (const line of [
      '【字体：大 中 小】【打印本页】【关闭窗口】',
      '[ 关 闭 ]',
      '打印 关闭',
      '【打印】 【关闭】',
      '分享到：',
      '转载分享:',
      '浏览次数：215',
      '阅读次数:次',
      '上一篇：青禾区教育局2018年三季度工作小结',
      '扫一扫在手机打开当前页',
      '相关链接',
      '附件：',
      '主办：青禾区人民政府办公室　承办：青禾区大数据发展中心　网站标识码：3399500001',
      '示ICP备00000000号　示公网安备 33995002000001号',
      'Copyright © 2020 示范市青禾区人民政府 版权所有',
      '当前位置：首页 > 信息公开',
    ]) {
      expect(isChromeLine(line), line).toBe(true);
    }
  });

  it('are never the document’s own sentences, even ones that say 关闭 or 打印 or name a 主办单位', () => {
    for (const line of [
      '依法关闭了三家不符合安全条件的小作坊。',
      '打印机、复印机等办公设备统一采购。',
      '主办单位：区文化馆；承办单位：城关街道文化站。',
      '附件：2020年统计表',
      '大中小学校全面落实安全责任。',
      '一、主要工作',
    ]) {
      expect(isChromeLine(line), line).toBe(false);
    }
  });

  it('mark where the document ends: 上一篇, related links, QR codes, the footer — not 附件', () => {
    expect(startsTrailer('上一篇：关于做好2019年清明节期间安全工作的通知')).toBe(true);
    expect(startsTrailer('相关文章：')).toBe(true);
    expect(startsTrailer('扫一扫在手机打开当前页')).toBe(true);
    expect(startsTrailer('网站标识码：3399500001　示ICP备00000000号')).toBe(true);
    expect(startsTrailer('附件：')).toBe(false);
    expect(startsTrailer('三、相关工作安排')).toBe(false);
  });
});

describe('the content check’s warning about leftover chrome', () => {
  it('names what it found, on its line', () => {
    expect(leftoverChrome('您当前所在的位置是:首页 > 政务公开 > 规划计划 阅读次数:次 [ 关 闭 ]')).toBe('当前位置');
    expect(leftoverChrome('发布时间：2021-03-04　阅读次数：37')).toBe('阅读次数');
    expect(leftoverChrome('【打印本页】【关闭窗口】')).toBe('打印本页');
    expect(leftoverChrome('[ 打 印 ] [ 关 闭 ]')).toBe('打印关闭');
    expect(leftoverChrome('网站标识码：3399500001')).toBe('网站页脚');
    expect(leftoverChrome('继续推进行政执法“三项制度”落实。')).toBeUndefined();
  });

  it('points at each line of chrome in a body, after its Markdown, with the file and line', () => {
    const body = ['', '当前位置：首页 > 政务公开', '', '正文第一段。', '', '**【打印本页】【关闭窗口】**', '', '## 一、主要工作', ''].join('\n');
    const problems = leftoverProblems('content/reports/2021/a.md', body, 8);
    expect(problems.map((problem) => [problem.line, problem.severity])).toEqual([
      [9, 'warning'],
      [13, 'warning'],
    ]);
    expect(problems[0]!.message).toContain('当前位置');
    expect(problems[0]!.file).toBe('content/reports/2021/a.md');
    expect(problems[0]!.hint).toContain('删除这一行');
  });

  it('warns once about the hint and placeholder headings npm run new writes, at the first of them', () => {
    const problems = leftoverProblems('content/reports/2024/b.md', `\n${NEW_REPORT_BODY}\n`, 10);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ severity: 'warning', line: 11, message: expect.stringContaining('npm run new') });
  });
});
