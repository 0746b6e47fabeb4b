/**
 * A deterministic synthetic content folder for benchmarks and search-quality
 * tests: the fictional 合成市合成区人民政府 with a column tree, two dozen
 * agencies and any number of reports in the project's content format.
 *
 *   node scripts/bench/corpus.ts --reports 1000 --out /tmp/corpus [--seed 1]
 *     [--years 2012-2025] [--min-bytes 5000] [--max-bytes 40000]
 *
 * The prose is built from the word lists in corpus-vocabulary.ts: phrases
 * are drawn with rank-skewed weights (the first entries of a list dominate),
 * each agency leans on its own domain, topics of a period appear only in
 * their years, and a list of rare phrases each lands in a handful of reports
 * whatever the corpus size. Same seed and options give byte-identical files.
 *
 * Reports are written as they are generated, a few at a time; memory stays
 * flat however many are asked for.
 */
import { mkdir, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import * as W from './corpus-vocabulary.ts';
import type { AgencyDef, ColumnDef, Kind } from './corpus-vocabulary.ts';

export interface CorpusOptions {
  /** Output folder: receives site.yaml, agencies.yaml and reports/. */
  dir: string;
  /** How many reports to write. */
  reports: number;
  /** PRNG seed; default 1. */
  seed?: number;
  /** First and last year of 发文日期, inclusive; default [2012, 2025]. */
  years?: [number, number];
  /** Body size range in UTF-8 bytes (after the front matter); defaults 5,000 and 40,000. */
  minBytes?: number;
  maxBytes?: number;
}

export interface CorpusSummary {
  /** Reports written. */
  reports: number;
  /** Bytes written, all files. */
  bytes: number;
  /** Distinct agencies and columns the reports use. */
  agencies: number;
  columns: number;
  /** Years of 发文日期 that occur, ascending. */
  years: number[];
}

/** First line of the generated site.yaml; a folder holding it may be regenerated in place. */
const MARKER = '# 合成语料：scripts/bench/corpus.ts 生成，可随时重新生成，请勿手工编辑';
const REGION_CODE = '339902';
const WRITE_CONCURRENCY = 16;

// ---------------------------------------------------------------------------
// Randomness
// ---------------------------------------------------------------------------

/** mulberry32: small, fast, good enough for text. */
class Rng {
  state: number;
  constructor(seed: number) {
    this.state = seed >>> 0;
  }
  next(): number {
    let t = (this.state = (this.state + 0x6d2b79f5) | 0);
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }
  /** 0 … n-1 */
  int(n: number): number {
    return Math.floor(this.next() * n);
  }
  /** a … b inclusive */
  range(a: number, b: number): number {
    return a + Math.floor(this.next() * (b - a + 1));
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
  pick<T>(list: readonly T[]): T {
    return list[Math.floor(this.next() * list.length)]!;
  }
  /** Rank-skewed pick: the first entries come up most. */
  skewed<T>(list: readonly T[]): T {
    const r = this.next();
    return list[Math.floor(r * r * list.length)]!;
  }
}

/** Mixes two integers into a well-spread 32-bit seed (murmur3 finaliser). */
function mix(a: number, b: number): number {
  let h = (Math.imul(a ^ 0x9e3779b9, 0x85ebca6b) ^ Math.imul(b + 0x7f4a7c15, 0xc2b2ae35)) >>> 0;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** Weighted choice by binary search over cumulative weights. */
class Sampler<T> {
  items: T[];
  cumulative: Float64Array;
  constructor(items: T[], weights: number[]) {
    this.items = items;
    this.cumulative = new Float64Array(items.length);
    let sum = 0;
    weights.forEach((w, i) => (this.cumulative[i] = sum += w));
  }
  /** Weight ∝ 1 / (rank + offset)^exponent: Zipf-like. */
  static zipf<T>(items: T[], exponent = 1, offset = 2): Sampler<T> {
    return new Sampler(items, items.map((_, rank) => 1 / Math.pow(rank + offset, exponent)));
  }
  pick(rng: Rng): T {
    const x = rng.next() * this.cumulative[this.cumulative.length - 1]!;
    let lo = 0;
    let hi = this.cumulative.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.cumulative[mid]! > x) hi = mid;
      else lo = mid + 1;
    }
    return this.items[lo]!;
  }
}

// ---------------------------------------------------------------------------
// Formatting helpers
// ---------------------------------------------------------------------------

const CN_DIGITS = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九'];

/** 1 → 一, 12 → 十二, 21 → 二十一, 105 → 一百零五, 118 → 一百一十八 (1 … 999). */
export function chineseNumber(n: number): string {
  if (n < 10) return CN_DIGITS[n]!;
  if (n < 100) {
    const tens = Math.floor(n / 10);
    const ones = n % 10;
    return `${tens === 1 ? '' : CN_DIGITS[tens]}十${ones === 0 ? '' : CN_DIGITS[ones]}`;
  }
  const rest = n % 100;
  const hundreds = `${CN_DIGITS[Math.floor(n / 100) % 10]}百`;
  if (rest === 0) return hundreds;
  if (rest < 10) return `${hundreds}零${CN_DIGITS[rest]}`;
  return `${hundreds}${rest < 20 ? '一' : ''}${chineseNumber(rest)}`;
}

function withCommas(n: number): string {
  return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

const pad2 = (n: number) => String(n).padStart(2, '0');

function daysInMonth(year: number, month: number): number {
  return month === 2 ? (year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28) : [4, 6, 9, 11].includes(month) ? 30 : 31;
}

/** Day of year (0-based) → month and day. */
function monthDay(year: number, dayOfYear: number): [number, number] {
  let month = 1;
  let day = dayOfYear;
  while (day >= daysInMonth(year, month)) day -= daysInMonth(year, month++);
  return [month, day + 1];
}

function dayOfYear(year: number, month: number, day: number): number {
  let total = day - 1;
  for (let m = 1; m < month; m++) total += daysInMonth(year, m);
  return total;
}

const byteLength = (text: string) => Buffer.byteLength(text, 'utf8');

/** A YAML scalar: plain when safe, else double-quoted (JSON strings are valid YAML). */
function yamlValue(value: string): string {
  return /^[\p{Script=Han}\p{Ps}\p{Pi}A-Za-z0-9][^:#'"\n\\]*$/u.test(value) && !/\s$/.test(value) ? value : JSON.stringify(value);
}

// ---------------------------------------------------------------------------
// Agencies, places and noun samplers
// ---------------------------------------------------------------------------

const AGENCIES = W.AGENCIES;
const KIND_NAMES = Object.keys(W.KIND_COLUMNS) as Kind[];
const KIND_SAMPLERS = AGENCIES.map((agency) => {
  const weights = agency.kinds ?? W.DEPARTMENT_KINDS;
  const kinds = KIND_NAMES.filter((kind) => (weights[kind] ?? 0) > 0);
  return new Sampler(kinds, kinds.map((kind) => weights[kind]!));
});
const AGENCY_SAMPLER = new Sampler(
  AGENCIES.map((_, i) => i),
  AGENCIES.map((a) => a.weight),
);

const ALL_TOWNS = Object.keys(W.TOWNS);
const ALL_COMMUNITIES = Object.values(W.TOWNS).flat();
const ALL_DOMAINS = Object.keys(W.DOMAIN_NOUNS);

function unique<T>(list: T[]): T[] {
  return [...new Set(list)];
}

/** A fixed permutation of a list, the same for every seed. */
function permuted<T>(list: readonly T[], key: number): T[] {
  const rng = new Rng(mix(key, 0x5eed));
  const copy = [...list];
  for (let i = copy.length - 1; i > 0; i--) {
    const j = rng.int(i + 1);
    [copy[i], copy[j]] = [copy[j]!, copy[i]!];
  }
  return copy;
}

/** Relative weight of other agencies' topics in an agency's reports. */
const OUT_OF_DOMAIN_WEIGHT = 0.06;

interface AgencyYear {
  nouns: Sampler<string>;
  laws: Sampler<string>;
  era: string[];
  ideas: string[];
}

/**
 * The nouns an agency uses in a year, ranked: its own domains first, the
 * period's topics woven in near the top, then the general vocabulary, then
 * everyone else's (rarely). Weights fall as 1/rank.
 */
function agencyYear(agency: AgencyDef, agencyIndex: number, year: number): AgencyYear {
  const current = W.ERA_TERMS.filter((t) => year >= t.from && year <= t.to);
  const mine = (t: (typeof current)[number]) => !t.domains || t.domains.some((d) => agency.domains.includes(d));
  const era = [...current.filter(mine), ...current.filter((t) => !mine(t))].map((t) => t.term);
  const own = unique(agency.domains.flatMap((d) => W.DOMAIN_NOUNS[d] ?? []));
  const ranked: string[] = [];
  const eraQueue = permuted(current.filter(mine).map((t) => t.term), agencyIndex * 7919 + year);
  own.forEach((noun, i) => {
    ranked.push(noun);
    if ((i === 2 || i === 6 || i === 12 || i === 20) && eraQueue.length > 0) ranked.push(eraQueue.shift()!);
  });
  ranked.push(...eraQueue, ...W.DOMAIN_NOUNS['general']!);
  const core = unique(ranked);
  // Everyone else's topics: present, but a rare sight in this agency's reports.
  const others = permuted(
    [
      ...current.filter((t) => !mine(t)).map((t) => t.term),
      ...ALL_DOMAINS.filter((d) => !agency.domains.includes(d) && d !== 'general').flatMap((d) => W.DOMAIN_NOUNS[d]!),
    ],
    agencyIndex,
  ).filter((noun) => !core.includes(noun));
  const all = unique([...core, ...others]);
  const nouns = new Sampler(
    all,
    all.map((_, rank) => (rank < core.length ? 1 : OUT_OF_DOMAIN_WEIGHT) / Math.pow(rank + 2, 1.15)),
  );

  const laws = W.LAWS.filter((law) => (law.from ?? 0) <= year && year <= (law.to ?? 9999));
  const lawRank = [
    ...laws.filter((law) => agency.domains.includes(law.domain)),
    ...laws.filter((law) => law.domain === 'general' && !agency.domains.includes('general')),
    ...permuted(laws.filter((law) => !agency.domains.includes(law.domain) && law.domain !== 'general'), agencyIndex + 17),
  ].map((law) => law.name);
  const ideas = W.IDEAS.filter((idea) => year >= idea.from && year <= idea.to).map((idea) => idea.text);
  return { nouns, laws: Sampler.zipf(lawRank, 1.2, 1.5), era, ideas };
}

const agencyYears = new Map<number, AgencyYear>();
function agencyYearFor(agencyIndex: number, year: number): AgencyYear {
  const key = agencyIndex * 10000 + year;
  let entry = agencyYears.get(key);
  if (!entry) {
    entry = agencyYear(AGENCIES[agencyIndex]!, agencyIndex, year);
    agencyYears.set(key, entry);
  }
  return entry;
}

/** Communities and villages an agency names: a town's own first, else the whole district's. */
const PLACE_SAMPLERS = AGENCIES.map((agency, i) => {
  const own = agency.town ? (W.TOWNS[agency.town] ?? []) : [];
  return Sampler.zipf(unique([...own, ...permuted(ALL_COMMUNITIES, i + 101)]), 0.8, 3);
});
const TOWN_SAMPLERS = AGENCIES.map((agency, i) => Sampler.zipf(unique([...(agency.town ? [agency.town] : []), ...permuted(ALL_TOWNS, i + 202)]), 0.7, 2));

// ---------------------------------------------------------------------------
// Templates
// ---------------------------------------------------------------------------

/** Everything a slot needs to fill itself for one report. */
interface Doc {
  rng: Rng;
  agencyIndex: number;
  agency: AgencyDef;
  /** The year the report covers. */
  year: number;
  vocab: AgencyYear;
  /** The report's topics: repeated through its body and named in its title. */
  focus: string[];
  lastNoun: string;
  lastIdea: string;
  lastAgency: string;
  lastViolation: string;
  /** Number of the next article, in a 办法. */
  article: number;
  rare: string | undefined;
  /** The sentence number at which the rare phrase comes up. */
  rareAt: number;
  sentences: number;
}

type Slot = (doc: Doc) => string;
type Template = (string | Slot)[];

function noun(doc: Doc): string {
  const rng = doc.rng;
  let value: string;
  const r = rng.next();
  if (r < 0.22) value = doc.focus[0]!;
  else if (r < 0.3) value = doc.focus[1]!;
  else value = doc.vocab.nouns.pick(rng);
  if (value === doc.lastNoun) value = doc.vocab.nouns.pick(rng);
  doc.lastNoun = value;
  return value;
}

function plainNoun(doc: Doc): string {
  return noun(doc).replace(/[“”]/g, '');
}

/** Another agency's short name, never this one's nor the one named just before. */
function otherAgency(doc: Doc): string {
  let index = doc.rng.int(AGENCIES.length);
  while (index === doc.agencyIndex || AGENCIES[index]!.short === doc.lastAgency) index = (index + 1) % AGENCIES.length;
  doc.lastAgency = AGENCIES[index]!.short;
  return doc.lastAgency;
}

function nameFrom(rng: Rng): string {
  return rng.skewed(W.NAME_CHARS) + rng.pick(W.NAME_CHARS);
}

function money(rng: Rng): string {
  const r = rng.next();
  if (r < 0.04) return `${(1 + rng.next() * 9).toFixed(2)}亿元`;
  const value = Math.exp(Math.log(5) + rng.next() * Math.log(60000 / 5));
  if (r < 0.45) return `${withCommas(Math.round(value))}万元`;
  const [whole, fraction] = value.toFixed(rng.chance(0.5) ? 1 : 2).split('.');
  return `${withCommas(Number(whole))}.${fraction}万元`;
}

function percent(rng: Rng): string {
  if (rng.chance(0.08)) return '100%';
  return `${(60 + 39.9 * Math.sqrt(rng.next())).toFixed(1)}%`;
}

function person(rng: Rng): string {
  return rng.pick(W.SURNAMES) + rng.pick(W.GIVEN_CHARS) + (rng.chance(0.75) ? rng.pick(W.GIVEN_CHARS) : '');
}

const SLOTS: Record<string, Slot> = {
  N: noun,
  N2: (d) => {
    let value = d.vocab.nouns.pick(d.rng);
    if (value === d.lastNoun) value = d.vocab.nouns.pick(d.rng);
    d.lastNoun = value;
    return value;
  },
  NP: plainNoun,
  V: (d) => d.rng.skewed(W.VERBS),
  v: (d) => d.rng.skewed(W.SHORT_VERBS),
  TO: (d) => d.rng.skewed(W.TITLE_OBJECTS),
  VP: (d) => (d.rng.chance(0.6) ? d.rng.skewed(W.VERBS) + noun(d) : d.rng.skewed(W.SHORT_VERBS) + d.rng.skewed(W.TITLE_OBJECTS)),
  R: (d) => d.rng.skewed(W.RESULTS),
  PB: (d) => d.rng.skewed(W.PROBLEMS),
  PBX: (d) => {
    let value = d.rng.pick(W.VIOLATIONS);
    if (value === d.lastViolation) value = W.VIOLATIONS[(W.VIOLATIONS.indexOf(value) + 1) % W.VIOLATIONS.length]!;
    d.lastViolation = value;
    return value;
  },
  M: (d) => d.rng.skewed(W.MECHANISMS),
  MT: (d) => d.rng.skewed(W.MEETINGS),
  U: (d) => d.rng.skewed(W.UNITS),
  BIZ: (d) => d.rng.skewed(W.BUSINESSES),
  FIXED: (d) => {
    const found = 5 + Math.floor(495 * d.rng.next() ** 2);
    const fixed = d.rng.chance(0.3) ? found : Math.round(found * (0.6 + 0.4 * d.rng.next()));
    return `累计排查问题${found}个，已整改${fixed}个，整改率${((fixed / found) * 100).toFixed(1)}%`;
  },
  CLEANUP: (d) => {
    const [a, b, c] = [d.rng.int(12), d.rng.int(20), 5 + d.rng.int(120)];
    return `${a + b + c}件，其中废止${a}件、修改${b}件、继续有效${c}件`;
  },
  POPULATION: (d) => {
    const total = Math.round(Math.exp(Math.log(200) + d.rng.next() * Math.log(100)));
    const part = Math.max(1, Math.round(total * (0.05 + 0.6 * d.rng.next())));
    return `全区${d.rng.skewed(W.SERVED)}总数为${total}人，其中纳入${noun(d)}服务范围的${part}人`;
  },
  CASES: (d) => {
    const opened = 3 + Math.floor(400 * d.rng.next() ** 2);
    return `立案查处违法案件${opened}起，办结${Math.max(1, opened - d.rng.int(Math.ceil(opened / 5)))}起`;
  },
  SERV: (d) => d.rng.skewed(W.SERVED),
  ACT: (d) => d.rng.skewed(W.ACTIVITIES),
  GOAL: (d) => d.rng.pick(W.GOALS),
  ORG: (d) => d.agency.short,
  ORGN: (d) => d.agency.name,
  ORG2: otherAgency,
  P: (d) => PLACE_SAMPLERS[d.agencyIndex]!.pick(d.rng),
  TOWN: (d) => TOWN_SAMPLERS[d.agencyIndex]!.pick(d.rng),
  LAW: (d) => d.vocab.laws.pick(d.rng),
  SL: (d) => d.rng.skewed(W.SLOGANS),
  ERA: (d) => (d.vocab.era.length > 0 ? d.rng.skewed(d.vocab.era) : noun(d)),
  IDEA: (d) => {
    let idea = d.rng.pick(d.vocab.ideas);
    if (idea === d.lastIdea) idea = d.vocab.ideas[(d.vocab.ideas.indexOf(idea) + 1) % d.vocab.ideas.length]!;
    d.lastIdea = idea;
    return idea;
  },
  ENT: (d) => `${d.rng.chance(0.5) ? W.CITY : ''}${nameFrom(d.rng)}${d.rng.pick(W.INDUSTRIES)}${d.rng.skewed(W.ENTERPRISE_SUFFIXES)}`,
  ROAD: (d) => nameFrom(d.rng) + d.rng.skewed(W.ROAD_SUFFIXES),
  XQ: (d) => nameFrom(d.rng) + d.rng.skewed(W.ESTATE_SUFFIXES),
  PROJ: (d) => PLACE_SAMPLERS[d.agencyIndex]!.pick(d.rng) + d.rng.pick(W.PROJECT_THINGS),
  DOC: (d) => {
    const n = plainNoun(d);
    switch (d.rng.int(4)) {
      case 0:
        return `《关于进一步加强${n}工作的实施意见》`;
      case 1:
        return `《合成区${n}工作方案》`;
      case 2:
        return `《合成区${n}三年行动计划（${d.year}—${d.year + 2}年）》`;
      default:
        return `《${d.agency.short}${n}工作规范》`;
    }
  },
  STATUS: (d) => render(d.rng.pick(STATUS_TEMPLATES), d),
  TSTATUS: (d) => d.rng.pick(W.TITLE_STATUSES),
  PERSON: (d) => person(d.rng),
  CAUSEA: (d) => d.rng.pick(W.CAUSES_OBJECTIVE),
  CAUSEB: (d) => d.rng.pick(W.CAUSES_SUBJECTIVE),
  RARE: (d) => d.rare ?? noun(d),
  n: (d) => String(2 + Math.floor(58 * d.rng.next() ** 2)),
  n2: (d) => String(10 + Math.floor(490 * d.rng.next() ** 2)),
  nn: (d) => {
    const value = Math.round(Math.exp(Math.log(100) + d.rng.next() * Math.log(200)));
    return value >= 1000 && d.rng.chance(0.5) ? withCommas(value) : String(value);
  },
  pct: (d) => percent(d.rng),
  share: (d) => `${(5 + d.rng.next() * 40).toFixed(1)}%`,
  dp: (d) => `${(0.5 + 35 * d.rng.next() ** 2).toFixed(1)}%`,
  dp0: (d) => (0.2 + 12 * d.rng.next() ** 2).toFixed(1),
  over: (d) => `${(100.5 + 30 * d.rng.next() ** 2).toFixed(1)}%`,
  score: (d) => (85 + 14.6 * Math.sqrt(d.rng.next())).toFixed(1),
  money: (d) => money(d.rng),
  UD: (d) => (d.rng.chance(0.72) ? '增长' : '下降'),
  yr: (d) => String(d.year),
  yr0: (d) => String(d.year - 1),
  yr1: (d) => String(d.year + 1),
  mon: (d) => String(d.rng.range(3, 12)),
  ym: (d) => `${d.year}年${d.rng.range(1, 12)}月`,
  md: (d) => `${d.rng.range(1, 12)}月${d.rng.range(1, 28)}日`,
  span: (d) => {
    const from = d.rng.range(1, 9);
    return `${d.year}年${from}月至${d.rng.range(from + 1, 12)}月`;
  },
  tel: (d) => String(d.rng.range(8000000, 8999999)),
  days: (d) => String(d.rng.range(2, 15)),
};

function compile(text: string): Template {
  const parts: Template = [];
  const pattern = /\{(\w+)\}/g;
  let last = 0;
  for (let match = pattern.exec(text); match; match = pattern.exec(text)) {
    if (match.index > last) parts.push(text.slice(last, match.index));
    const slot = SLOTS[match[1]!];
    if (!slot) throw new Error(`unknown slot {${match[1]}} in template: ${text}`);
    parts.push(slot);
    last = pattern.lastIndex;
  }
  if (last < text.length) parts.push(text.slice(last));
  return parts;
}

const compiled = new Map<string, Template>();

/** Renders template text, compiling it once. */
function fill(text: string, doc: Doc): string {
  let template = compiled.get(text);
  if (!template) compiled.set(text, (template = compile(text)));
  return render(template, doc);
}

function render(template: Template, doc: Doc): string {
  let out = '';
  for (const part of template) out += typeof part === 'string' ? part : part(doc);
  return out;
}

const STATUS_TEMPLATES = W.STATUSES.map(compile);
const SENTENCES = {
  work: W.WORK_SENTENCES.map(compile),
  stat: W.STAT_SENTENCES.map(compile),
  problem: W.PROBLEM_SENTENCES.map(compile),
  plan: W.PLAN_SENTENCES.map(compile),
  basis: W.BASIS_SENTENCES.map(compile),
  article: W.ARTICLE_SENTENCES.map(compile),
  rare: W.RARE_SENTENCES.map(compile),
};
type Role = 'work' | 'problem' | 'plan' | 'basis';

const SUBSECTION_TITLES = [
  '{v}{TO}，{v}{TO}',
  '{V}{N}',
  '聚焦{N}，{v}{TO}',
  '{N}工作{TSTATUS}',
  '以{NP}为抓手，{v}{TO}',
  '坚持{v}{TO}，{V}{N}',
].map(compile);

/** One sentence of a role; work paragraphs mix in statistics. */
function sentence(doc: Doc, role: Role): string {
  const rng = doc.rng;
  doc.sentences++;
  if (doc.rare && doc.sentences === doc.rareAt) return render(rng.pick(SENTENCES.rare), doc);
  let list: Template[];
  if (role === 'work') list = rng.chance(0.3) ? SENTENCES.stat : SENTENCES.work;
  else if (role === 'problem') list = rng.chance(0.85) ? SENTENCES.problem : SENTENCES.work;
  else if (role === 'plan') list = SENTENCES.plan;
  else list = rng.chance(0.7) ? SENTENCES.basis : SENTENCES.plan;
  return render(rng.skewed(list), doc);
}

function paragraph(doc: Doc, role: Role, min = 2, max = 6): string {
  const count = doc.rng.range(min, max);
  let text = sentence(doc, role);
  for (let i = 1; i < count; i++) {
    const next = sentence(doc, role);
    text += role === 'work' && doc.rng.chance(0.12) && !/^(其中|全年|截至|\d)/.test(next) ? doc.rng.pick(W.CONNECTORS) + next : next;
  }
  return text;
}

// ---------------------------------------------------------------------------
// Body assembly under a byte budget
// ---------------------------------------------------------------------------

/** Blocks separated by blank lines, never beyond `limit` bytes. */
class Body {
  blocks: string[] = [];
  /** Bytes of the body text so far, counting a blank line after every block. */
  bytes = 0;
  limit: number;
  constructor(limit: number) {
    this.limit = limit;
  }
  fits(block: string): boolean {
    return this.bytes + byteLength(block) + 2 <= this.limit;
  }
  add(block: string): boolean {
    const size = byteLength(block) + 2;
    if (this.bytes + size > this.limit) return false;
    this.blocks.push(block);
    this.bytes += size;
    return true;
  }
}

interface SectionPlan {
  title: string;
  role: Role;
  /** Share of the body. */
  share: number;
  /** `sub`: ### （一）… subsections; `para`: plain paragraphs; a fixed table otherwise. */
  shape: 'sub' | 'para' | 'xxgk-active' | 'xxgk-requests' | 'xxgk-review' | 'budget' | 'goals' | 'steps' | 'articles';
  /** Fixed subsection titles, used in order before generated ones. */
  subtitles?: string[];
}

function yearDescription(year: number): string {
  const special: Record<number, string> = {
    2015: '全面完成“十二五”规划的收官之年',
    2016: '“十三五”规划的开局之年',
    2020: '全面建成小康社会和“十三五”规划的收官之年',
    2021: '“十四五”规划的开局之年',
    2025: '“十四五”规划的收官之年',
  };
  return special[year] ?? (year < 2016 ? '实施“十二五”规划的关键之年' : year < 2021 ? '实施“十三五”规划的关键之年' : '实施“十四五”规划的关键之年');
}

function outline(kind: Kind, doc: Doc, variant: Variant): SectionPlan[] {
  const y = doc.year;
  switch (kind) {
    case 'fazhi':
      return [
        { title: `${y}年度推进法治政府建设的主要举措和成效`, role: 'work', share: 0.55, shape: 'sub' },
        { title: '党政主要负责人履行推进法治建设第一责任人职责情况', role: 'work', share: 0.12, shape: 'para' },
        { title: '存在的不足和原因', role: 'problem', share: 0.1, shape: 'para' },
        { title: `${y + 1}年推进法治政府建设的主要安排`, role: 'plan', share: 0.18, shape: 'sub' },
        { title: '其他需要报告的事项', role: 'work', share: 0.05, shape: 'para' },
      ];
    case 'xxgk':
      return [
        { title: '总体情况', role: 'work', share: 0.4, shape: 'sub', subtitles: ['主动公开', '依申请公开', '政府信息管理', '平台建设', '监督保障'] },
        { title: '主动公开政府信息情况', role: 'work', share: 0.12, shape: 'xxgk-active' },
        { title: '收到和处理政府信息公开申请情况', role: 'work', share: 0.15, shape: 'xxgk-requests' },
        { title: '政府信息公开行政复议、行政诉讼情况', role: 'work', share: 0.08, shape: 'xxgk-review' },
        { title: '存在的主要问题及改进情况', role: 'problem', share: 0.18, shape: 'para' },
        { title: '其他需要报告的事项', role: 'work', share: 0.07, shape: 'para' },
      ];
    case 'zongjie':
      return [
        { title: `${y}年工作完成情况`, role: 'work', share: 0.6, shape: 'sub' },
        { title: '存在的问题和不足', role: 'problem', share: 0.12, shape: 'para' },
        { title: `${y + 1}年工作思路`, role: 'plan', share: 0.28, shape: 'sub' },
      ];
    case 'jihua':
      return [
        { title: '总体要求', role: 'basis', share: 0.12, shape: 'para' },
        { title: '主要目标', role: 'basis', share: 0.1, shape: 'goals' },
        { title: '重点任务', role: 'plan', share: 0.6, shape: 'sub' },
        { title: '保障措施', role: 'plan', share: 0.18, shape: 'sub', subtitles: ['加强组织领导', '强化要素保障', '严格督查考核'] },
      ];
    case 'zfgzbg':
      return [
        { title: `${y - 1}年工作回顾`, role: 'work', share: 0.5, shape: 'sub' },
        { title: `${y}年工作总体要求和目标任务`, role: 'basis', share: 0.1, shape: 'para' },
        { title: `${y}年重点工作`, role: 'plan', share: 0.3, shape: 'sub' },
        { title: '加强政府自身建设', role: 'plan', share: 0.1, shape: 'para' },
      ];
    case 'banfa':
      return [{ title: '', role: 'basis', share: 1, shape: 'articles' }];
    case 'tongzhi':
      return [
        { title: '工作目标', role: 'basis', share: 0.12, shape: 'para' },
        { title: '工作内容', role: 'plan', share: 0.55, shape: 'sub' },
        { title: '工作步骤', role: 'plan', share: 0.15, shape: 'steps' },
        { title: '工作要求', role: 'basis', share: 0.18, shape: 'sub', subtitles: ['提高思想认识', '加强统筹协调', '严格督促落实'] },
      ];
    case 'qingkuang':
      return [
        { title: '基本情况', role: 'work', share: 0.15, shape: 'para' },
        { title: '主要做法和成效', role: 'work', share: 0.5, shape: 'sub' },
        { title: '存在的问题', role: 'problem', share: 0.12, shape: 'para' },
        { title: '下一步工作打算', role: 'plan', share: 0.23, shape: 'sub' },
      ];
    case 'jiedu':
      return [
        { title: '起草背景', role: 'basis', share: 0.15, shape: 'para' },
        { title: '起草依据', role: 'basis', share: 0.1, shape: 'para' },
        { title: '主要内容', role: 'plan', share: 0.55, shape: 'sub' },
        { title: '适用范围和施行时间', role: 'basis', share: 0.2, shape: 'para' },
      ];
    case 'yusuan':
      return [
        { title: '部门基本情况', role: 'work', share: 0.2, shape: 'para' },
        { title: variant === 'budget' ? '收支预算总体情况' : '收入支出决算总体情况', role: 'work', share: 0.2, shape: 'budget' },
        { title: '一般公共预算支出情况', role: 'work', share: 0.2, shape: 'para' },
        { title: '其他重要事项的情况说明', role: 'work', share: 0.4, shape: 'sub', subtitles: ['机关运行经费', '政府采购情况', '国有资产占用情况', '预算绩效管理情况'] },
      ];
    case 'dafu':
      return [
        { title: '基本情况', role: 'work', share: 0.2, shape: 'para' },
        { title: '已开展的工作', role: 'work', share: 0.5, shape: 'sub' },
        { title: '下一步打算', role: 'plan', share: 0.3, shape: 'para' },
      ];
    case 'zhifa':
      return [
        { title: '行政执法基本情况', role: 'work', share: 0.25, shape: 'para' },
        { title: '行政执法主要做法', role: 'work', share: 0.45, shape: 'sub' },
        { title: '存在的问题', role: 'problem', share: 0.1, shape: 'para' },
        { title: '下一步工作计划', role: 'plan', share: 0.2, shape: 'para' },
      ];
  }
}

function table(header: string[], rows: string[][]): string {
  const line = (cells: string[]) => `| ${cells.join(' | ')} |`;
  return [line(header), line(header.map(() => '---')), ...rows.map(line)].join('\n');
}

const METRICS: [string, string][] = [
  ['办件量', '件'],
  ['检查家次', '家次'],
  ['受理件数', '件'],
  ['服务人次', '人次'],
  ['投入资金', '万元'],
  ['培训人次', '人次'],
];

function statisticsTable(doc: Doc): string {
  const rng = doc.rng;
  const rows: string[][] = [];
  const count = rng.range(3, 6);
  for (let i = 0; i < count; i++) {
    const [metric, unit] = rng.pick(METRICS);
    const before = rng.range(40, 6000);
    const after = Math.max(1, Math.round(before * (0.7 + rng.next() * 0.7)));
    const change = ((after / before - 1) * 100).toFixed(1);
    rows.push([plainNoun(doc) + metric, unit, String(before), String(after), `${Number(change) > 0 ? '+' : ''}${change}%`]);
  }
  return table(['指标', '单位', `${doc.year - 1}年`, `${doc.year}年`, '同比增减'], rows);
}

function taskTable(doc: Doc): string {
  const rng = doc.rng;
  const rows: string[][] = [];
  const count = rng.range(3, 7);
  for (let i = 1; i <= count; i++) {
    rows.push([String(i), rng.skewed(W.VERBS) + noun(doc), rng.chance(0.5) ? doc.agency.short : otherAgency(doc), `${doc.year}年${rng.range(3, 12)}月底前`]);
  }
  return table(['序号', '工作任务', '牵头单位', '完成时限'], rows);
}

function bulletList(doc: Doc, role: Role): string {
  const count = doc.rng.range(3, 6);
  const items: string[] = [];
  const short = doc.rng.chance(0.4);
  for (let i = 0; i < count; i++) {
    items.push(short ? `- ${render(SUBSECTION_TITLES[1]!, doc)}；` : `- ${plainNoun(doc)}：${sentence(doc, role)}`);
  }
  if (short) items[count - 1] = items[count - 1]!.replace(/；$/, '。');
  return items.join('\n');
}

const ORDINALS = ['一是', '二是', '三是', '四是', '五是'];
const ENUMERATION_LEAD = compile('{V}{N}，{v}{TO}。');
const LIST_LEAD = compile('{V}{N}，重点做好以下工作：');
const GOAL_ITEM = compile('覆盖率达到{pct}以上');

/** 一是……；二是……；三是……。 */
function enumeration(doc: Doc, role: Role): string {
  const count = doc.rng.range(3, 5);
  const clauses: string[] = [];
  for (let i = 0; i < count; i++) {
    const clause = sentence(doc, role).replace(/。$/, '').replace(/。/g, '，');
    clauses.push(ORDINALS[i] + clause);
  }
  return `${render(ENUMERATION_LEAD, doc)}${clauses.join('；')}。`;
}

/** 1. 强化组织领导。… — numbered paragraphs, a Markdown ordered list. */
function numberedParagraphs(doc: Doc, role: Role, body: Body, until: number): boolean {
  const count = doc.rng.range(2, 5);
  for (let i = 1; i <= count; i++) {
    if (i > 1 && body.bytes >= until) return true;
    const head = doc.rng.chance(0.5) ? `${doc.rng.skewed(W.SHORT_VERBS)}${doc.rng.skewed(W.TITLE_OBJECTS)}` : `${doc.rng.skewed(W.VERBS)}${noun(doc)}`;
    if (!body.add(`${i}. ${head}。${paragraph(doc, role, 2, 4)}`)) return false;
  }
  return true;
}

/** One block of a subsection; `false` when the body is full. */
interface Extras {
  tables: number;
  lists: number;
  /** The previous block was a numbered group: two in a row would read as one list. */
  numbered: boolean;
}

function block(doc: Doc, role: Role, body: Body, until: number, extras: Extras): boolean {
  const r = doc.rng.next();
  if (r < 0.05 && extras.tables < 2) {
    extras.tables++;
    extras.numbered = false;
    const intro = role === 'plan' ? '具体任务分解如下：' : `${doc.year}年主要工作指标完成情况如下：`;
    return body.add(intro) && body.add(role === 'plan' ? taskTable(doc) : statisticsTable(doc));
  }
  if (r < 0.1 && extras.lists < 2) {
    extras.lists++;
    extras.numbered = false;
    return body.add(render(LIST_LEAD, doc)) && body.add(bulletList(doc, role));
  }
  const numbered = r < 0.3 && !extras.numbered;
  extras.numbered = numbered;
  if (numbered) return numberedParagraphs(doc, role, body, until);
  if (r < 0.4) return body.add(enumeration(doc, role));
  return body.add(paragraph(doc, role));
}

function xxgkActiveTable(doc: Doc): string {
  const rng = doc.rng;
  const count = () => String(rng.int(6));
  return table(
    ['信息内容', '本年制发件数', '本年废止件数', '现行有效件数'],
    [
      ['规章', '0', '0', '0'],
      ['行政规范性文件', count(), count(), String(rng.range(3, 40))],
      ['行政许可', '—', '—', String(rng.range(50, 3000))],
      ['行政处罚', '—', '—', String(rng.range(0, 800))],
      ['行政强制', '—', '—', String(rng.range(0, 60))],
      ['行政事业性收费', '—', '—', String(rng.range(0, 20))],
    ],
  );
}

function xxgkRequestTable(doc: Doc): string {
  const rng = doc.rng;
  const rows = ['本年新收政府信息公开申请数量', '上年结转政府信息公开申请数量', '予以公开', '部分公开', '不予公开', '本机关不掌握相关政府信息', '结转下年度继续办理'];
  return table(
    ['申请情况', '自然人', '法人或其他组织', '总计'],
    rows.map((label) => {
      const a = rng.int(40);
      const b = rng.int(8);
      return [label, String(a), String(b), String(a + b)];
    }),
  );
}

function xxgkReviewTable(doc: Doc): string {
  const rng = doc.rng;
  const cells = Array.from({ length: 5 }, () => String(rng.chance(0.6) ? 0 : rng.range(1, 4)));
  return table(['结果维持', '结果纠正', '其他结果', '尚未审结', '总计'], [[...cells.slice(0, 4), String(cells.slice(0, 4).reduce((s, c) => s + Number(c), 0))]]);
}

const BUDGET_ITEMS = ['一般公共服务支出', '公共安全支出', '教育支出', '社会保障和就业支出', '卫生健康支出', '节能环保支出', '城乡社区支出', '农林水支出', '住房保障支出', '灾害防治及应急管理支出'];

function budgetTable(doc: Doc): string {
  const rng = doc.rng;
  const items = permuted(BUDGET_ITEMS, rng.int(1000)).slice(0, rng.range(4, 7));
  let total = 0;
  let totalBefore = 0;
  const rows = items.map((item) => {
    const now = Math.round(rng.range(20, 9000) * 10) / 10;
    const before = Math.round(now * (0.75 + rng.next() * 0.5) * 10) / 10;
    total += now;
    totalBefore += before;
    return [item, now.toFixed(2), before.toFixed(2), `${((now / before - 1) * 100).toFixed(1)}`];
  });
  rows.push(['合计', total.toFixed(2), totalBefore.toFixed(2), `${((total / totalBefore - 1) * 100).toFixed(1)}`]);
  return table(['项目', `${doc.year}年（万元）`, `${doc.year - 1}年（万元）`, '增减（%）'], rows);
}

function goalsList(doc: Doc): string {
  const items: string[] = [];
  const count = doc.rng.range(3, 6);
  for (let i = 0; i < count; i++) items.push(`- ${plainNoun(doc)}：${render(GOAL_ITEM, doc)}；`);
  items[items.length - 1] = items[items.length - 1]!.replace(/；$/, '。');
  return items.join('\n');
}

function stepsList(doc: Doc): string {
  const y = doc.year;
  const a = doc.rng.range(2, 4);
  const b = doc.rng.range(a + 1, 8);
  const c = doc.rng.range(b + 1, 11);
  return [
    `1. 动员部署阶段（${y}年${a}月底前）。${paragraph(doc, 'plan', 1, 2)}`,
    `2. 组织实施阶段（${y}年${a + 1}月至${b}月）。${paragraph(doc, 'plan', 1, 3)}`,
    `3. 检查验收阶段（${y}年${b + 1}月至${c}月）。${paragraph(doc, 'plan', 1, 2)}`,
    `4. 总结提升阶段（${y}年${c + 1}月至12月）。${paragraph(doc, 'plan', 1, 2)}`,
  ].join('\n');
}

const CHAPTERS = ['总则', '{NP}管理', '{NP}服务', '监督检查', '法律责任'];

const FIRST_ARTICLE = compile('为{V}{N}，保障公民、法人和其他组织的合法权益，根据{LAW}等有关规定，结合本区实际，制定本办法。');

const SCOPE_ARTICLES = [
  compile('本办法适用于本区行政区域内{N}的管理活动。'),
  compile('{ORGN}负责全区{N}的组织、指导和监督工作。{ORG2}、{ORG2}等部门按照各自职责做好相关工作。'),
];

function articleText(doc: Doc): string {
  const list = SENTENCES.article;
  const i = doc.rng.int(list.length);
  const first = render(list[i]!, doc);
  return doc.rng.chance(0.3) ? first + render(list[(i + 1 + doc.rng.int(list.length - 1)) % list.length]!, doc) : first;
}

function addArticle(doc: Doc, body: Body, text: string): boolean {
  if (!body.add(`第${chineseNumber(doc.article)}条　${text}`)) return false;
  doc.article++;
  return true;
}

/** A 办法: chapters of numbered articles (附则 is its closing, see closing()). */
function articles(doc: Doc, body: Body): void {
  const chapterCount = CHAPTERS.length;
  const perChapter = (body.limit - body.bytes) / chapterCount;
  for (let c = 0; c < chapterCount; c++) {
    const until = body.bytes + perChapter;
    if (!body.add(`## 第${chineseNumber(c + 1)}章　${fill(CHAPTERS[c]!, doc)}`)) return;
    if (c === 0) for (const template of [FIRST_ARTICLE, ...SCOPE_ARTICLES]) if (!addArticle(doc, body, render(template, doc))) return;
    do {
      if (!addArticle(doc, body, articleText(doc))) return;
    } while (body.bytes < until);
  }
}

/** Sections, subsections and blocks up to the body's limit. */
function structure(doc: Doc, body: Body, plan: SectionPlan[]): void {
  if (plan[0]!.shape === 'articles') return articles(doc, body);
  const extras: Extras = { tables: 0, lists: 0, numbered: false };
  const start = body.bytes;
  const room = body.limit - start;
  let cumulative = 0;
  for (let s = 0; s < plan.length; s++) {
    const section = plan[s]!;
    cumulative += section.share;
    const until = start + room * cumulative;
    if (!body.add(`## ${chineseNumber(s + 1)}、${section.title}`)) return;
    switch (section.shape) {
      case 'xxgk-active':
        if (!body.add(xxgkActiveTable(doc))) return;
        break;
      case 'xxgk-requests':
        if (!body.add(xxgkRequestTable(doc))) return;
        break;
      case 'xxgk-review':
        if (!body.add(xxgkReviewTable(doc))) return;
        break;
      case 'budget':
        if (!body.add(budgetTable(doc))) return;
        break;
      case 'goals':
        if (!body.add(`到${doc.year}年底，力争实现以下目标：`) || !body.add(goalsList(doc))) return;
        break;
      case 'steps':
        if (!body.add(stepsList(doc))) return;
        break;
      case 'sub': {
        const subtitles = section.subtitles ?? [];
        const sectionRoom = until - body.bytes;
        const subCount = Math.max(subtitles.length, Math.min(14, Math.max(2, Math.round(sectionRoom / 2600))));
        const perSub = sectionRoom / subCount;
        for (let k = 0; body.bytes < until; k++) {
          const title = subtitles[k] ?? render(doc.rng.pick(SUBSECTION_TITLES), doc);
          if (!body.add(`### （${chineseNumber(k + 1)}）${title}`)) return;
          extras.numbered = false;
          const subUntil = Math.min(until, body.bytes + perSub);
          do {
            if (!block(doc, section.role, body, subUntil, extras)) return;
          } while (body.bytes < subUntil);
          if (k > 40) break;
        }
        continue;
      }
      case 'para':
      case 'articles':
        break;
    }
    // Plain paragraphs (also after a table) until the section has its share.
    let first = true;
    do {
      const text = first && section.shape !== 'para' ? paragraph(doc, section.role, 1, 3) : paragraph(doc, section.role);
      first = false;
      if (!body.add(text)) return;
    } while (body.bytes < until);
  }
}

/**
 * Adds one last paragraph (an article in a 办法) of sentences until the body
 * reaches `lower` bytes, never passing its limit. Mentions the report's rare
 * phrase if the body ended before it came up.
 */
function topUp(doc: Doc, body: Body, role: Role, lower: number, isArticles: boolean): void {
  const prefix = isArticles ? `第${chineseNumber(doc.article)}条　` : '';
  let text = '';
  const base = body.bytes + 2 + byteLength(prefix);
  const room = () => body.limit - base - byteLength(text);
  for (let attempt = 0; attempt < 60 && base + byteLength(text) < lower; attempt++) {
    let candidate: string;
    if (attempt < 40) {
      if (doc.rare && doc.sentences < doc.rareAt) doc.sentences = doc.rareAt - 1;
      candidate = isArticles && doc.sentences >= doc.rareAt ? articleText(doc) : sentence(doc, role);
    } else {
      candidate = doc.rng.pick(W.SHORT_SENTENCES);
    }
    if (byteLength(candidate) <= room()) text += candidate;
  }
  while (base + byteLength(text) < lower && room() >= 3) text += '。';
  if (text && body.add(prefix + text) && isArticles) doc.article++;
}

// ---------------------------------------------------------------------------
// One report
// ---------------------------------------------------------------------------

interface Planned {
  agencyIndex: number;
  kind: Kind;
  /** Year of 发文日期. */
  dateYear: number;
  /** Day of year of 发文日期. */
  day: number;
  serial: number;
}

/** When in its year a kind is issued, as [first, last] day of year, and the year it covers (offset). */
type Variant = 'budget' | 'final' | 'midyear';

function timing(kind: Kind, year: number, rng: Rng): { day: number; covers: number; variant: Variant } {
  const end = dayOfYear(year, 12, 31);
  const between = (m1: number, d1: number, m2: number, d2: number) => rng.range(dayOfYear(year, m1, d1), dayOfYear(year, m2, d2));
  switch (kind) {
    case 'fazhi':
      return { day: between(1, 5, 3, 31), covers: year - 1, variant: 'final' };
    case 'xxgk':
      return { day: between(1, 10, 1, 31), covers: year - 1, variant: 'final' };
    case 'zhifa':
      return { day: between(1, 10, 3, 31), covers: year - 1, variant: 'final' };
    case 'zongjie':
      return { day: between(11, 25, 12, 31), covers: year, variant: 'final' };
    case 'jihua':
      return { day: between(1, 5, 3, 20), covers: year, variant: 'final' };
    case 'zfgzbg':
      return { day: between(1, 5, 2, 28), covers: year, variant: 'final' };
    case 'yusuan':
      return rng.chance(0.5)
        ? { day: between(2, 1, 3, 31), covers: year, variant: 'budget' }
        : { day: between(8, 1, 9, 30), covers: year - 1, variant: 'final' };
    case 'dafu':
      return { day: between(5, 1, 8, 31), covers: year, variant: 'final' };
    case 'qingkuang': {
      // Reports of the first half year look back on the year before.
      const day = rng.int(end + 1);
      return day < dayOfYear(year, 7, 1) ? { day, covers: year - 1, variant: 'final' } : { day, covers: year, variant: 'midyear' };
    }
    default:
      return { day: rng.int(end + 1), covers: year, variant: 'final' };
  }
}

function reportTitle(kind: Kind, doc: Doc, variant: Variant, rng: Rng): string {
  const { name, short } = doc.agency;
  const y = doc.year;
  const f = doc.focus[0]!;
  const fp = f.replace(/[“”]/g, '');
  switch (kind) {
    case 'fazhi':
      return rng.pick([`${name}${y}年度法治政府建设工作报告`, `${name}关于${y}年度法治政府建设情况的报告`, `${name}${y}年法治政府建设年度报告`]);
    case 'xxgk':
      return `${name}${y}年政府信息公开工作年度报告`;
    case 'zongjie':
      return rng.pick([`${name}${y}年工作总结和${y + 1}年工作思路`, `${name}${y}年${fp}工作总结`, `${short}${y}年度工作总结`]);
    case 'jihua':
      return rng.pick([`${name}${y}年工作计划`, `${name}${y}年${fp}工作要点`, `${y}年合成区${fp}工作计划`]);
    case 'zfgzbg':
      return `${y}年合成区人民政府工作报告`;
    case 'banfa':
      return rng.pick([`合成区${fp}管理办法`, `合成区${fp}实施细则`, `合成区关于进一步加强${fp}工作的若干规定`]);
    case 'tongzhi':
      return rng.pick([
        `关于开展${y}年度${fp}专项行动的通知`,
        `${name}关于印发《合成区${fp}工作方案》的通知`,
        `关于做好${y}年${f}工作的通知`,
        `合成区${fp}三年行动计划（${y}—${y + 2}年）`,
      ]);
    case 'qingkuang':
      return rng.pick([
        `${name}关于${y}年${f}工作情况的报告`,
        variant === 'midyear' ? `关于${y}年上半年${f}工作开展情况的报告` : `关于${y}年度${f}工作开展情况的报告`,
        `${short}${f}工作情况汇报`,
      ]);
    case 'jiedu':
      return rng.pick([`《合成区${fp}管理办法》政策解读`, `关于《合成区${fp}实施方案》的解读`]);
    case 'yusuan':
      return variant === 'budget' ? `${name}${y}年部门预算` : `${name}${y}年度部门决算`;
    case 'dafu':
      return rng.chance(0.6)
        ? `关于区${chineseNumber(rng.range(16, 19))}届人大${chineseNumber(rng.range(1, 5))}次会议第${rng.range(1, 260)}号建议的答复`
        : `对区政协${chineseNumber(rng.range(10, 13))}届${chineseNumber(rng.range(1, 5))}次会议第${rng.range(1, 300)}号提案的答复`;
    case 'zhifa':
      return rng.pick([`${name}${y}年度行政执法数据公示`, `${name}${y}年“双随机、一公开”抽查结果公示`, `${name}${y}年度行政执法工作报告`]);
  }
}

function opening(kind: Kind, doc: Doc, title: string, issued: string): string {
  const t = (text: string) => fill(text, doc);
  const y = doc.year;
  switch (kind) {
    case 'fazhi':
      return t(`${y}年，{ORG}在区委、区政府的坚强领导下，{IDEA}，{IDEA}，全面落实{LAW}，把法治政府建设贯穿于{N}、{N}等各项工作之中，{R}。现将${y}年度法治政府建设工作情况报告如下：`);
    case 'xxgk':
      return t(`本报告根据《中华人民共和国政府信息公开条例》和上级有关要求，由{ORGN}编制。报告全文包括总体情况、主动公开政府信息情况、收到和处理政府信息公开申请情况、政府信息公开行政复议和行政诉讼情况、存在的主要问题及改进情况、其他需要报告的事项。本报告中所列数据的统计期限自${y}年1月1日起至${y}年12月31日止。如对本报告有疑问，请与{ORGN}联系（联系电话：0599-{tel}）。`);
    case 'zongjie':
      return t(`${y}年，{ORG}{IDEA}，紧紧围绕年初确定的目标任务，{V}{N}、{N}、{N}等重点工作，各项工作取得积极进展。现将全年工作总结如下：`);
    case 'jihua':
      return t(`${y}年是${yearDescription(y)}。为{V}{N}，{V}{N}，根据区委、区政府年度工作部署，结合{ORG}工作实际，制定本计划。`);
    case 'zfgzbg':
      return `各位代表：\n\n现在，我代表合成区人民政府，向大会报告政府工作，请予审议，并请区政协委员和其他列席人员提出意见。\n\n${t(`过去的一年，面对复杂多变的发展环境，全区上下{IDEA}，{V}{N}，{V}{N}，经济社会发展稳中有进，主要目标任务顺利完成。`)}`;
    case 'banfa':
      return t(`（${issued}{ORGN}印发）`);
    case 'tongzhi':
      return `各街道办事处、镇人民政府，区级各部门：\n\n${t('为{V}{N}，{V}{N}，根据{LAW}等有关规定，结合我区实际，现就有关事项通知如下：')}`;
    case 'qingkuang':
      return t(`根据区委、区政府工作部署，现将{ORG}${y}年${doc.focus[0]}工作情况报告如下。${y}年以来，{ORG}{IDEA}，把{N}作为重点工作来抓，{R}。`);
    case 'jiedu':
      return t(`近日，{ORGN}印发了${title.replace(/(政策解读|的解读)$/, '').replace(/^关于/, '')}。为便于社会公众理解和执行，现就有关内容解读如下。`);
    case 'yusuan':
      return t(`根据《中华人民共和国预算法》和有关规定，现将{ORGN}${y}年度部门${title.endsWith('决算') ? '决算' : '预算'}情况说明如下。`);
    case 'dafu':
      return t('您提出的《关于{V}{N}的建议》收悉。经认真研究，并会同{ORG2}等单位共同办理，现答复如下：');
    case 'zhifa':
      return t(`根据{LAW}和行政执法公示制度有关要求，现将{ORG}${y}年度行政执法工作情况公布如下。`);
  }
}

/** The closing block; in a 办法 the 附则 chapter, whose article numbers are `{A}` and `{B}` until the end. */
function closing(kind: Kind, doc: Doc, issued: [number, number, number]): string {
  const t = (text: string) => fill(text, doc);
  switch (kind) {
    case 'banfa': {
      const [year, month, day] = issued;
      const effective = month < 12 ? `${year}年${month + 1}月${Math.min(day, 28)}日` : `${year + 1}年1月1日`;
      return `## 第${chineseNumber(CHAPTERS.length + 1)}章　附则\n\n第{A}条　本办法由${doc.agency.name}负责解释。\n\n第{B}条　本办法自${effective}起施行，有效期${doc.rng.range(2, 5)}年。`;
    }
    case 'qingkuang':
      return '特此报告。';
    case 'tongzhi':
      return '本通知自印发之日起施行。';
    case 'dafu':
      return t('感谢您对{N}工作的关心和支持，欢迎继续提出宝贵意见和建议。\n\n联系人：{PERSON}，联系电话：0599-{tel}。');
    case 'zfgzbg':
      return t('各位代表！新的一年，我们将{IDEA}，{V}{N}，{V}{N}，奋力谱写合成区高质量发展新篇章！');
    case 'jiedu':
      return t('解读机关：{ORGN}。联系电话：0599-{tel}。');
    default:
      return '';
  }
}

const ADDRESSEES: Partial<Record<Kind, string[]>> = {
  fazhi: ['区委、区人民政府：', '区委全面依法治区委员会办公室：', '区人民政府：'],
  qingkuang: ['区人民政府：', '区委、区人民政府：', '区人大常委会：'],
  zongjie: ['区人民政府：'],
};

function frontMatter(fields: [string, string | number | undefined][], signature: { org: string; date: string } | undefined): string {
  let text = '---\n';
  for (const [key, value] of fields) {
    if (value === undefined) continue;
    text += `${key}: ${typeof value === 'number' ? value : key === 'published' ? JSON.stringify(value) : yamlValue(value)}\n`;
  }
  if (signature) text += `signature:\n  org: ${yamlValue(signature.org)}\n  date: ${signature.date}\n`;
  return `${text}---\n`;
}

interface Settings {
  seed: number;
  minBytes: number;
  maxBytes: number;
  /** Probability that a report mentions one rare phrase. */
  rareChance: number;
}

/** The full text of report `index`; `bodyBytes` is the body's size as the loader sees it. */
function renderReport(index: number, planned: Planned, settings: Settings): { text: string; path: string; bodyBytes: number; column: string } {
  const rng = new Rng(mix(settings.seed, index + 1));
  const agency = AGENCIES[planned.agencyIndex]!;
  const kind = planned.kind;
  const time = timing(kind, planned.dateYear, new Rng(mix(settings.seed ^ 0x71e, index + 1)));
  const vocab = agencyYearFor(planned.agencyIndex, time.covers);
  const doc: Doc = {
    rng,
    agencyIndex: planned.agencyIndex,
    agency,
    year: time.covers,
    vocab,
    focus: [],
    lastNoun: '',
    lastIdea: '',
    lastAgency: '',
    lastViolation: '',
    article: 1,
    rare: undefined,
    rareAt: 0,
    sentences: 0,
  };
  doc.focus = [vocab.nouns.pick(rng), vocab.nouns.pick(rng)];
  if (doc.focus[1] === doc.focus[0]) doc.focus[1] = vocab.nouns.pick(rng);
  if (rng.chance(settings.rareChance)) {
    doc.rare = rng.pick(W.RARE_PHRASES);
    doc.rareAt = rng.range(2, 14);
  }

  const [month, day] = monthDay(planned.dateYear, planned.day);
  const date = `${planned.dateYear}-${pad2(month)}-${pad2(day)}`;
  const title = reportTitle(kind, doc, time.variant, rng);
  const columns = W.KIND_COLUMNS[kind];
  const column = rng.chance(0.08) ? columns.parent : columns.leaf;
  let published: string | undefined;
  if (rng.chance(0.5)) {
    const lastDay = dayOfYear(planned.dateYear, 12, 31);
    const [pm, pd] = monthDay(planned.dateYear, Math.min(lastDay, planned.day + rng.int(6)));
    published = `${planned.dateYear}-${pad2(pm)}-${pad2(pd)} ${pad2(rng.range(8, 18))}:${pad2(rng.int(60))}`;
  }
  const annual = ['fazhi', 'xxgk', 'zongjie', 'jihua', 'zfgzbg', 'yusuan', 'zhifa'].includes(kind);
  const numbered = ['banfa', 'tongzhi', 'dafu'].includes(kind) || (['fazhi', 'qingkuang'].includes(kind) && rng.chance(0.5));
  const docNumber = numbered ? `合${agency.abbr}${kind === 'banfa' ? '规' : kind === 'dafu' ? '建' : '发'}〔${planned.dateYear}〕${rng.range(1, 120)}号` : undefined;
  let addressee: string | undefined;
  if (kind === 'dafu') addressee = `${person(rng)}${rng.chance(0.6) ? '代表' : '委员'}：`;
  else if (ADDRESSEES[kind] && rng.chance(0.6)) addressee = rng.pick(ADDRESSEES[kind]!);
  const signed = addressee !== undefined || (kind === 'tongzhi' && rng.chance(0.5));
  const indexNumber = `${REGION_CODE}-0${agency.code.slice(1)}/${planned.dateYear}-${String(planned.serial).padStart(5, '0')}`;

  const head = frontMatter(
    [
      ['title', title],
      ['indexNumber', indexNumber],
      ['agency', rng.chance(0.2) ? agency.name : agency.id],
      ['column', column],
      ['date', date],
      ['published', published],
      ['year', annual ? time.covers : undefined],
      ['category', columns.category],
      ['disclosure', rng.chance(0.3) ? '主动公开' : undefined],
      ['docNumber', docNumber],
      ['editor', rng.chance(0.25) ? person(rng) : undefined],
      ['addressee', addressee],
    ],
    signed ? { org: agency.name, date } : undefined,
  );

  // The body as the loader measures it: everything after the closing fence,
  // i.e. "\n" + blocks joined by blank lines + "\n".
  const target = settings.minBytes + rng.int(settings.maxBytes - settings.minBytes + 1);
  const lower = Math.max(settings.minBytes, target - 96);
  let end = closing(kind, doc, [planned.dateYear, month, day]);
  // Article numbers of 附则 are known only at the end: reserve room for the longest.
  const reserve = end ? byteLength(end.replace('{A}', '九百九十八').replace('{B}', '九百九十九')) + 2 : 0;
  const body = new Body(target - reserve - 1);
  body.bytes = 1; // the blank line after the front matter
  body.add(opening(kind, doc, title, `${planned.dateYear}年${month}月${day}日`));
  const plan = outline(kind, doc, time.variant);
  structure(doc, body, plan);
  // The text will be one byte shorter than body.bytes (no blank line after the last block).
  topUp(doc, body, plan.at(-1)!.role, lower + 1 - reserve, kind === 'banfa');
  if (end) {
    end = end.replace('{A}', chineseNumber(doc.article)).replace('{B}', chineseNumber(doc.article + 1));
    body.limit += reserve;
    body.add(end);
  }
  let bodyText = `\n${body.blocks.join('\n\n')}\n`;
  let bodyBytes = byteLength(bodyText);
  // Rarely a few bytes short when the target sits right at minBytes: trailing newlines are invisible.
  if (bodyBytes < settings.minBytes) {
    bodyText += '\n'.repeat(settings.minBytes - bodyBytes);
    bodyBytes = settings.minBytes;
  }
  return {
    text: head + bodyText,
    path: `${planned.dateYear}/${agency.id}-${String(planned.serial).padStart(5, '0')}.md`,
    bodyBytes,
    column,
  };
}

// ---------------------------------------------------------------------------
// The corpus
// ---------------------------------------------------------------------------

/**
 * Which agency, kind and date each report gets, and its serial: serials
 * count up per agency and year in date order, like a real register.
 */
function planReports(count: number, seed: number, years: [number, number]): Planned[] {
  const rng = new Rng(mix(seed, 0));
  const yearList: number[] = [];
  for (let y = years[0]; y <= years[1]; y++) yearList.push(y);
  const yearSampler = new Sampler(yearList, yearList.map((y) => 1 + 0.12 * (y - years[0])));
  const planned: Planned[] = new Array(count);
  for (let i = 0; i < count; i++) {
    const agencyIndex = AGENCY_SAMPLER.pick(rng);
    const kind = KIND_SAMPLERS[agencyIndex]!.pick(rng);
    const dateYear = yearSampler.pick(rng);
    const day = timing(kind, dateYear, new Rng(mix(seed ^ 0x71e, i + 1))).day;
    planned[i] = { agencyIndex, kind, dateYear, day, serial: 0 };
  }
  const order = Array.from({ length: count }, (_, i) => i).sort((a, b) => {
    const pa = planned[a]!;
    const pb = planned[b]!;
    return pa.agencyIndex - pb.agencyIndex || pa.dateYear - pb.dateYear || pa.day - pb.day || a - b;
  });
  let serial = 0;
  let group = '';
  for (const i of order) {
    const p = planned[i]!;
    const key = `${p.agencyIndex}:${p.dateYear}`;
    if (key !== group) {
      group = key;
      serial = rng.range(1, 30);
    } else {
      serial += rng.chance(0.8) ? 1 : rng.range(2, 6);
    }
    p.serial = serial;
  }
  return planned;
}

function columnsYaml(columns: ColumnDef[], indent: string): string {
  return columns
    .map((c) => {
      let text = `${indent}- id: ${c.id}\n${indent}  title: ${c.title}\n`;
      if (c.children) text += `${indent}  children:\n${columnsYaml(c.children, `${indent}    `)}`;
      return text;
    })
    .join('');
}

function siteYaml(): string {
  return `${MARKER}
name: ${W.SITE_NAME}
identifier: "3399020001"
icp: 合ICP备20120001号-1
psb: 合公网安备 33990202000101号
organizer: 合成区人民政府办公室
contact: 0599-8800000
url: https://www.hecheng.example.gov.cn
description: 合成市合成区人民政府信息公开平台（合成语料，用于性能测试和搜索质量评估）
columns:
${columnsYaml(W.COLUMNS, '  ')}`;
}

function agenciesYaml(): string {
  return `${MARKER}\n${AGENCIES.map((a) => `- id: ${a.id}\n  name: ${a.name}\n  short: ${a.short}\n  code: ${REGION_CODE}-0${a.code.slice(1)}\n`).join('')}`;
}

/** Refuses to write over a folder that is not empty and not an earlier corpus. */
async function prepare(dir: string): Promise<void> {
  let entries: string[] = [];
  try {
    entries = await readdir(dir);
  } catch {
    await mkdir(dir, { recursive: true });
    return;
  }
  if (entries.length === 0) return;
  let site = '';
  try {
    site = await readFile(join(dir, 'site.yaml'), 'utf8');
  } catch {
    // not a corpus
  }
  if (!site.startsWith(MARKER)) throw new Error(`${dir} 不是空文件夹，也不是之前生成的合成语料；请换一个输出文件夹`);
  await rm(join(dir, 'reports'), { recursive: true, force: true });
}

export async function generateCorpus(options: CorpusOptions): Promise<CorpusSummary> {
  const seed = (options.seed ?? 1) >>> 0;
  const years = options.years ?? [2012, 2025];
  const minBytes = options.minBytes ?? 5_000;
  const maxBytes = options.maxBytes ?? 40_000;
  const count = options.reports;
  if (!Number.isInteger(count) || count < 0) throw new RangeError(`reports must be a whole number, got ${count}`);
  if (!(years[0] <= years[1]) || years[0] < 1949) throw new RangeError(`bad year range ${years.join('-')}`);
  if (!(minBytes >= 1_000 && maxBytes >= minBytes)) throw new RangeError(`need 1000 ≤ minBytes ≤ maxBytes, got ${minBytes}, ${maxBytes}`);

  const dir = resolve(options.dir);
  await prepare(dir);
  const files: [string, string][] = [
    ['site.yaml', siteYaml()],
    ['agencies.yaml', agenciesYaml()],
  ];
  let bytes = 0;
  for (const [name, text] of files) {
    const data = Buffer.from(text, 'utf8');
    bytes += data.length;
    await writeFile(join(dir, name), data);
  }

  const planned = planReports(count, seed, years);
  const usedYears = [...new Set(planned.map((p) => p.dateYear))].sort((a, b) => a - b);
  for (const year of usedYears) await mkdir(join(dir, 'reports', String(year)), { recursive: true });
  if (count === 0) await mkdir(join(dir, 'reports'), { recursive: true });

  const settings: Settings = { seed, minBytes, maxBytes, rareChance: Math.min(1, (W.RARE_PHRASES.length * 3) / Math.max(1, count)) };
  const agencies = new Set<number>();
  const columns = new Set<string>();
  const pending = new Set<Promise<void>>();
  for (let i = 0; i < count; i++) {
    const report = renderReport(i, planned[i]!, settings);
    if (report.bodyBytes < minBytes || report.bodyBytes > maxBytes) {
      throw new Error(`internal: report ${i} body is ${report.bodyBytes} bytes, outside ${minBytes}–${maxBytes}`);
    }
    if (/undefined|NaN|\{[A-Za-z]\w*\}/.test(report.text)) throw new Error(`internal: report ${i} has an unfilled slot`);
    agencies.add(planned[i]!.agencyIndex);
    columns.add(report.column);
    const data = Buffer.from(report.text, 'utf8');
    bytes += data.length;
    const write: Promise<void> = writeFile(join(dir, 'reports', report.path), data).then(() => {
      pending.delete(write);
    });
    pending.add(write);
    if (pending.size >= WRITE_CONCURRENCY) await Promise.race(pending);
  }
  await Promise.all(pending);
  return { reports: count, bytes, agencies: agencies.size, columns: columns.size, years: usedYears };
}

// ---------------------------------------------------------------------------
// Command line
// ---------------------------------------------------------------------------

const isMain =
  (import.meta as ImportMeta & { main?: boolean }).main ??
  (process.argv[1] !== undefined && resolve(process.argv[1]) === fileURLToPath(import.meta.url));

if (isMain) {
  const { values } = parseArgs({
    options: {
      reports: { type: 'string', default: '1000' },
      out: { type: 'string' },
      seed: { type: 'string', default: '1' },
      years: { type: 'string' },
      'min-bytes': { type: 'string' },
      'max-bytes': { type: 'string' },
    },
  });
  if (!values.out) {
    console.error('用法：node scripts/bench/corpus.ts --reports 1000 --out /tmp/corpus [--seed 1] [--years 2012-2025] [--min-bytes 5000] [--max-bytes 40000]');
    process.exit(2);
  }
  const years = values.years ? (values.years.split('-').map(Number) as [number, number]) : undefined;
  const started = performance.now();
  const summary = await generateCorpus({
    dir: values.out,
    reports: Number(values.reports),
    seed: Number(values.seed),
    years,
    minBytes: values['min-bytes'] ? Number(values['min-bytes']) : undefined,
    maxBytes: values['max-bytes'] ? Number(values['max-bytes']) : undefined,
  });
  console.log(JSON.stringify({ ...summary, seconds: Number(((performance.now() - started) / 1000).toFixed(2)) }));
}
