/**
 * The audit as one standalone HTML file an office can send on: styles
 * inline, no script, nothing loaded from anywhere; status always in words,
 * colour only repeats it. Built as a HAST tree, so every value is escaped.
 */
import type { Element, ElementContent } from 'hast';
import { toHtml } from 'hast-util-to-html';
import { h } from 'hastscript';
import { groupBy } from '../listings.ts';
import type { AuditResult } from './index.ts';
import { annualCell, annualSentence, columnSentence, columnStatus, deadlineText, METADATA_KINDS, needsDates, summarySentence } from './labels.ts';

const STYLE = `
body { font-family: "Noto Sans CJK SC", "Microsoft YaHei", "PingFang SC", sans-serif; margin: 0 auto; max-width: 72rem; padding: 1rem; color: #1a1a1a; line-height: 1.6; }
h1 { font-size: 1.6rem; } h2 { font-size: 1.3rem; margin-top: 2rem; border-bottom: 2px solid #8c1515; } h3 { font-size: 1.1rem; }
table { border-collapse: collapse; margin: .5rem 0 1rem; } caption { text-align: left; font-weight: bold; padding: .25rem 0; }
th, td { border: 1px solid #767676; padding: .3rem .5rem; text-align: left; vertical-align: top; }
thead th { background: #f0f0f0; } .scroll { overflow-x: auto; }
.missing, .stale, .empty { background: #fde8e8; color: #8a1010; font-weight: bold; }
.late { background: #fff4d6; color: #6b4500; } .on-time, .fresh { color: #14592a; } .pending { color: #3d3d3d; }
a { color: #0b4f9c; } .note { color: #6b4500; }
`;

function link(text: string, url: string): Element {
  return h('a', { href: url }, text);
}

/** A wide table scrolls in its own region, which keyboard users can reach and screen readers name. */
function scrollingTable(caption: string, rows: ElementContent[]): Element {
  return h('div.scroll', { role: 'region', ariaLabel: caption, tabIndex: 0 }, [h('table', [h('caption', caption), ...rows])]);
}

function annualSection(result: AuditResult): ElementContent[] {
  const { rules, checks, notes } = result.annualReports;
  const content: ElementContent[] = [h('h2', '一、年度报告按时公开')];
  for (const rule of rules) {
    const ruleChecks = checks.filter((check) => check.rule === rule.name);
    content.push(h('h3', rule.name), h('p', `${deadlineText(rule.deadline)}公开。${rule.basis ? `依据：${rule.basis}` : ''}`));
    if (ruleChecks.length === 0) {
      content.push(h('p', '没有需要检查的机构或年度。'));
      continue;
    }
    content.push(
      scrollingTable(`${rule.name}：各机构各年度的公开情况`, [
        h('thead', h('tr', [h('th', { scope: 'col' }, '发布机构'), ...rule.years.map((year) => h('th', { scope: 'col' }, `${year}年度`))])),
        h(
          'tbody',
          groupBy(ruleChecks, (check) => check.agency).map((group) =>
            h('tr', [
              h('th', { scope: 'row' }, group.key),
              ...rule.years.map((year) => {
                const check = group.items.find((c) => c.year === year)!;
                return h('td', { className: [check.status] }, check.report ? link(annualCell(check), check.report.url) : annualCell(check));
              }),
            ]),
          ),
        ),
      ]),
    );
    const listed = ruleChecks.filter(needsDates);
    if (listed.length > 0) {
      content.push(h('ul', listed.map((check) => h('li', [annualSentence(check), ...(check.report ? ['（', link(check.report.title, check.report.url), '）'] : [])]))));
    }
  }
  for (const note of notes) content.push(h('p.note', `注意：${note}`));
  return content;
}

function columnsSection(result: AuditResult): ElementContent[] {
  const content: ElementContent[] = [h('h2', '二、栏目更新')];
  if (result.columns.length === 0) return [...content, h('p', '没有空栏目；没有栏目设定更新期限。')];
  return [
    ...content,
    scrollingTable('空栏目和设定了更新期限的栏目', [
      h('thead', h('tr', ['栏目', '状态', '最新文件', '说明'].map((label) => h('th', { scope: 'col' }, label)))),
      h(
        'tbody',
        result.columns.map((check) =>
          h('tr', [
            h('th', { scope: 'row' }, link(check.path, check.url)),
            h('td', { className: [check.status] }, columnStatus(check)),
            h('td', check.newest ? [link(check.newest.title, check.newest.url), `（${check.newest.published.slice(0, 10)}）`] : '无'),
            h('td', columnSentence(check)),
          ]),
        ),
      ),
    ]),
  ];
}

function metadataSection(result: AuditResult): ElementContent[] {
  const content: ElementContent[] = [h('h2', '三、元数据')];
  if (result.metadata.length === 0) return [...content, h('p', '没有发现问题。')];
  return [
    ...content,
    scrollingTable('元数据问题（按文件）', [
      h('thead', h('tr', ['文件', '类别', '说明'].map((label) => h('th', { scope: 'col' }, label)))),
      h(
        'tbody',
        result.metadata.map((finding) =>
          h('tr', [
            h('td', [link(finding.report.title, finding.report.url), h('br'), h('code', finding.report.file)]),
            h('td', METADATA_KINDS[finding.kind]),
            h('td', finding.message),
          ]),
        ),
      ),
    ]),
  ];
}

export function formatAuditHtml(result: AuditResult): string {
  const title = `政务公开合规检查 · ${result.site.name} · ${result.today}`;
  const tree = h('html', { lang: 'zh-CN' }, [
    h('head', [h('meta', { charset: 'utf-8' }), h('meta', { name: 'viewport', content: 'width=device-width, initial-scale=1' }), h('title', title), h('style', STYLE)]),
    h('body', [
      h('main', [
        h('h1', '政务公开合规检查'),
        h('p', [link(result.site.name, `${result.site.url}/`), ` · 检查日期 ${result.today}（北京时间）`]),
        h('p', h('strong', summarySentence(result))),
        ...annualSection(result),
        ...columnsSection(result),
        ...metadataSection(result),
        h('p', '本报告由 npm run audit 根据网站内容生成：“逾期”指截止日期已过仍缺失的年度报告、空栏目和超过更新期限的栏目。'),
      ]),
    ]),
  ]);
  return `<!doctype html>\n${toHtml(tree)}\n`;
}
