/**
 * 语音阅读 in Chromium, observed through a stand-in speechSynthesis that
 * records what the page hands over: the order and text of the utterances,
 * their language and rate, the highlighted unit, pause/resume/stop/speed,
 * the keyboard, screen-reader announcements, axe, and the page without
 * speech synthesis.
 */
import type { BrowserContext, Page } from 'playwright-core';
import { afterEach, describe, expect, it } from 'vitest';
import { axeViolations } from '../helpers/axe.ts';
import { finishUtterance, spoken, stubSpeech, type SpeechStubOptions } from '../helpers/speech-stub.ts';
import { servedFixture } from '../helpers/served-fixture.ts';

const REPORT = '/reports/2019/jyj-jihua/';
const LONG_REPORT = '/reports/2023/long/';
const PASTED_REPORT = '/reports/2023/hostile/';

let context: BrowserContext;
let page: Page;

const site = servedFixture();

afterEach(async () => {
  await context?.close();
});

async function open(path: string, options: SpeechStubOptions & { viewport?: { width: number; height: number }; elder?: boolean } = {}) {
  context = await site.browser.newContext({ viewport: options.viewport ?? { width: 1280, height: 900 } });
  await stubSpeech(context, options);
  if (options.elder) await context.addInitScript(() => localStorage.setItem('zwgk:elder-mode', 'on'));
  page = await context.newPage();
  await page.goto(site.server.origin + path);
  if (!options.absent) await startButton().waitFor({ state: 'visible' });
}

const startButton = () => page.getByRole('button', { name: '语音阅读', exact: true });
const player = () => page.getByRole('region', { name: '语音阅读' });
const playerButton = (name: string) => player().getByRole('button', { name, exact: true });
const status = () => page.locator('[data-read-aloud-status]');
const highlighted = () => page.locator('[data-read-aloud-current]');

/** Waits until the page has handed over its n-th utterance. */
async function utteranceCount(n: number) {
  await expect.poll(async () => (await spoken(page)).length).toBe(n);
}

const lastSpoken = async () => (await spoken(page)).at(-1)!;

