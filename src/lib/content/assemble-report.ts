/** A checked draft and what the checks found → the model's `Report`, with every default filled in. */
import { summarize } from '../../markdown/render.ts';
import { normalizeDateTime } from '../dates.ts';
import type { Agency, Attachment, Report } from '../model.ts';
import type { ReportDraft } from './parse-report.ts';
import { DEFAULT_SCOPE, DISCLOSURE_MODES } from './schema.ts';

/** `published` as `YYYY-MM-DD HH:mm`: the date's midnight when not given. */
export const publishedOf = (draft: ReportDraft) => (draft.data.published ? normalizeDateTime(draft.data.published) : `${draft.data.date} 00:00`);

export interface CheckedParts {
  agency: Agency;
  attachments: Attachment[];
  linkedFiles: string[];
  siteLinks: string[];
  /** The start of the rendered body's text, for the default summary. */
  textStart: string;
}

export function assembleReport(draft: ReportDraft, { agency, attachments, linkedFiles, siteLinks, textStart }: CheckedParts): Report {
  const { data } = draft;
  return {
    id: draft.id,
    sourceFile: draft.file,
    sourcePath: draft.absolutePath,
    title: data.title,
    indexNumber: data.indexNumber,
    agencyId: agency.id,
    columnId: data.column,
    date: data.date,
    published: publishedOf(draft),
    publishedHasTime: data.published !== undefined && data.published.trim().length > 10,
    year: data.year ?? Number(data.date.slice(0, 4)),
    category: data.category,
    disclosure: data.disclosure ?? DISCLOSURE_MODES[0],
    scope: data.scope ?? DEFAULT_SCOPE,
    docNumber: data.docNumber,
    source: data.source ?? agency.name,
    editor: data.editor,
    addressee: data.addressee,
    signature: data.signature && (data.signature.org || data.signature.date) ? { org: data.signature.org, date: data.signature.date } : undefined,
    attachments,
    linkedFiles,
    siteLinks,
    related: data.related ?? [],
    summary: data.summary ?? summarize(textStart),
    validity: data.validity,
    importedFrom: data.importedFrom,
    digest: draft.digest,
  };
}
