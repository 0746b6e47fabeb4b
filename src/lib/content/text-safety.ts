/**
 * Characters that have no place in a published document and can mislead or
 * break it: NUL and other control characters (invalid in the RSS feed and
 * sitemap XML), bidi embeddings, overrides and isolates (U+202E shows a title
 * reversed), lone surrogates (not text at all) and noncharacters (U+FFFE,
 * U+FFFF, U+FDD0–FDEF…: never text either; U+FFFF in a title made the RSS
 * feed no longer XML). They are removed wherever text enters the portal —
 * front matter values here, report bodies in the Markdown renderer — and the
 * check warns, naming the line, so an editor can see what was pasted.
 */

const PATTERN = '[\\u0000-\\u0008\\u000b\\u000c\\u000e-\\u001f\\u007f-\\u009f\\u202a-\\u202e\\u2066-\\u2069]|\\p{Cs}|\\p{Noncharacter_Code_Point}';

/** Tests for an unsafe character (no `g` flag: safe to reuse). */
export const UNSAFE_CHARACTERS = new RegExp(PATTERN, 'u');

const ALL_UNSAFE = new RegExp(PATTERN, 'gu');

export function stripUnsafe(text: string): string {
  return text.replace(ALL_UNSAFE, '');
}

const NAMES: Record<number, string> = {
  0x00: '空字符 NUL',
  0x202a: '从左到右嵌入',
  0x202b: '从右到左嵌入',
  0x202c: '方向格式结束',
  0x202d: '从左到右强制',
  0x202e: '从右到左强制，会把文字倒过来显示',
  0x2066: '从左到右隔离',
  0x2067: '从右到左隔离',
  0x2068: '方向隔离',
  0x2069: '方向隔离结束',
};

/** `U+202E（从右到左强制…）、U+0007（控制字符）` — the distinct unsafe characters in `text`. */
export function describeUnsafe(text: string): string {
  const codes = [...new Set([...text.matchAll(ALL_UNSAFE)].map((match) => match[0].codePointAt(0)!))];
  return codes
    .map((code) => {
      const name = NAMES[code] ?? (code >= 0xd800 && code <= 0xdfff ? '不成对的代理项' : code >= 0xfdd0 ? '非字符' : '控制字符');
      return `U+${code.toString(16).toUpperCase().padStart(4, '0')}（${name}）`;
    })
    .join('、');
}

/**
 * `value` (parsed YAML) with unsafe characters removed from every string,
 * keys included; `found` is called with the path of each string that had any.
 */
export function stripUnsafeValues(value: unknown, found: (path: PropertyKey[], original: string) => void, path: PropertyKey[] = []): unknown {
  if (typeof value === 'string') {
    if (!UNSAFE_CHARACTERS.test(value)) return value;
    found(path, value);
    return stripUnsafe(value);
  }
  if (Array.isArray(value)) return value.map((item, index) => stripUnsafeValues(item, found, [...path, index]));
  if (value !== null && typeof value === 'object' && !(value instanceof Date)) {
    return Object.fromEntries(
      Object.entries(value).map(([key, item]) => {
        const cleanKey = stripUnsafe(key);
        if (cleanKey !== key) found([...path, key], key);
        return [cleanKey, stripUnsafeValues(item, found, [...path, key])];
      }),
    );
  }
  return value;
}

/**
 * A numeric character reference (`&#x202E;`, `&#8238;`). Of the unsafe
 * characters only bidi controls survive as references: the Markdown parser
 * turns control characters, surrogates and noncharacters into U+FFFD itself.
 */
const UNSAFE_REFERENCE = /&#(?:x([0-9a-f]{1,6})|([0-9]{1,7}));/gi;

/** Lines (1-based) of `text` that hold an unsafe character, literally or as a character reference, with what they hold. */
export function unsafeLines(text: string): { line: number; characters: string }[] {
  if (!UNSAFE_CHARACTERS.test(text) && !/&#/.test(text)) return [];
  const found: { line: number; characters: string }[] = [];
  text.split('\n').forEach((line, index) => {
    const referenced = [...line.matchAll(UNSAFE_REFERENCE)]
      .map((match) => Number.parseInt(match[1] ?? match[2]!, match[1] ? 16 : 10))
      .filter((code) => code >= 0x202a && code <= 0x2069 && UNSAFE_CHARACTERS.test(String.fromCharCode(code)))
      .map((code) => String.fromCharCode(code))
      .join('');
    const characters = `${line}${referenced}`;
    if (UNSAFE_CHARACTERS.test(characters)) found.push({ line: index + 1, characters: describeUnsafe(characters) });
  });
  return found;
}
