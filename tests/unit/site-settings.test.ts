/**
 * site.yaml settings a public portal cannot do without: its own address
 * (never this computer's) and a contact for the accessibility statement.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadContent } from '../../src/lib/content/load.ts';
import { formatProblem, type Problem } from '../../src/lib/content/problems.ts';
import { isLocalAddress } from '../../src/lib/content/site-checks.ts';
import { copyFixture, writeContentFile } from '../helpers/fixture-site.ts';

/** The fixture's site.yaml with `edit` applied, loaded as a build (or a preview build) would. */
async function loadWithSite(edit: (yaml: string) => string, preview = false) {
  const contentDir = copyFixture('portal');
  writeContentFile(contentDir, 'site.yaml', edit(readFileSync(join(contentDir, 'site.yaml'), 'utf8')));
  return loadContent({ contentDir, projectRoot: contentDir, today: '2026-11-23', preview });
}

const withoutLine = (key: string) => (yaml: string) => yaml.replace(new RegExp(`^${key}:.*\\n`, 'm'), '');
const siteErrors = (problems: Problem[]) => problems.filter((p) => p.severity === 'error' && p.file === 'site.yaml');

describe('the site’s address (url)', () => {
  it('is required: without it the build is refused, saying why and how to fix it', async () => {
    const { portal, problems } = await loadWithSite(withoutLine('url'));
    expect(portal).toBeUndefined();
    const [error] = siteErrors(problems);
    expect(formatProblem(error!)).toMatch(/^site\.yaml {2}错误 {2}网站地址（url）：缺少必填项。.*http:\/\/localhost:4321/);
    expect(error!.hint).toContain('url: https://');
    expect(error!.hint).toContain('npm run build -- --preview');
  });

  it('may not point at this computer outside a preview', async () => {
    const { portal, problems } = await loadWithSite((yaml) => yaml.replace(/^url:.*$/m, 'url: http://127.0.0.1:8080'));
    expect(portal).toBeUndefined();
    expect(siteErrors(problems)[0]).toMatchObject({ key: 'url', line: 7 });
    expect(siteErrors(problems)[0]!.message).toContain('“http://127.0.0.1:8080” 是本机地址');
  });

  it('may be left out of a preview, which uses the local address, warns, and is marked as a preview', async () => {
    const { portal, problems } = await loadWithSite(withoutLine('url'), true);
    expect(portal?.site).toMatchObject({ url: 'http://localhost:4321', preview: true });
    expect(problems.filter((p) => p.file === 'site.yaml').map((p) => [p.severity, p.message])).toEqual([
      ['warning', '网站地址（url）没有设置：这是本机预览，页面中的网址、二维码和 RSS 都指向 http://localhost:4321，不能发布'],
    ]);
  });

  it('a published build is not a preview', async () => {
    const { portal } = await loadWithSite((yaml) => yaml);
    expect(portal?.site).toMatchObject({ url: 'https://www.yangli.example', preview: false });
  });

  it('tells local addresses from public ones', () => {
    for (const url of ['http://localhost:4321', 'http://LOCALHOST', 'http://preview.localhost/', 'http://127.0.0.1:8080', 'http://[::1]:4321', 'http://0.0.0.0']) {
      expect(isLocalAddress(url), url).toBe(true);
    }
    for (const url of ['https://www.example.gov.cn', 'https://localhost.example.gov.cn', 'http://10.0.0.1']) {
      expect(isLocalAddress(url), url).toBe(false);
    }
  });
});

describe('a contact for readers (contact or email)', () => {
  it('is required, naming both fields and how to add one', async () => {
    const { portal, problems } = await loadWithSite(withoutLine('email'));
    expect(portal).toBeUndefined();
    const [error] = siteErrors(problems);
    expect(error!.message).toContain('联系电话（contact）');
    expect(error!.message).toContain('电子邮箱（email）');
    expect(error!.message).toContain('无障碍声明');
    expect(error!.hint).toMatch(/contact: .*email: /);
  });

  it('a phone number alone is enough, and so is an email address alone', async () => {
    const phone = await loadWithSite((yaml) => withoutLine('email')(yaml).replace(/^url:/m, 'contact: 0449-1234567\nurl:'));
    expect(phone.portal?.site.contact).toBe('0449-1234567');
    const email = await loadWithSite((yaml) => yaml);
    expect(email.portal?.site.email).toBe('zwgk@yangli.example');
  });

  it('an email address that is not one is refused on its line', async () => {
    const { problems } = await loadWithSite((yaml) => yaml.replace(/^email:.*$/m, 'email: 办公室'));
    expect(siteErrors(problems)[0]).toMatchObject({ key: 'email', line: 6 });
    expect(siteErrors(problems)[0]!.message).toBe('电子邮箱（email）：应为电子邮箱地址，例如 zwgk@example.gov.cn');
  });
});
