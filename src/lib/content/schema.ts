/**
 * The content contract: what editors may write in `content/site.yaml`,
 * `content/agencies.yaml` and the front matter of `content/reports/**\/*.md`.
 *
 * Every field carries its Chinese label (used in error messages) and a doc
 * comment. Checks that need more than one file (unknown agency or column,
 * duplicate index numbers, related documents, attachment files) live in
 * `load.ts`, which runs these schemas first.
 */
import * as z from 'zod';
import { dateProblem, dateTimeProblem } from '../dates.ts';
import { AUDIT_FIELD_LABELS, auditSettingsSchema } from './audit-schema.ts';
import { isWindowsDeviceName } from './paths.ts';

/** Chinese label of every key, for messages and the README. */
export const FIELD_LABELS: Readonly<Record<string, string>> = {
  // report front matter
  title: '标题',
  indexNumber: '索引号',
  agency: '发布机构',
  column: '栏目',
  date: '发文日期',
  published: '发布日期',
  year: '年度',
  category: '组配分类',
  disclosure: '公开方式',
  scope: '公开范围',
  docNumber: '文号',
  source: '来源',
  editor: '编辑',
  addressee: '主送',
  signature: '落款',
  'signature.org': '落款单位',
  'signature.date': '落款日期',
  attachments: '附件',
  'attachments.title': '附件标题',
  'attachments.file': '附件文件',
  related: '相关稿件',
  summary: '内容概述',
  validity: '有效性',
  importedFrom: '导入来源',
  // site.yaml
  name: '网站名称',
  identifier: '网站标识码',
  icp: 'ICP备案号',
  psb: '公安机关备案号',
  organizer: '主办单位',
  contact: '联系电话',
  email: '电子邮箱',
  url: '网站地址',
  hsts: '强制 HTTPS（HSTS）',
  description: '网站简介',
  columns: '栏目',
  'columns.id': '栏目编号',
  'columns.title': '栏目名称',
  'columns.children': '下级栏目',
  // agencies.yaml
  id: '编号',
  short: '简称',
  code: '索引号前缀',
  ...AUDIT_FIELD_LABELS,
};

/** The label for a path such as `['attachments', 0, 'file']`: 附件文件. */
export function labelFor(path: readonly PropertyKey[]): string | undefined {
  const keys = path.filter((part): part is string => typeof part === 'string');
  for (let i = 0; i < keys.length; i++) {
    const label = FIELD_LABELS[keys.slice(i).join('.')];
    if (label) return label;
  }
  return undefined;
}

export const DISCLOSURE_MODES = ['主动公开', '依申请公开'] as const;
export const DEFAULT_SCOPE = '面向全社会';
/** 有效性: a document that is no longer 有效 is 失效 (expired) or 废止 (repealed). */
export const VALIDITY_STATES = ['有效', '失效', '废止'] as const;

const SLUG_PATTERN = /^[a-z0-9](?:[a-z0-9_-]*[a-z0-9])?$/;

/** YAML reads `2021` or `0570-1234` as numbers; editors mean text. */
const numbersAsText = (value: unknown) =>
  typeof value === 'number' || typeof value === 'bigint' ? String(value) : value;

/**
 * The most characters a text value may have. Generous: the longest real
 * titles and 主送 lists run to a few hundred characters, names and numbers to
 * a few dozen. Yet bounded, because a title is repeated on listings, the
 * feed, the search index and related pages: one of 2,000,000 characters made
 * a 150 MB site.
 */
const MAX_CHARACTERS = {
  /** Names, numbers, codes: 文号, 来源, 发布机构, 索引号, 栏目名称… */
  name: 200,
  /** 标题, 主送, 附件标题. */
  line: 1_000,
  /** Paths and web addresses (browsers and servers cut long ones at about 2,000). */
  address: 2_000,
  /** 内容概述, 网站简介. */
  paragraph: 5_000,
} as const;

const requiredText = (max: number) =>
  z.preprocess(numbersAsText, z.string().trim().min(1, { error: '不能为空' }).max(max));

const optionalText = (max: number) =>
  z.preprocess(
    (value) => (value === null ? undefined : numbersAsText(value)),
    z
      .string()
      .trim()
      .max(max)
      .transform((value) => (value === '' ? undefined : value))
      .optional(),
  );

const slug = () =>
  z.preprocess(
    numbersAsText,
    z
      .string()
      .trim()
      .min(1, { error: '不能为空' })
      .regex(SLUG_PATTERN, { error: '只能使用小写英文字母、数字、连字符 - 和下划线 _，且以字母或数字开头结尾' })
      .refine((value) => !/^\d+$/.test(value), { error: '不能全是数字（会与分页网址 /2/、/3/ 冲突）' })
      .refine((value) => !isWindowsDeviceName(value), { error: '不能用 Windows 的保留设备名（con、prn、aux、nul、com1–9、lpt1–9）：Windows 服务器无法保存这个网址的文件夹' }),
  );

