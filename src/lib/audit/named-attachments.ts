/**
 * Attachments a body names in the way official documents list them:
 *
 *     附件：1. 2021年行政执法统计表
 *           2. 执法人员名单
 *
 * (or 附件：名称, 附件1：名称), and whether it refers the reader to an
 * attachment at all (详见附件). Read from the Markdown source.
 */

export interface NamedAttachments {
  /** Names as written, without numbering, punctuation and quotes. Names that are links are left out: the link is the attachment. */
  names: string[];
  /** The body says 见附件 / 详见附件 / 参见附件 somewhere. */
  mentioned: boolean;
}

const ATTACHMENT_LINE = /^附件\s*[0-9０-９一二三四五六七八九十]*\s*[:：]\s*(.*)$/;
const NUMBERED = /^[0-9０-９]+\s*[.．、]\s*(.+)$/;
const NOTHING = new Set(['无', '略', '']);

/** A line without Markdown's quote, heading, list and emphasis markers. */
function plain(line: string): string {
  return line
    .trim()
    .replace(/^(?:>\s*)+/, '')
    .replace(/^#+\s*/, '')
    .replace(/^[-*+]\s+/, '')
    .replace(/^(?:\*\*|__)|(?:\*\*|__)$/g, '')
    .trim();
}

function cleanName(text: string): string | undefined {
  if (/\]\(/.test(text)) return undefined;
  const name = text
    .replace(/(?:\*\*|__)/g, '')
    .replace(/[。；;，,]+$/, '')
    .replace(/^[《“"]|[》”"]$/g, '')
    .trim();
  return NOTHING.has(name) ? undefined : name;
}

export function attachmentsNamedIn(markdown: string): NamedAttachments {
  const lines = markdown.replace(/\r\n?/g, '\n').split('\n').map(plain);
  const names: string[] = [];
  for (let i = 0; i < lines.length; i++) {
    const match = ATTACHMENT_LINE.exec(lines[i]!);
    if (!match) continue;
    const first = match[1]!.trim();
    const firstName = first && cleanName(NUMBERED.exec(first)?.[1] ?? first);
    if (firstName) names.push(firstName);
    // The numbered lines that follow (blank lines between them allowed) name the others.
    for (let j = i + 1; j < lines.length; j++) {
      if (lines[j] === '') continue;
      const numbered = NUMBERED.exec(lines[j]!);
      if (!numbered) break;
      const name = cleanName(numbered[1]!);
      if (name) names.push(name);
      i = j;
    }
  }
  return { names, mentioned: /(?:详见|参见|见)附件/.test(markdown) };
}

/** Names compared without spaces, quotes and a file extension. */
export function comparableName(name: string): string {
  return name
    .replace(/\s+/g, '')
    .replace(/[《》“”"「」]/g, '')
    .replace(/\.[a-z0-9]{2,5}$/i, '');
}