describe('语音阅读 reads the report aloud', () => {
  it('reads the title, the byline, the addressee, the body and the signature in order, in zh-CN, highlighting each', async () => {
    await open(REPORT);
    await startButton().click();
    const expected: [text: string, highlight: string][] = [
      ['样例县教育局2019年度工作计划', 'h1'],
      ['来源：样例县教育局，发布日期：2019年1月15日', '.report-byline'],
      ['县人民政府：', '.addressee'],
      ['为做好2019年全县教育工作，现将年度工作计划报告如下。', '.report-body > p:nth-of-type(1)'],
      ['一、总体目标', '.report-body h2:nth-of-type(1)'],
      ['全县义务教育巩固率保持在百分之九十九以上，新建幼儿园三所。', '.report-body > p:nth-of-type(2)'],
      ['（一）基础教育', '.report-body h3'],
      ['完成城东小学扩建工程，新增学位六百个。', '.report-body > p:nth-of-type(3)'],
      ['二、保障措施', '.report-body h2:nth-of-type(2)'],
      ['加强经费保障，落实教师培训计划。', '.report-body > p:nth-of-type(4)'],
      ['样例县教育局', '.signature p:nth-of-type(1)'],
      ['2019年1月15日', '.signature p:nth-of-type(2)'],
    ];
    for (const [index, [text, selector]] of expected.entries()) {
      await utteranceCount(index + 1);
      expect(await lastSpoken()).toEqual({ text, lang: 'zh-CN', rate: 1, voice: '普通话（测试）' });
      expect(await highlighted().count()).toBe(1);
      expect(await highlighted().evaluate((element, selector) => element === document.querySelector(`article.report ${selector}`), selector), selector).toBe(true);
      expect(await player().locator('[data-read-aloud-progress]').textContent()).toBe(`正在朗读 ${index + 1}/${expected.length}`);
      await finishUtterance(page);
    }
    // Done: nothing more is said, the highlight goes, the button comes back with the focus.
    await expect.poll(() => status().textContent()).toBe('全文朗读完毕');
    expect(await spoken(page)).toHaveLength(expected.length);
    expect(await highlighted().count()).toBe(0);
    expect(await player().count()).toBe(0);
    expect(await startButton().evaluate((button) => button === document.activeElement)).toBe(true);
  });

  it('hands a long paragraph over in chunks of whole sentences, highlighting the paragraph throughout', async () => {
    await open(LONG_REPORT);
    await startButton().click();
    // Title, byline, first paragraph, two headings: then the first long paragraph.
    for (let i = 1; i <= 5; i++) {
      await utteranceCount(i);
      await finishUtterance(page);
    }
    const paragraph = page.locator('.report-body p').nth(1);
    const text = (await paragraph.textContent())!;
    expect(text.length).toBeGreaterThan(100);
    const chunks: string[] = [];
    while (chunks.join('') !== text) {
      await utteranceCount(6 + chunks.length);
      chunks.push((await lastSpoken()).text);
      expect(await highlighted().evaluate((element) => element.textContent)).toBe(text);
      expect(chunks.length).toBeLessThan(10);
      await finishUtterance(page);
    }
    expect(chunks.length).toBeGreaterThan(1);
    for (const chunk of chunks) {
      expect(chunk.length).toBeLessThanOrEqual(60);
      expect(chunk).toMatch(/[。；]$/);
    }
  });

  it('reads a table row by row and pasted text outside paragraphs, saying nothing the sanitizer removed', async () => {
    await open(PASTED_REPORT);
    await startButton().click();
    const texts: string[] = [];
    while (await player().isVisible()) {
      const count = (await spoken(page)).length;
      texts.push((await lastSpoken()).text);
      await finishUtterance(page);
      await expect.poll(async () => (await spoken(page)).length > count || !(await player().isVisible())).toBe(true);
    }
    expect(texts).toContain('项目，数量');
    expect(texts).toContain('H2O，103');
    expect(texts).toContain('提交');
    expect(texts).toContain('第一行 第二行');
    expect(texts.join('')).not.toMatch(/alert|script|onclick/i);
  });

  it('scrolls the unit being read into view above the player, on a phone', async () => {
    await open(LONG_REPORT, { viewport: { width: 320, height: 640 } });
    await startButton().click();
    for (let i = 1; i <= 12; i++) {
      await utteranceCount(i);
      await finishUtterance(page);
    }
    await utteranceCount(13);
    await expect
      .poll(() =>
        page.evaluate(() => {
          const box = document.querySelector('[data-read-aloud-current]')!.getBoundingClientRect();
          const playerTop = document.querySelector('[data-read-aloud-player]')!.getBoundingClientRect().top;
          return box.top >= 0 && box.top < playerTop && window.scrollY > 0;
        }),
      )
      .toBe(true);
  });
});

