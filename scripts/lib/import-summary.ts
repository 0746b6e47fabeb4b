/** What `npm run import` tells the editor: a line or two per page as it goes, one summary at the end. */
import { basename } from 'node:path';
import type { PageOutcome } from './import-run.ts';

/** The lines for one page: where it went, and every field that did not come straight from the page. */
export function outcomeLines(outcome: PageOutcome, dryRun: boolean): string[] {
  if (outcome.status === 'skipped') return [`跳过：${outcome.source}：${outcome.reason}`];
  if (outcome.status === 'needs-attention') return [`没有导入：${outcome.source}`, ...outcome.errors.map((error) => `  ${error}`)];
  return [
    `${dryRun ? '将导入' : '已导入'}：${outcome.source} → ${outcome.file}`,
    ...outcome.notes.map((note) => `  ${note.field}：${note.message}`),
    ...(
      [
        ['附件', outcome.attachments],
        ['图片', outcome.images],
      ] as const
    ).flatMap(([kind, files]) =>
      files.filter((file) => file.renamed).map((file) => `  ${kind}（attachments）：“${basename(file.from)}”与同一篇的另一个文件重名（或只有大小写、Unicode 写法不同），改名为 ${basename(file.file)}`),
    ),
    ...outcome.missing.map((file) =>
      file.refused
        ? `  ${file.kind}（attachments）：“${file.text || file.href}”（链接 ${file.href}）没有导入：${file.refused}`
        : `  ${file.kind}（attachments）：“${file.text || file.href}”在保存的网站中找不到（链接 ${file.href}），没有导入，请补上`,
    ),
  ];
}

/** `列表页 3 个、已导入过 2 个`, most frequent first. */
function countByKind(kinds: readonly string[], unit: string): string {
  const counts = new Map<string, number>();
  for (const kind of kinds) counts.set(kind, (counts.get(kind) ?? 0) + 1);
  return [...counts]
    .sort((a, b) => b[1] - a[1])
    .map(([kind, count]) => `${kind} ${count} ${unit}`)
    .join('、');
}

/** The summary: imported / skipped (why) / needs attention (which field), and which page labels became date and published. */
export function summaryLines(outcomes: readonly PageOutcome[], dryRun: boolean, logFile: string): string[] {
  const imported = outcomes.filter((outcome) => outcome.status === 'imported');
  const skipped = outcomes.filter((outcome) => outcome.status === 'skipped');
  const attention = outcomes.filter((outcome) => outcome.status === 'needs-attention');
  const toCheck = imported.filter((outcome) => outcome.missing.length > 0 || outcome.notes.some((note) => note.check));
  const lines = ['', `── 导入结果${dryRun ? '（试运行：没有写入任何文件，去掉 --dry-run 即可导入）' : ''} ──`];
  lines.push(
    `${dryRun ? '将导入' : '已导入'} ${imported.length} 篇` +
      (toCheck.length > 0 ? `，其中 ${toCheck.length} 篇请核对（上面标“请核对”或“找不到”的行）` : ''),
  );
  if (skipped.length > 0) lines.push(`跳过 ${skipped.length} 个：${countByKind(skipped.map((outcome) => outcome.reason.split('：')[0]!), '个')}`);
  if (attention.length > 0) {
    const fields = attention.flatMap((outcome) => outcome.fields);
    lines.push(`需要处理 ${attention.length} 篇（没有导入），问题在：${countByKind(fields, '篇')}；按上面的提示补上参数（--column、--agency、--date、--title）或修正后重新运行，已导入的不会重复导入`);
  }
  if (imported.length > 0) {
    lines.push(`发文日期（date）取自：${countByKind(imported.map((outcome) => outcome.dateFrom), '篇')}`);
    const published = imported.map((outcome) => outcome.publishedFrom ?? '页面上没有（同发文日期）');
    lines.push(`发布日期（published）取自：${countByKind(published, '篇')}`);
    const attachments = imported.reduce((sum, outcome) => sum + outcome.attachments.length, 0);
    const images = imported.reduce((sum, outcome) => sum + outcome.images.length, 0);
    const notCopied = imported.flatMap((outcome) => outcome.missing);
    const refused = notCopied.filter((file) => file.refused).length;
    const missing = notCopied.length - refused;
    const renamed = imported.flatMap((outcome) => [...outcome.attachments, ...outcome.images]).filter((file) => file.renamed).length;
    lines.push(
      `附件 ${attachments} 个、图片 ${images} 个${dryRun ? '将' : '已'}复制到 content/attachments/` +
        (renamed > 0 ? `；${renamed} 个与同一篇的其他文件重名（或只有大小写、Unicode 写法不同），已改名（加 -2、-3 …）` : '') +
        (missing > 0 ? `；${missing} 个在保存的网站中找不到` : '') +
        (refused > 0 ? `；${refused} 个是网页或脚本类型，不能附上，没有导入` : ''),
    );
  }
  lines.push(`导入日志（JSON）：${dryRun ? `试运行不写，导入时写到 ${logFile}` : logFile}`);
  return lines;
}
