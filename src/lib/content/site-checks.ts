/**
 * Checks of site.yaml that go beyond its schema. A public page must never
 * point at this computer: without `url` (or with a local one) only a
 * preview build may go ahead, and it says so on every page. The
 * accessibility statement needs someone to contact.
 */
import type { Problem } from './problems.ts';
import { DEFAULT_SITE_URL } from './site-url.ts';
import type { SiteConfig } from './schema.ts';
import { lineOf, type ParsedYaml } from './yaml.ts';

const LOCAL_HOSTS = /^(?:localhost|.+\.localhost|127(?:\.\d+){3}|0\.0\.0\.0|\[::1?\])$/i;

/** Whether a URL points at this computer rather than a public site. */
export function isLocalAddress(url: string): boolean {
  try {
    return LOCAL_HOSTS.test(new URL(url).hostname);
  } catch {
    return false;
  }
}

const URL_HINT = '写网站的正式地址，例如 url: https://www.example.gov.cn；只在本机预览时，可以用 npm run build -- --preview 构建（页面会标明是预览）';

export function siteProblems(site: SiteConfig, file: string, parsed: ParsedYaml, preview: boolean): Problem[] {
  const problems: Problem[] = [];
  if (!site.url) {
    problems.push(
      preview
        ? { severity: 'warning', file, key: 'url', message: `网站地址（url）没有设置：这是本机预览，页面中的网址、二维码和 RSS 都指向 ${DEFAULT_SITE_URL}，不能发布`, hint: URL_HINT }
        : {
            severity: 'error',
            file,
            key: 'url',
            message: `网站地址（url）：缺少必填项。没有它，二维码、本文网址、规范链接、RSS 和站点地图都会指向本机地址 ${DEFAULT_SITE_URL}`,
            hint: URL_HINT,
          },
    );
  } else if (isLocalAddress(site.url) && !preview) {
    problems.push({
      severity: 'error',
      file,
      line: lineOf(parsed, ['url']),
      key: 'url',
      message: `网站地址（url）“${site.url}” 是本机地址，读者打不开`,
      hint: URL_HINT,
    });
  }
  if (!site.contact && !site.email) {
    problems.push({
      severity: 'error',
      file,
      key: 'contact',
      message: '缺少联系方式：联系电话（contact）和电子邮箱（email）至少要写一项。无障碍声明的“反馈与联系”要告诉读者遇到障碍时找谁',
      hint: '加一行 contact: 0570-1234567 或 email: zwgk@example.gov.cn',
    });
  }
  return problems;
}
