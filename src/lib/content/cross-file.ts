/**
 * Checks of one report against the rest of the content: its agency and
 * column exist, its index number is unique, the documents it relates to exist.
 */
import { buildColumnTree, type ColumnTree } from '../columns.ts';
import type { Agency, Site } from '../model.ts';
import { nearest } from '../suggest.ts';
import type { ReportDraft } from './parse-report.ts';
import type { Problem } from './problems.ts';
import { keyPathOf, lineOf } from './yaml.ts';

/** What a report may refer to, indexed once for all of them. */
export interface References {
  agencyByKey: Map<string, Agency>;
  columnTree: ColumnTree;
  filesByIndexNumber: Map<string, ReportDraft[]>;
  reportIds: Set<string>;
}

export function referencesOf(site: Site, agencies: readonly Agency[], drafts: readonly ReportDraft[]): References {
  const agencyByKey = new Map<string, Agency>();
  for (const agency of agencies) {
    agencyByKey.set(agency.id, agency);
    agencyByKey.set(agency.name, agency);
  }
  const filesByIndexNumber = new Map<string, ReportDraft[]>();
  for (const draft of drafts) {
    const list = filesByIndexNumber.get(draft.data.indexNumber) ?? [];
    list.push(draft);
    filesByIndexNumber.set(draft.data.indexNumber, list);
  }
  return { agencyByKey, columnTree: buildColumnTree(site.columns), filesByIndexNumber, reportIds: new Set(drafts.map((draft) => draft.id)) };
}

/** Where a field of the draft is, for a problem about it. */
export function fieldOf(draft: ReportDraft, path: PropertyKey[]): Pick<Problem, 'file' | 'line' | 'key'> {
  return { file: draft.file, line: lineOf(draft.parsed, path), key: keyPathOf(path) };
}

/** The report's agency (when registered) and the problems with what it refers to. */
export function referenceProblems(draft: ReportDraft, { agencyByKey, columnTree, filesByIndexNumber }: References): { agency: Agency | undefined; problems: Problem[] } {
  const { data } = draft;
  const problems: Problem[] = [];
  const at = (path: PropertyKey[]) => fieldOf(draft, path);
  const agency = agencyByKey.get(data.agency);
  if (!agency) {
    const suggestion = nearest(data.agency, [...agencyByKey.keys()]);
    problems.push({
      severity: 'error',
      ...at(['agency']),
      message: `发布机构（agency）“${data.agency}” 不在 agencies.yaml 中`,
      hint: suggestion ? `是不是 ${suggestion}？也可以在 agencies.yaml 中登记新机构` : '写 agencies.yaml 中机构的 id 或完整名称，或先在 agencies.yaml 中登记',
    });
  }
  if (!columnTree.byId.has(data.column)) {
    const suggestion = nearest(data.column, columnTree.byId.keys());
    problems.push({
      severity: 'error',
      ...at(['column']),
      message: `栏目（column）“${data.column}” 不在 site.yaml 的栏目树中`,
      hint: suggestion ? `是不是 ${suggestion}？` : `可用的栏目 id：${[...columnTree.byId.keys()].join('、')}`,
    });
  }
  const sameNumber = filesByIndexNumber.get(data.indexNumber) ?? [];
  if (sameNumber.length > 1) {
    const others = sameNumber.filter((other) => other !== draft).map((other) => other.file);
    problems.push({
      severity: 'error',
      ...at(['indexNumber']),
      message: `索引号（indexNumber）“${data.indexNumber}” 与 ${others.join('、')} 重复`,
      hint: '索引号在全站必须唯一；新文件可用 npm run new 生成下一个可用索引号',
    });
  }
  (data.related ?? []).forEach((indexNumber, i) => {
    if (indexNumber === data.indexNumber) {
      problems.push({ severity: 'error', ...at(['related', i]), message: `相关稿件（related）不能引用本文自己（${indexNumber}）`, hint: '删除这一行' });
    } else if (!filesByIndexNumber.has(indexNumber)) {
      const suggestion = nearest(indexNumber, filesByIndexNumber.keys());
      problems.push({
        severity: 'error',
        ...at(['related', i]),
        message: `相关稿件（related）中的索引号 “${indexNumber}” 找不到对应的文件`,
        hint: suggestion ? `是不是 ${suggestion}？` : '请核对索引号，或删除这一行',
      });
    }
  });
  return { agency, problems };
}
