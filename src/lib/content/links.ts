/**
 * Links in report bodies to pages of the site that are not reports or
 * attachments (those are checked as the content loads): checked against the
 * full list of the site's pages, before anything is built, so every page that
 * keeps a link — even one the build reuses unchanged — stays valid.
 */
import type { Portal } from '../model.ts';
import { reportUrl } from '../urls.ts';
import { brokenLinks } from './paths.ts';
import type { Problem } from './problems.ts';
import { sourceText } from './source.ts';

/** Static files published as they are (from `public/`), as site paths. */
export type PublicFiles = ReadonlySet<string>;

export function siteLinkProblems(portal: Portal, pages: ReadonlySet<string>, publicFiles: PublicFiles): Problem[] {
  const problems: Problem[] = [];
  for (const report of portal.reports) {
    // Lines are counted in the whole file; one changed since the check read it just goes without lines.
    const text = () => {
      try {
        return sourceText(report.sourcePath);
      } catch {
        return '';
      }
    };
    const broken = brokenLinks(report.sourceFile, text, 1);
    for (const link of report.siteLinks) {
      let path: string;
      try {
        path = decodeURIComponent(new URL(link, `http://site${reportUrl(report.id)}`).pathname);
      } catch {
        broken.add(link, `正文中的链接 ${link} 网址编码有误`, () => '请改正链接');
        continue;
      }
      const exists = pages.has(path) || pages.has(`${path}/`) || publicFiles.has(path);
      if (!exists) broken.add(link, `正文中的链接 ${link} 指向的页面或文件不存在`, () => '请改正链接；站内页面的网址见 README 中的“网址”一节');
    }
    problems.push(...broken.problems());
  }
  return problems;
}
