/**
 * The `audit:` section of `content/site.yaml`: what `npm run audit` checks.
 * Everything is optional; without it the audit applies the defaults below
 * (the national rules). Checks against the registries (agency and column
 * ids) are in `auditSettingProblems`, which the content loader runs.
 */
import * as z from 'zod';
import type { Problem } from './problems.ts';
import { keyPathOf, lineOf, type ParsedYaml } from './yaml.ts';

/** Labels of the section's keys, merged into the contract's FIELD_LABELS. */
export const AUDIT_FIELD_LABELS: Readonly<Record<string, string>> = {
  audit: '合规检查',
  'audit.since': '起始年度',
  'audit.government': '本级政府',
  'audit.annualReports': '年度报告规则',
  'annualReports.name': '报告名称',
  'annualReports.basis': '依据',
  'annualReports.filers': '报送机构',
  'annualReports.deadline': '截止日期',
  'annualReports.categories': '按组配分类识别',
  'annualReports.columns': '按栏目识别',
  'annualReports.titles': '按标题识别',
  'audit.columns': '栏目要求',
  type: '栏目类型',
  maxAge: '更新期限',
  requireDocNumber: '要求文号',
};

/** How to fix each key, merged into the loader's hints. */
export const AUDIT_FIELD_HINTS: Readonly<Record<string, string>> = {
  since: '写四位年份，例如 since: 2021（从 2021 年度的年度报告查起）',
  government: '写 agencies.yaml 中代表本级人民政府发布文件的机构 id，例如 government: zfb',
  filers: '写 政府、部门、全部，或机构 id 列表，例如 filers: [sfj, mzj]',
  deadline: '写次年的截止月日，例如 deadline: 01-31',
  maxAge: '写 14天、2周、6个月 或 1年',
  type: '写 动态、通知公告 或 政策文件',
  requireDocNumber: '写 true 或 false',
};

/** Column types with their default freshness limit (inspection practice: news 2 weeks, notices and policies 6 months). */
export const COLUMN_TYPES = { 动态: '2周', 通知公告: '6个月', 政策文件: '6个月' } as const;
export type ColumnType = keyof typeof COLUMN_TYPES;

/** Who must file a kind of report: the government, every other agency, every agency, or the agencies listed. */
export const FILER_GROUPS = ['政府', '部门', '全部'] as const;
export type Filers = (typeof FILER_GROUPS)[number] | string[];

export type PeriodUnit = '天' | '周' | '个月' | '年';
export interface Period {
  count: number;
  unit: PeriodUnit;
}

export interface AnnualReportRule {
  /** 报告名称, e.g. 法治政府建设年度报告. */
  name: string;
  /** 依据: the regulation that sets the deadline. */
  basis: string | undefined;
  filers: Filers;
  /** 截止日期 in the year after the report's year, `MM-DD`, inclusive. */
  deadline: string;
  categories: string[];
  columns: string[];
  titles: string[];
}

export interface ColumnRule {
  type: ColumnType | undefined;
  maxAge: Period | undefined;
  requireDocNumber: boolean | undefined;
}

export interface AuditSettings {
  /** The first 年度 whose annual reports are checked; by default the first whose deadline falls after the site's first report. */
  since: number | undefined;
  /** The agency that publishes for the 本级人民政府; by default the one whose name ends in 人民政府. */
  government: string | undefined;
  annualReports: AnnualReportRule[];
  /** By column id. */
  columns: Record<string, ColumnRule>;
}

const GOVERNMENT_OPEN_REPORT = {
  categories: ['政府信息公开工作年度报告', '政府信息公开年度报告'],
  columns: [],
  titles: ['政府信息公开工作年度报告', '政府信息公开年度报告'],
};

/** The national rules, applied unless `audit.annualReports` replaces them. */
export const DEFAULT_ANNUAL_REPORTS: readonly AnnualReportRule[] = [
  {
    name: '政府信息公开工作年度报告（部门）',
    basis: '《中华人民共和国政府信息公开条例》第四十九条：县级以上人民政府部门每年1月31日前公布上一年度报告',
    filers: '部门',
    deadline: '01-31',
    ...GOVERNMENT_OPEN_REPORT,
  },
  {
    name: '政府信息公开工作年度报告（本级政府）',
    basis: '《中华人民共和国政府信息公开条例》第四十九条：本级政府的上一年度报告每年3月31日前公布',
    filers: '政府',
    deadline: '03-31',
    ...GOVERNMENT_OPEN_REPORT,
  },
  {
    name: '法治政府建设年度报告',
    basis: '《法治政府建设与责任落实督察工作规定》第二十五条：每年4月1日之前向社会公开上一年度报告',
    filers: '全部',
    deadline: '04-01',
    categories: ['法治政府建设年度报告'],
    columns: [],
    titles: ['法治政府建设年度报告', '法治政府建设工作报告', '法治政府建设情况报告', '法治政府建设工作情况报告'],
  },
];

const PERIOD = /^(\d+)\s*(天|日|周|个月|年)$/;

export function parsePeriod(text: string): Period | undefined {
  const match = PERIOD.exec(text.trim());
  if (!match || Number(match[1]) < 1) return undefined;
  return { count: Number(match[1]), unit: match[2] === '日' ? '天' : (match[2] as PeriodUnit) };
}

export function formatPeriod(period: Period): string {
  return `${period.count}${period.unit}`;
}

const text = () => z.preprocess((value) => (typeof value === 'number' ? String(value) : value), z.string().trim().min(1, { error: '不能为空' }));
const textList = () => z.array(text(), { error: '应为列表，每行一个：- 文字' });

