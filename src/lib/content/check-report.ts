/**
 * The whole check of one report once every file is parsed: what it refers
 * to, its attachments, its rendered body and links, dates and index number;
 * then, if its agency is known, the `Report` the site is built from.
 */
import type { BodyOutline } from '../../markdown/cached.ts';
import { parseIndexNumber } from '../index-number.ts';
import type { Agency, Report } from '../model.ts';
import { assembleReport, publishedOf } from './assemble-report.ts';
import { checkedAttachments, checkedBodyLinks } from './body-checks.ts';
import { fieldOf, referenceProblems, type References } from './cross-file.ts';
import type { ReportDraft } from './parse-report.ts';
import type { Problem } from './problems.ts';

export interface ReportCheckContext {
  contentDir: string;
  /** `YYYY-MM-DD` in Beijing, for "date in the future" warnings. */
  today: string;
  /** `YYYY-MM-DD HH:mm` in Beijing, for "published later today" warnings. */
  now: string;
  renderOutline: (digest: string, markdown: () => string) => BodyOutline | Promise<BodyOutline>;
}

/** Warnings about dates in the future or out of order and an index number that does not match the date or the agency. */
function dateAndNumberProblems(draft: ReportDraft, agency: Agency | undefined, { today, now }: Pick<ReportCheckContext, 'today' | 'now'>): Problem[] {
  const { data } = draft;
  const at = (path: PropertyKey[]) => fieldOf(draft, path);
  const problems: Problem[] = [];
  if (data.date > today) problems.push({ severity: 'warning', ...at(['date']), message: `发文日期（date）${data.date} 晚于今天（${today}）`, hint: '请核对日期是否写错' });
  const published = publishedOf(draft);
  if (published.slice(0, 10) > today) {
    problems.push({ severity: 'warning', ...at(['published']), message: `发布日期（published）${published.slice(0, 10)} 晚于今天（${today}）`, hint: '请核对日期是否写错' });
  } else if (published > now) {
    problems.push({ severity: 'warning', ...at(['published']), message: `发布日期（published）${published} 晚于现在（北京时间 ${now}）`, hint: '请核对时间是否写错：页面会显示一个还没到的发布时间' });
  }
  if (published.slice(0, 10) < data.date) {
    problems.push({ severity: 'warning', ...at(['published']), message: `发布日期（published）${published.slice(0, 10)} 早于发文日期（date）${data.date}`, hint: '文件成文后才能发布：请核对这两个日期' });
  }
  const indexParts = parseIndexNumber(data.indexNumber);
  if (indexParts && indexParts.year !== Number(data.date.slice(0, 4))) {
    problems.push({
      severity: 'warning',
      ...at(['indexNumber']),
      message: `索引号（indexNumber）中的年份 ${indexParts.year} 与发文日期（date）${data.date} 的年份不一致`,
      hint: '索引号的年份通常与发文年份相同，请核对',
    });
  }
  if (agency?.code && !data.indexNumber.startsWith(agency.code)) {
    problems.push({
      severity: 'warning',
      ...at(['indexNumber']),
      message: `索引号（indexNumber）“${data.indexNumber}” 不以发布机构 ${agency.name} 的索引号前缀 ${agency.code} 开头`,
      hint: '请核对发布机构或索引号',
    });
  }
  return problems;
}

export async function checkReport(draft: ReportDraft, references: References, context: ReportCheckContext): Promise<{ report: Report | undefined; problems: Problem[] }> {
  const { file } = draft;
  const { agency, problems } = referenceProblems(draft, references);
  const attached = await checkedAttachments(draft, context.contentDir);
  problems.push(...attached.problems);

  let outline: BodyOutline;
  try {
    outline = await context.renderOutline(draft.digest, draft.body);
  } catch (error) {
    problems.push({ severity: 'error', file, line: draft.bodyLine, message: `正文无法处理：${(error as Error).message}`, hint: '请检查正文中是否有异常内容（如大段重复的符号）；无法解决时请联系技术人员' });
    return { report: undefined, problems };
  }
  if (outline.refused) {
    problems.push({ severity: 'error', file, line: draft.bodyLine + outline.refused.line - 1, message: outline.refused.message, hint: outline.refused.hint });
    return { report: undefined, problems };
  }
  if (outline.textStart.trim() === '') problems.push({ severity: 'warning', file, message: '正文为空', hint: '在第二个 --- 行之后写正文' });
  const links = await checkedBodyLinks(draft, outline, context.contentDir, references.reportIds);
  problems.push(...links.problems);
  if (outline.imagesWithoutAlt > 0) {
    problems.push({ severity: 'warning', file, message: `正文中有 ${outline.imagesWithoutAlt} 张图片缺少替代文字`, hint: '写成 ![图片内容的简短描述](图片路径)，读屏软件会朗读这段描述' });
  }
  problems.push(...dateAndNumberProblems(draft, agency, context));

  const report = agency && assembleReport(draft, { agency, attachments: attached.attachments, linkedFiles: links.linkedFiles, siteLinks: links.siteLinks, textStart: outline.textStart });
  return { report, problems };
}
