/**
 * Page chrome of old portals: what a page shows around a document that is
 * not part of it — the 当前位置 trail, 阅读次数 counters, 打印 / 关闭 / 分享 /
 * 字体 controls, 上一篇 / 下一篇, 相关链接, footers with 主办 / ICP /
 * 网站标识码, 扫一扫. `npm run import` leaves it out of bodies; the content
 * check warns when some is left in one.
 */

const BREADCRUMB_LABELS = [
  '您当前所在的位置',
  '您当前所在位置',
  '您当前的位置',
  '您当前位置',
  '您现在所在的位置',
  '您现在的位置',
  '您所在的位置',
  '您所在位置',
  '您的位置',
  '当前所在的位置',
  '当前所在位置',
  '当前的位置',
  '当前位置',
  '现在的位置',
  '所在位置',
];
/** A breadcrumb line: its label (any of the above, or a bare `位置：`), an optional 是 and colon, then the trail. */
const BREADCRUMB = new RegExp(`^(?:${BREADCRUMB_LABELS.join('|')}|位置(?=\\s*[:：]))\\s*是?\\s*[:：]?\\s*(.*)$`);
/** Where chrome merged into a breadcrumb line starts: counters, dates, bracketed controls. */
const AFTER_TRAIL = /(?:阅读|浏览|点击|访问)(?:次数|量|数)|发布(?:时间|日期)|字[体号]\s*[:：]|[【[]|\s(?:打\s*印|关\s*闭)(?:\s|$)/;
/** Without the spaces around it, which the crumbs lose when trimmed: `\s*` on both sides made a long run of spaces quadratic. */
const CRUMB_SEPARATOR = />+|＞+|›+|»+|→|－>|->|\/|／|\|/;

/** A trail without a label: `首页 > 政务公开 > 工作总结` (not `首页 | 政务公开`, which is a menu). */
const BARE_TRAIL = /^((?:网站)?首页|主页)\s*(?:>+|＞|›|»|→)\s*\S/;

/** The crumbs of a breadcrumb line — `您当前所在的位置是:首页 > 政务公开 阅读次数:次 [ 关 闭 ]` → `['首页', '政务公开']` — or `undefined`. */
export function breadcrumbOf(line: string): string[] | undefined {
  const text = line.trim();
  const match = BREADCRUMB.exec(text);
  if (!match && !BARE_TRAIL.test(text)) return undefined;
  const trail = match ? match[1]! : text;
  const end = AFTER_TRAIL.exec(trail);
  return (end ? trail.slice(0, end.index) : trail)
    .split(CRUMB_SEPARATOR)
    .map((crumb) => crumb.trim())
    .filter(Boolean);
}

/** Words that make up control bars: `【打印本页】【关闭窗口】`, `[ 关 闭 ]`, `字体：大 中 小`. */
const CONTROL_WORDS = new Set([
  '打印', '打印本页', '打印此页', '打印文章', '打印正文', '关闭', '关闭窗口', '关闭本页', '收藏', '加入收藏', '收藏本页',
  '分享', '转载', '返回', '返回顶部', '返回列表', '返回首页', '纠错', '我要纠错', '大', '中', '小', '大中小', '默认',
  '字体', '字号', '放大', '缩小', '保存', '保存本页', '推荐', '顶部', 'TOP', 'top', '朗读', '语音播报', '视力保护色',
]);
const CONTROL_SPLIT = /[【】[\]()（）<>《》|｜·•/:：,，、]+/;
/** Lines that begin with a control, a counter or a page-turner. */
const CHROME_START = /^[【[（(]?(?:分享到|分享至|转载分享|扫一扫|用手机扫|微信扫|手机扫码|字[体号]|浏览量|浏览次数|阅读次数|阅读量|访问量|访问次数|点击数|点击量|点击率|上一篇|下一篇|上一条|下一条|上篇[:：]|下篇[:：]|打印本页|关闭窗口|返回顶部)/;
/** A section heading of the page, with nothing after it: 附件:, 相关链接. */
const PAGE_SECTION = /^(?:附件|相关附件|相关稿件|相关文件|相关链接|相关文章|相关阅读|相关新闻|相关信息|相关推荐|相关内容)[:：]?$/;
/** Site footers: ICP, 网站标识码, 公网安备, 版权所有, 技术支持 … */
const FOOTER = /ICP\s*备|ICP\s*证|网站标识码|公网安备|版权所有|Copyright|©|技术支持\s*[:：]/i;
/** … or 主办 / 承办 followed by contact details in the line's last clause (never a sentence: an event's 主办单位 is). */
const ORGANIZER = /(?:主办|承办)(?:单位)?\s*[:：]/;
const CONTACT_DETAILS = /承办|协办|维护|运维|联系|电话|地址|邮编/;
/** The first line of what follows a document on its page: page-turners, related links, QR codes, the footer. */
const TRAILER_START = /^[【[]?(?:上一篇|下一篇|上一条|下一条|上篇[:：]|下篇[:：]|扫一扫|用手机扫|手机扫码|分享到|分享至|返回顶部|网站地图|联系我们)/;

const squeeze = (line: string) => line.replace(/\s+/g, '');

/** Control bars are short; longer lines are never only controls. */
const MAX_CONTROL_BAR = 60;

function isControlBar(line: string): boolean {
  if (line.length > MAX_CONTROL_BAR) return false;
  const all = (words: string[]) => words.length > 0 && words.every((word) => CONTROL_WORDS.has(word));
  return all(line.split(CONTROL_SPLIT).flatMap((part) => part.trim().split(/\s+/)).filter(Boolean)) || all(squeeze(line).split(CONTROL_SPLIT).filter(Boolean));
}

function isFooterLine(line: string): boolean {
  if (FOOTER.test(line)) return true;
  // Found with one pass each: a single regex for this backtracked over the whole line at every 主办.
  const lastClause = line.slice(Math.max(line.lastIndexOf('。'), line.lastIndexOf('；'), line.lastIndexOf(';')) + 1);
  const organizer = ORGANIZER.exec(lastClause);
  return organizer !== null && CONTACT_DETAILS.test(lastClause.slice(organizer.index + organizer[0].length));
}

/** A line that belongs to the page, never to the document. */
export function isChromeLine(line: string): boolean {
  const squeezed = squeeze(line);
  if (squeezed === '') return false;
  return CHROME_START.test(squeezed) || PAGE_SECTION.test(squeezed) || isControlBar(line) || isFooterLine(line) || breadcrumbOf(line) !== undefined;
}

/** Where a document ends on its page: page-turners, related links (as a heading), QR codes, the footer. */
export function startsTrailer(line: string): boolean {
  const squeezed = squeeze(line);
  return TRAILER_START.test(squeezed) || (PAGE_SECTION.test(squeezed) && !/^(?:附件|相关附件)/.test(squeezed)) || isFooterLine(line);
}

/** Counters anywhere in a line: `阅读次数：37`, `浏览量:-`. */
const COUNTER = /(?:阅读|浏览|点击|访问)(?:次数|量|数)\s*[:：]/;

/**
 * What page chrome a body line holds, named for a message (`当前位置`,
 * `阅读次数`, `打印/关闭`…), or `undefined`. Stricter than `isChromeLine`:
 * a report may say 关闭 or 打印 in a sentence, never on a line of its own.
 */
export function leftoverChrome(line: string): string | undefined {
  const text = line.trim();
  if (text === '') return undefined;
  if (breadcrumbOf(text) !== undefined) return '当前位置';
  const counter = COUNTER.exec(text);
  if (counter) return counter[0].replace(/\s*[:：]$/, '');
  if (isFooterLine(text)) return '网站页脚';
  const squeezed = squeeze(text);
  const start = CHROME_START.exec(squeezed);
  if (start) return start[0].replace(/^[【[（(]/, '');
  if (isControlBar(text)) return squeezed.replace(/[【】[\]]/g, '');
  return undefined;
}