/** The years a document may carry, in `year` and in every date. */
const FIRST_YEAR = 1949;
const LAST_YEAR = 2200;
const yearOutOfRange = (value: string) => {
  const year = Number(value.slice(0, 4));
  return year < FIRST_YEAR || year > LAST_YEAR ? `年份应在 ${FIRST_YEAR}–${LAST_YEAR} 年之间` : undefined;
};

const calendarDate = () =>
  z.preprocess(
    numbersAsText,
    z.string().trim().superRefine((value, ctx) => {
      const problem = dateProblem(value) ?? yearOutOfRange(value);
      if (problem) ctx.addIssue({ code: 'custom', message: `“${value}” 不是有效日期：${problem}` });
    }),
  );

const dateOrDateTime = () =>
  z.preprocess(
    numbersAsText,
    z.string().trim().superRefine((value, ctx) => {
      const problem = dateTimeProblem(value) ?? yearOutOfRange(value);
      if (problem) ctx.addIssue({ code: 'custom', message: `“${value}” 不是有效的日期时间：${problem}` });
    }),
  );

/** Front matter of one report, `content/reports/**\/*.md`. */
export const reportFrontmatterSchema = z.object({
  /** 标题 — the document title, the page's heading. */
  title: requiredText(MAX_CHARACTERS.line),
  /** 索引号 — unique across the site, e.g. `330803-035/2021-71062`. */
  indexNumber: requiredText(MAX_CHARACTERS.name),
  /** 发布机构 — an agency id or its exact name from `agencies.yaml`. */
  agency: requiredText(MAX_CHARACTERS.name),
  /** 栏目 — a column id from the column tree in `site.yaml`. */
  column: requiredText(MAX_CHARACTERS.name),
  /** 发文日期 — `YYYY-MM-DD`, a real calendar date. */
  date: calendarDate(),
  /** 发布日期 — `YYYY-MM-DD` or `YYYY-MM-DD HH:mm`, Beijing time; defaults to `date`. */
  published: dateOrDateTime().optional(),
  /** 年度 — the year the document covers; defaults to the year of `date`. */
  year: z
    .preprocess(
      (value) => (typeof value === 'string' && /^\s*\d{4}\s*$/.test(value) ? Number(value) : value),
      z.number({ error: '应为四位年份，例如 2021' }).int({ error: '应为四位年份，例如 2021' }).min(FIRST_YEAR, { error: `年份太早，应在 ${FIRST_YEAR}–${LAST_YEAR} 年之间` }).max(LAST_YEAR, { error: `年份太晚，应在 ${FIRST_YEAR}–${LAST_YEAR} 年之间` }),
    )
    .optional(),
  /** 组配分类 — the catalogue category, e.g. 法治政府建设年度报告. */
  category: optionalText(MAX_CHARACTERS.name),
  /** 公开方式 — 主动公开 (default) or 依申请公开. */
  disclosure: z
    .preprocess(numbersAsText, z.enum(DISCLOSURE_MODES, { error: '只能是 主动公开 或 依申请公开' }))
    .optional(),
  /** 公开范围 — defaults to 面向全社会. */
  scope: optionalText(MAX_CHARACTERS.name),
  /** 文号 — e.g. 荷泉报〔2022〕3号. */
  docNumber: optionalText(MAX_CHARACTERS.name),
  /** 来源 — defaults to the agency's name. */
  source: optionalText(MAX_CHARACTERS.name),
  /** 编辑 — the editor's name, shown under the title. */
  editor: optionalText(MAX_CHARACTERS.name),
  /** 主送 — the addressee, shown before the body, e.g. 区人民政府：. */
  addressee: optionalText(MAX_CHARACTERS.line),
  /** 落款 — signature after the body: the issuing organisation and its date. */
  signature: z
    .object(
      {
        /** 落款单位 */
        org: optionalText(MAX_CHARACTERS.name),
        /** 落款日期 — `YYYY-MM-DD`, shown as 2021年3月4日. */
        date: calendarDate().optional(),
      },
      { error: '应写成两行：org: 单位名称 和 date: YYYY-MM-DD' },
    )
    .strict()
    .optional(),
  /** 附件 — files under `content/attachments/`. */
  attachments: z
    .array(
      z.object(
        {
          /** 附件标题 — defaults to the file name. */
          title: optionalText(MAX_CHARACTERS.line),
          /** 附件文件 — path relative to `content/attachments/`. */
          file: requiredText(MAX_CHARACTERS.address),
        },
        { error: '每个附件应写成 - title: 标题 和 file: 文件路径' },
      ),
      { error: '应为列表，每项写成 - title: 标题 和 file: 文件路径' },
    )
    .optional(),
  /** 相关稿件 — index numbers of other reports. */
  related: z.array(requiredText(MAX_CHARACTERS.name), { error: '应为索引号列表，每行一个：- 330803-035/2021-71062' }).optional(),
  /** 内容概述 — defaults to the first ~120 characters of the body. */
  summary: optionalText(MAX_CHARACTERS.paragraph),
  /** 有效性 — 有效, 失效 or 废止; shown only when given (mostly 规范性文件). */
  validity: z.preprocess(numbersAsText, z.enum(VALIDITY_STATES, { error: '只能是 有效、失效 或 废止' })).optional(),
  /** 导入来源 — the old page's address (or its path in the folder imported), written by `npm run import`; not shown. */
  importedFrom: optionalText(MAX_CHARACTERS.address),
});