describe('pause, resume, stop and speed', () => {
  it('pauses and resumes: the sentence being read is said again from its start', async () => {
    await open(REPORT);
    await startButton().click();
    await utteranceCount(1);
    await finishUtterance(page);
    await utteranceCount(2);
    await playerButton('暂停').click();
    await expect.poll(() => status().textContent()).toBe('已暂停');
    expect(await page.evaluate(() => window.speechStub.cancels)).toBeGreaterThanOrEqual(1);
    // The cancelled utterance's end event must not move the reading on.
    await page.waitForTimeout(200);
    expect(await spoken(page)).toHaveLength(2);
    expect(await player().locator('[data-read-aloud-progress]').textContent()).toBe('已暂停 2/12');
    expect(await highlighted().evaluate((element) => element.className)).toBe('report-byline');
    await playerButton('继续').click();
    await utteranceCount(3);
    expect((await lastSpoken()).text).toBe('来源：样例县教育局，发布日期：2019年1月15日');
    await expect.poll(() => status().textContent()).toBe('继续朗读');
    expect(await playerButton('暂停').isVisible()).toBe(true);
  });

  it('stops: silence, no highlight, the player gone, the focus back on 语音阅读', async () => {
    await open(REPORT);
    await startButton().click();
    await utteranceCount(1);
    await playerButton('停止').click();
    await expect.poll(() => status().textContent()).toBe('已停止语音阅读');
    await page.waitForTimeout(200);
    expect(await spoken(page)).toHaveLength(1);
    expect(await highlighted().count()).toBe(0);
    expect(await player().count()).toBe(0);
    expect(await startButton().evaluate((button) => button === document.activeElement)).toBe(true);
    // Starting again starts from the title.
    await startButton().click();
    await utteranceCount(2);
    expect((await lastSpoken()).text).toBe('样例县教育局2019年度工作计划');
  });

  it('changes speed at once, and remembers it on the next visit', async () => {
    await open(REPORT);
    await startButton().click();
    await utteranceCount(1);
    const speed = player().getByRole('group', { name: '语速' });
    await speed.getByRole('button', { name: '快' }).click();
    await utteranceCount(2);
    expect(await lastSpoken()).toMatchObject({ text: '样例县教育局2019年度工作计划', rate: 1.3 });
    expect(await speed.getByRole('button', { name: '快' }).getAttribute('aria-pressed')).toBe('true');
    expect(await speed.getByRole('button', { name: '中' }).getAttribute('aria-pressed')).toBe('false');
    await expect.poll(() => status().textContent()).toBe('语速：快');
    await speed.getByRole('button', { name: '慢' }).click();
    await utteranceCount(3);
    expect((await lastSpoken()).rate).toBe(0.75);
    await page.reload();
    await startButton().click();
    await utteranceCount(1);
    expect((await lastSpoken()).rate).toBe(0.75);
    expect(await speed.getByRole('button', { name: '慢' }).getAttribute('aria-pressed')).toBe('true');
  });

  it('says so, visibly and to screen readers, when the engine fails', async () => {
    await open(REPORT, { failWith: 'synthesis-failed' });
    await startButton().click();
    await expect.poll(() => status().textContent()).toMatch(/^无法朗读/);
    expect(await status().isVisible()).toBe(true);
    expect(await player().count()).toBe(0);
    expect(await highlighted().count()).toBe(0);
    expect(await spoken(page)).toHaveLength(1);
  });
});

describe('when the engine fails on a phone', () => {
  it('the message goes on its own line under 语音阅读, which keeps its size', async () => {
    await open(REPORT, { failWith: 'synthesis-failed', viewport: { width: 320, height: 640 } });
    const before = (await startButton().boundingBox())!;
    await startButton().click();
    await expect.poll(() => status().isVisible()).toBe(true);
    const after = (await startButton().boundingBox())!;
    expect(after.width).toBeCloseTo(before.width, 0);
    expect(after.height).toBeCloseTo(before.height, 0);
    expect((await status().boundingBox())!.y).toBeGreaterThanOrEqual(after.y + after.height);
  });
});

describe('the keyboard', () => {
  it('starts with Enter, pauses with Space, reaches stop and speed with Tab, stops with Escape', async () => {
    await open(REPORT);
    await startButton().focus();
    await page.keyboard.press('Enter');
    await utteranceCount(1);
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('暂停');
    await page.keyboard.press('Space');
    await expect.poll(() => page.evaluate(() => document.activeElement?.textContent)).toBe('继续');
    await page.keyboard.press('Space');
    await utteranceCount(2);
    const stops: string[] = [];
    for (let i = 0; i < 4; i++) {
      await page.keyboard.press('Tab');
      stops.push(await page.evaluate(() => document.activeElement?.textContent ?? ''));
    }
    expect(stops).toEqual(['停止', '慢', '中', '快']);
    await page.keyboard.press('Enter');
    await utteranceCount(3);
    expect((await lastSpoken()).rate).toBe(1.3);
    await page.keyboard.press('Escape');
    await expect.poll(() => status().textContent()).toBe('已停止语音阅读');
    expect(await startButton().evaluate((button) => button === document.activeElement)).toBe(true);
  });
});

