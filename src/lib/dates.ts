/**
 * Calendar dates and Beijing times, kept as strings.
 *
 * Documents carry dates as `YYYY-MM-DD` text. They are never turned into a
 * `Date` for display: a `Date` at UTC midnight shows the previous day on a
 * machine west of Greenwich. Only the RSS feed needs real instants, and those
 * are computed explicitly in Beijing time (UTC+8, no daylight saving).
 */

export interface CalendarDate {
  year: number;
  month: number;
  day: number;
}

const DATE_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;
const DATE_TIME_PATTERN = /^(\d{4})-(\d{2})-(\d{2})(?:[ T](\d{2}):(\d{2}))?$/;

const BEIJING_OFFSET_MS = 8 * 60 * 60 * 1000;

export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** Why a `YYYY-MM-DD` string is not a real date, or `undefined` when it is one. */
export function dateProblem(text: string): string | undefined {
  const match = DATE_PATTERN.exec(text);
  if (!match) return '格式应为 YYYY-MM-DD';
  const [year, month, day] = match.slice(1, 4).map(Number) as [number, number, number];
  if (month < 1 || month > 12) return `没有 ${month} 月`;
  const lastDay = daysInMonth(year, month);
  if (day < 1 || day > lastDay) return `${year}年${month}月只有${lastDay}天`;
  return undefined;
}

export function parseDate(text: string): CalendarDate {
  const match = DATE_PATTERN.exec(text);
  if (!match || dateProblem(text)) throw new RangeError(`不是有效日期：${text}`);
  return { year: Number(match[1]), month: Number(match[2]), day: Number(match[3]) };
}

/** Why a `YYYY-MM-DD` or `YYYY-MM-DD HH:mm` string is invalid, or `undefined`. */
export function dateTimeProblem(text: string): string | undefined {
  const match = DATE_TIME_PATTERN.exec(text);
  if (!match) return '格式应为 YYYY-MM-DD 或 YYYY-MM-DD HH:mm';
  const dateIssue = dateProblem(`${match[1]}-${match[2]}-${match[3]}`);
  if (dateIssue) return dateIssue;
  if (match[4] !== undefined) {
    const hour = Number(match[4]);
    const minute = Number(match[5]);
    if (hour > 23 || minute > 59) return `时间 ${match[4]}:${match[5]} 不存在`;
  }
  return undefined;
}

/** Normalises `YYYY-MM-DD[ HH:mm]` to `YYYY-MM-DD HH:mm` (midnight when no time is given). */
export function normalizeDateTime(text: string): string {
  const match = DATE_TIME_PATTERN.exec(text);
  if (!match || dateTimeProblem(text)) throw new RangeError(`不是有效时间：${text}`);
  return `${match[1]}-${match[2]}-${match[3]} ${match[4] ?? '00'}:${match[5] ?? '00'}`;
}

/** 2021-03-04 → 2021年3月4日 */
export function formatChineseDate(text: string): string {
  const { year, month, day } = parseDate(text.slice(0, 10));
  return `${year}年${month}月${day}日`;
}

const WEEKDAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/**
 * A Beijing wall-clock time `YYYY-MM-DD[ HH:mm]` as RSS writes dates
 * (RFC 822), in Beijing time: `Mon, 26 Feb 2024 00:00:00 +0800`. In GMT a
 * date without a time would read as the evening of the day before.
 */
export function rfc822InBeijing(text: string): string {
  const [datePart, timePart] = normalizeDateTime(text).split(' ') as [string, string];
  const { year, month, day } = parseDate(datePart);
  const weekday = WEEKDAYS[new Date(Date.UTC(year, month - 1, day)).getUTCDay()];
  return `${weekday}, ${String(day).padStart(2, '0')} ${MONTHS[month - 1]} ${year} ${timePart}:00 +0800`;
}

/** 发布日期 for `<time datetime>`: the date alone when no time was given, else the time with Beijing's offset. */
export function publishedDatetime(published: string, hasTime: boolean): string {
  const normalized = normalizeDateTime(published);
  return hasTime ? `${normalized.replace(' ', 'T')}+08:00` : normalized.slice(0, 10);
}

/** Today's date in Beijing as `YYYY-MM-DD`, whatever the machine's time zone. */
export function todayInBeijing(now: Date = new Date()): string {
  return new Date(now.getTime() + BEIJING_OFFSET_MS).toISOString().slice(0, 10);
}

/** The current Beijing wall-clock time as `YYYY-MM-DD HH:mm`. */
export function nowInBeijing(now: Date = new Date()): string {
  return new Date(now.getTime() + BEIJING_OFFSET_MS).toISOString().slice(0, 16).replace('T', ' ');
}