export type ReportFrontmatter = z.output<typeof reportFrontmatterSchema>;

/** Front-matter keys the contract defines; anything else earns a warning. */
export const REPORT_KEYS: readonly string[] = Object.keys(reportFrontmatterSchema.shape);

export interface ColumnInput {
  id: string;
  title: string;
  children?: ColumnInput[] | undefined;
}

const columnSchema: z.ZodType<ColumnInput> = z.lazy(() =>
  z
    .object({
      /** 栏目编号 — the URL segment, e.g. `fazhi`. */
      id: slug(),
      /** 栏目名称 — e.g. 法治政府建设. */
      title: requiredText(MAX_CHARACTERS.name),
      /** 下级栏目 */
      children: z.array(columnSchema, { error: '应为栏目列表' }).optional(),
    })
    .strict(),
);

/** `content/site.yaml` — the site's identity and its column tree. */
export const siteSchema = z
  .object({
    /** 网站名称 — e.g. 示例市示例区人民政府. */
    name: requiredText(MAX_CHARACTERS.name),
    /** 政府网站标识码 — quote it in YAML: `"3308030001"`. */
    identifier: requiredText(MAX_CHARACTERS.name),
    /** ICP备案号 */
    icp: requiredText(MAX_CHARACTERS.name),
    /** 公安机关备案号 */
    psb: requiredText(MAX_CHARACTERS.name),
    /** 主办单位 */
    organizer: requiredText(MAX_CHARACTERS.name),
    /** 联系电话 — this or `email` is required: the accessibility statement gives it. */
    contact: optionalText(MAX_CHARACTERS.name),
    /** 电子邮箱 — this or `contact` is required. */
    email: z.preprocess((value) => (value === null || value === '' ? undefined : value), z.email({ error: '应为电子邮箱地址，例如 zwgk@example.gov.cn' }).max(MAX_CHARACTERS.name).optional()),
    /** 网站地址 — the public origin, for share links, QR codes, canonical links, RSS and the sitemap; only a preview build may leave it out. */
    url: z
      .preprocess(
        numbersAsText,
        z.url({ protocol: /^https?$/, error: '应为完整网址，例如 https://www.example.gov.cn' }).max(MAX_CHARACTERS.address).optional(),
      )
      .optional(),
    /** 强制 HTTPS (optional, default true) — `false` keeps `_headers` from sending Strict-Transport-Security when `url` is https. */
    hsts: z.boolean({ error: '只能写 true 或 false' }).optional(),
    /** 网站简介 (optional) — the home page's meta description. */
    description: optionalText(MAX_CHARACTERS.paragraph),
    /** 栏目 — the column tree. */
    columns: z.array(columnSchema, { error: '应为栏目列表' }).min(1, { error: '至少需要一个栏目' }),
    /** 合规检查 (optional) — settings of `npm run audit`, see audit-schema.ts. */
    audit: auditSettingsSchema.optional(),
  })
  .strict();

export type SiteConfig = z.output<typeof siteSchema>;

/** One entry of `content/agencies.yaml`. */
export const agencySchema = z
  .object({
    /** 编号 — the URL segment of `/agencies/<id>/`. */
    id: slug(),
    /** 全称 — must match what reports write when they use the name. */
    name: requiredText(MAX_CHARACTERS.name),
    /** 简称 (optional) */
    short: optionalText(MAX_CHARACTERS.name),
    /** 索引号前缀 (optional), e.g. `330803-035`. */
    code: optionalText(MAX_CHARACTERS.name),
  })
  .strict();

/** `content/agencies.yaml` — the registry of 发布机构. */
export const agenciesSchema = z.array(agencySchema, { error: '应为机构列表，每项以 - id: 开头' }).min(1, { error: '至少需要一个发布机构' });