describe('where the browser has no speech synthesis', () => {
  it('shows no 语音阅读 control, logs no error, and the other controls work', async () => {
    const errors: string[] = [];
    context = await site.browser.newContext();
    await stubSpeech(context, { absent: true });
    page = await context.newPage();
    page.on('console', (message) => {
      if (message.type() === 'error') errors.push(message.text());
    });
    page.on('pageerror', (error) => errors.push(error.message));
    await page.goto(site.server.origin + REPORT);
    await page.getByRole('button', { name: '大', exact: true }).click();
    expect(await page.getByRole('button', { name: '大', exact: true }).getAttribute('aria-pressed')).toBe('true');
    expect(await page.getByRole('button', { name: '语音阅读' }).count()).toBe(0);
    expect(await page.locator('[data-read-aloud]').isVisible()).toBe(false);
    expect(errors).toEqual([]);
  });

  it('is not in the page without JavaScript', async () => {
    context = await site.browser.newContext({ javaScriptEnabled: false });
    page = await context.newPage();
    await page.goto(site.server.origin + REPORT);
    expect(await page.getByRole('button', { name: '语音阅读' }).count()).toBe(0);
  });
});

describe('how it looks', () => {
  it('in 长者模式 every player button is at least 44×44 px, and the highlight is a frame as well as a colour', async () => {
    await open(LONG_REPORT, { elder: true, viewport: { width: 320, height: 640 } });
    const startBox = await startButton().boundingBox();
    expect(startBox!.width).toBeGreaterThanOrEqual(44);
    expect(startBox!.height).toBeGreaterThanOrEqual(44);
    await startButton().click();
    await utteranceCount(1);
    const small = await player().evaluate((region) =>
      [...region.querySelectorAll('button')]
        .map((button) => ({ name: button.textContent, box: button.getBoundingClientRect() }))
        .filter(({ box }) => box.width < 44 || box.height < 44)
        .map(({ name }) => name),
    );
    expect(small).toEqual([]);
    const style = await highlighted().evaluate((element) => {
      const computed = getComputedStyle(element);
      return { outline: computed.outlineStyle, width: Number.parseFloat(computed.outlineWidth), background: computed.backgroundColor };
    });
    expect(style.outline).toBe('solid');
    expect(style.width).toBeGreaterThanOrEqual(3);
    expect(style.background).not.toBe('rgba(0, 0, 0, 0)');
    const playerBox = await player().boundingBox();
    expect(playerBox!.x).toBeGreaterThanOrEqual(0);
    expect(playerBox!.x + playerBox!.width).toBeLessThanOrEqual(320);
  });

  it('prints without the control, the player or the highlight', async () => {
    await open(REPORT);
    await startButton().click();
    await utteranceCount(1);
    await page.emulateMedia({ media: 'print' });
    expect(await player().isVisible()).toBe(false);
    expect(await page.locator('[data-read-aloud]').isVisible()).toBe(false);
    expect(await highlighted().evaluate((element) => getComputedStyle(element).outlineStyle)).toBe('none');
  });
});

describe('axe while reading', () => {
  it.each([
    ['default', { width: 1280, height: 900 }, false],
    ['elder mode', { width: 1280, height: 900 }, true],
    ['320 px phone', { width: 320, height: 640 }, false],
  ] as const)('%s: no violations with the player open and a paragraph highlighted', async (_name, viewport, elder) => {
    await open(LONG_REPORT, { viewport, elder });
    expect(await axeViolations(page)).toEqual([]);
    await startButton().click();
    for (let i = 1; i <= 5; i++) {
      await utteranceCount(i);
      await finishUtterance(page);
    }
    await utteranceCount(6);
    expect(await axeViolations(page)).toEqual([]);
  });
});