const period = z.preprocess(
  (value) => (typeof value === 'number' ? `${value}天` : value),
  z.string().transform((value, ctx) => {
    const parsed = parsePeriod(value);
    if (!parsed) ctx.addIssue({ code: 'custom', message: `“${value}” 不是有效的期限：应写成 14天、2周、6个月 或 1年` });
    return parsed ?? z.NEVER;
  }),
);

const monthDay = z.string({ error: '应写成 月-日，例如 01-31' }).superRefine((value, ctx) => {
  const match = /^(\d{2})-(\d{2})$/.exec(value.trim());
  // A deadline must exist every year: checked against a year without 29 February.
  const valid = match && new Date(Date.UTC(2001, Number(match[1]) - 1, Number(match[2]))).getUTCDate() === Number(match[2]) && Number(match[1]) >= 1 && Number(match[1]) <= 12;
  if (!valid) ctx.addIssue({ code: 'custom', message: `“${value}” 不是每年都有的日期：应写成 月-日，例如 01-31` });
});

const annualReportRuleSchema = z
  .object(
    {
      name: text(),
      basis: text().optional(),
      filers: z.union([z.enum(FILER_GROUPS), textList()], { error: '只能是 政府、部门、全部，或机构 id 列表' }),
      deadline: monthDay,
      categories: textList().optional(),
      columns: textList().optional(),
      titles: textList().optional(),
    },
    { error: '每条规则应写成 - name: 报告名称，再写 filers、deadline 和识别方式' },
  )
  .strict()
  .refine((rule) => [rule.categories, rule.columns, rule.titles].some((list) => list && list.length > 0), {
    error: '至少写一种识别方式：categories（组配分类）、columns（栏目）或 titles（标题包含的文字）',
  });

const columnRuleSchema = z
  .object(
    {
      type: z.enum(Object.keys(COLUMN_TYPES) as [ColumnType, ...ColumnType[]], { error: '只能是 动态、通知公告 或 政策文件' }).optional(),
      maxAge: period.optional(),
      requireDocNumber: z.boolean({ error: '应为 true 或 false' }).optional(),
    },
    { error: '应写成 type: 类型、maxAge: 期限 或 requireDocNumber: true' },
  )
  .strict();

/** `audit:` in site.yaml. */
export const auditSettingsSchema = z
  .object(
    {
      since: z.number({ error: '应为四位年份，例如 2021' }).int({ error: '应为四位年份，例如 2021' }).min(1949, { error: '年份太早' }).max(2200, { error: '年份太晚' }).optional(),
      government: text().optional(),
      annualReports: z.array(annualReportRuleSchema, { error: '应为规则列表，每条以 - name: 开头' }).optional(),
      columns: z.record(z.string(), columnRuleSchema, { error: '应写成 栏目id: 下一行缩进写要求' }).optional(),
    },
    { error: '应写成键值对：since、government、annualReports、columns' },
  )
  .strict();

export type AuditSettingsInput = z.output<typeof auditSettingsSchema>;

/** The settings with the defaults filled in. */
export function resolveAuditSettings(input: AuditSettingsInput | undefined): AuditSettings {
  return {
    since: input?.since,
    government: input?.government,
    annualReports: input?.annualReports
      ? input.annualReports.map((rule) => ({
          name: rule.name,
          basis: rule.basis,
          filers: rule.filers,
          deadline: rule.deadline.trim(),
          categories: rule.categories ?? [],
          columns: rule.columns ?? [],
          titles: rule.titles ?? [],
        }))
      : DEFAULT_ANNUAL_REPORTS.map((rule) => ({ ...rule })),
    columns: Object.fromEntries(
      Object.entries(input?.columns ?? {}).map(([id, rule]) => [id, { type: rule.type, maxAge: rule.maxAge, requireDocNumber: rule.requireDocNumber }]),
    ),
  };
}

/** Agency and column ids in the section that the registries do not have. */
export function auditSettingProblems(
  input: AuditSettingsInput | undefined,
  known: { agencyIds: ReadonlySet<string>; columnIds: ReadonlySet<string> },
  file: string,
  parsed: Pick<ParsedYaml, 'lines' | 'firstLine'>,
): Problem[] {
  if (!input) return [];
  const problems: Problem[] = [];
  const unknown = (path: PropertyKey[], what: string, value: string, registry: 'agencies.yaml' | 'site.yaml 的栏目树') =>
    problems.push({
      severity: 'error',
      file,
      line: lineOf(parsed, path),
      key: keyPathOf(path),
      message: `${what} “${value}” 不在 ${registry}${registry === 'agencies.yaml' ? ' ' : ''}中`,
      hint: registry === 'agencies.yaml' ? `可用的机构 id：${[...known.agencyIds].join('、')}` : `可用的栏目 id：${[...known.columnIds].join('、')}`,
    });
  if (input.government !== undefined && !known.agencyIds.has(input.government)) {
    unknown(['audit', 'government'], '本级政府（audit.government）', input.government, 'agencies.yaml');
  }
  input.annualReports?.forEach((rule, i) => {
    if (Array.isArray(rule.filers)) {
      rule.filers.forEach((id, j) => {
        if (!known.agencyIds.has(id)) unknown(['audit', 'annualReports', i, 'filers', j], `报送机构（audit.annualReports[${i}].filers）`, id, 'agencies.yaml');
      });
    }
    rule.columns?.forEach((id, j) => {
      if (!known.columnIds.has(id)) unknown(['audit', 'annualReports', i, 'columns', j], `按栏目识别（audit.annualReports[${i}].columns）`, id, 'site.yaml 的栏目树');
    });
  });
  for (const id of Object.keys(input.columns ?? {})) {
    if (!known.columnIds.has(id)) unknown(['audit', 'columns', id], '栏目要求（audit.columns）中的栏目', id, 'site.yaml 的栏目树');
  }
  return problems;
}
