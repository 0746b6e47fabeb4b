/**
 * The /search/ page: the URL is the state (q, filters, sort, page), so
 * results can be linked to and back/forward work.
 */
import type { Range } from '../lib/search/excerpt.ts';
import { SEARCH_FILTERS, SEARCH_FILTER_LABELS, type SearchFilter } from '../lib/search/filters.ts';
import { IndexFormatError } from '../lib/search/query.ts';
import { capQuery, QUERY_MAX_LENGTH } from '../lib/search/tokens.ts';
import { preloadSearch, RESULTS_PER_PAGE, search, type SearchOutcome, type SearchRequest, type SortOrder } from './search/engine.ts';

const form = document.querySelector<HTMLFormElement>('[data-search-form]')!;
const queryInput = form.querySelector<HTMLInputElement>('input[name="q"]')!;
const sortSelect = form.querySelector<HTMLSelectElement>('select[name="sort"]')!;
const filterSelects = new Map(SEARCH_FILTERS.map((name) => [name, form.querySelector<HTMLSelectElement>(`select[name="${name}"]`)!]));
const status = document.querySelector<HTMLElement>('[data-search-status]')!;
const resultsSection = document.querySelector<HTMLElement>('[data-search-results-section]')!;
const resultsList = document.querySelector<HTMLOListElement>('[data-search-results]')!;
const pagination = document.querySelector<HTMLElement>('[data-search-pagination]')!;
const emptyAdvice = document.querySelector<HTMLElement>('[data-search-empty]')!;
const filtersBox = document.querySelector<HTMLDetailsElement>('[data-search-filters]')!;
const filterCount = document.querySelector<HTMLElement>('[data-search-filter-count]')!;

/** On wide screens the filters are open, as the page comes; on phones they fold behind 筛选和排序 (the CSS shows them folded meanwhile). */
if (!window.matchMedia('(min-width: 48em)').matches) filtersBox.open = false;
filtersBox.dataset.foldedOnPhones = '';

const hasOption = (name: SearchFilter, value: string) => [...filterSelects.get(name)!.options].some((option) => option.value === value);

/** What the URL asks for; filter values the page does not offer are left out and named by their filter in `unknownFilters`. */
function requestFromUrl(url: URL): SearchRequest & { unknownFilters: SearchFilter[]; capped: boolean } {
  const params = url.searchParams;
  const filters: SearchRequest['filters'] = {};
  const unknownFilters: SearchFilter[] = [];
  for (const name of SEARCH_FILTERS) {
    const value = params.get(name);
    if (!value) continue;
    if (hasOption(name, value)) filters[name] = value;
    else unknownFilters.push(name);
  }
  // Digits only: page=2abc is no page number.
  const page = /^[0-9]{1,6}$/.test(params.get('page') ?? '') ? Number(params.get('page')) : 1;
  const { query, capped } = capQuery((params.get('q') ?? '').trim());
  return {
    query,
    filters,
    sort: params.get('sort') === 'newest' ? 'newest' : 'relevance',
    page: Math.max(page, 1),
    unknownFilters,
    capped,
  };
}

function urlFor(request: SearchRequest): string {
  const params = new URLSearchParams();
  if (request.query) params.set('q', request.query);
  for (const name of SEARCH_FILTERS) if (request.filters[name]) params.set(name, request.filters[name]!);
  if (request.sort === 'newest') params.set('sort', 'newest');
  if (request.page > 1) params.set('page', String(request.page));
  const query = params.toString();
  return `${window.location.pathname}${query ? `?${query}` : ''}`;
}

function requestFromForm(): SearchRequest {
  const filters: SearchRequest['filters'] = {};
  for (const [name, select] of filterSelects) if (select.value) filters[name] = select.value;
  return { query: queryInput.value.trim(), filters, sort: (sortSelect.value || 'relevance') as SortOrder, page: 1 };
}

function fillForm(request: SearchRequest): void {
  queryInput.value = request.query;
  sortSelect.value = request.sort === 'newest' ? 'newest' : '';
  for (const [name, select] of filterSelects) select.value = request.filters[name] ?? '';
  const active = SEARCH_FILTERS.filter((name) => request.filters[name]).length;
  filterCount.textContent = active > 0 ? `（已选 ${active} 项）` : '';
}

function selectedFilterText(request: SearchRequest): string {
  const parts = SEARCH_FILTERS.filter((name) => request.filters[name]).map((name) => {
    const option = [...filterSelects.get(name)!.options].find((candidate) => candidate.value === request.filters[name]);
    return `${SEARCH_FILTER_LABELS[name]}：${option!.textContent!.trim()}`;
  });
  return parts.length > 0 ? `（${parts.join('，')}）` : '';
}

/** `text` with `marks` highlighted, appended to `parent`. */
function appendMarked(parent: HTMLElement, text: string, marks: Range[]): void {
  let position = 0;
  for (const [start, end] of marks) {
    parent.append(text.slice(position, start));
    const mark = document.createElement('mark');
    mark.textContent = text.slice(start, end);
    parent.append(mark);
    position = end;
  }
  parent.append(text.slice(position));
}

function excerptElement(hit: SearchOutcome['hits'][number]): HTMLParagraphElement {
  const paragraph = document.createElement('p');
  paragraph.className = 'search-excerpt';
  const { text, marks, cutStart, cutEnd } = hit.excerpt;
  if (cutStart) paragraph.append('…');
  appendMarked(paragraph, text, marks);
  if (cutEnd) paragraph.append('…');
  return paragraph;
}

function resultItem(hit: SearchOutcome['hits'][number]): HTMLLIElement {
  const item = document.createElement('li');
  const heading = document.createElement('h3');
  const link = document.createElement('a');
  link.href = new URL(hit.url, window.location.href).pathname;
  appendMarked(link, hit.title, hit.titleMarks);
  heading.append(link);
  const meta = document.createElement('p');
  meta.className = 'search-result-meta';
  const agency = document.createElement('span');
  agency.textContent = `发布机构：${hit.agency}`;
  const date = document.createElement('time');
  date.dateTime = hit.published;
  date.textContent = `发布日期：${hit.published}`;
  meta.append(agency, date);
  item.append(heading, meta, excerptElement(hit));
  return item;
}

function pageLink(request: SearchRequest, page: number, label: string, rel?: string): HTMLLIElement {
  const item = document.createElement('li');
  const link = document.createElement('a');
  link.href = urlFor({ ...request, page });
  link.textContent = label;
  if (rel) link.rel = rel;
  if (page === request.page && !rel) link.setAttribute('aria-current', 'page');
  link.dataset['page'] = String(page);
  item.append(link);
  return item;
}

function showPagination(asked: SearchRequest, outcome: SearchOutcome): void {
  pagination.replaceChildren();
  if (outcome.pageCount <= 1) return;
  const request = { ...asked, page: outcome.page };
  const list = document.createElement('ul');
  if (request.page > 1) list.append(pageLink(request, request.page - 1, '上一页', 'prev'));
  const first = Math.max(1, request.page - 2);
  const last = Math.min(outcome.pageCount, request.page + 2);
  for (let page = first; page <= last; page++) list.append(pageLink(request, page, String(page)));
  if (request.page < outcome.pageCount) list.append(pageLink(request, request.page + 1, '下一页', 'next'));
  const position = document.createElement('p');
  position.className = 'pagination-status';
  position.textContent = `第 ${request.page} / ${outcome.pageCount} 页`;
  pagination.append(position, list);
}

let latest = 0;
/** The last request, so that 重试 can run it again. */
let lastRequest: (SearchRequest & { unknownFilters?: SearchFilter[]; capped?: boolean }) | undefined;

function retryButton(): HTMLButtonElement {
  const button = document.createElement('button');
  button.type = 'button';
  button.className = 'search-retry';
  button.textContent = '重试';
  button.addEventListener('click', () => {
    if (lastRequest) void run(lastRequest);
  });
  return button;
}

async function run(request: SearchRequest & { unknownFilters?: SearchFilter[]; capped?: boolean }): Promise<void> {
  const ticket = ++latest;
  lastRequest = request;
  fillForm(request);
  emptyAdvice.hidden = true;
  const notes: string[] = [];
  if (request.capped) notes.push(`关键词过长，只查找了前 ${QUERY_MAX_LENGTH} 个字。`);
  for (const name of request.unknownFilters ?? []) notes.push(`网址中的“${SEARCH_FILTER_LABELS[name]}”筛选条件无法识别，已忽略。`);
  if (!request.query) {
    resultsSection.hidden = true;
    status.textContent = [...notes, '请输入要搜索的关键词。'].join('');
    return;
  }
  status.textContent = '正在搜索…';
  let outcome: SearchOutcome;
  try {
    outcome = await search(request);
  } catch (error) {
    if (ticket !== latest) return;
    status.textContent =
      error instanceof IndexFormatError ? error.message : '搜索暂时无法使用：读取搜索索引失败。请检查网络后点“重试”，或通过信息公开目录查找文件。';
    status.append(retryButton());
    return;
  }
  if (ticket !== latest) return;
  if (outcome.pageCount > 0 && outcome.page !== request.page) {
    notes.push(`没有第 ${request.page} 页（共 ${outcome.pageCount} 页），下面是第 ${outcome.page} 页。`);
    history.replaceState(null, '', urlFor({ ...request, page: outcome.page }));
  }
  resultsList.replaceChildren(...outcome.hits.map(resultItem));
  resultsList.start = (outcome.page - 1) * RESULTS_PER_PAGE + 1;
  showPagination(request, outcome);
  resultsSection.hidden = outcome.total === 0;
  emptyAdvice.hidden = outcome.total > 0;
  const summary =
    outcome.total > 0
      ? `共 ${outcome.total} 条结果${selectedFilterText(request)}`
      : `没有找到包含“${request.query}”的文件${selectedFilterText(request)}。`;
  status.textContent = [summary, ...notes].join(' ');
}

function navigate(request: SearchRequest): void {
  // As early-preferences.js does for a page opened with a query: the results get their room first.
  document.documentElement.dataset.searchQuery = 'on';
  const url = urlFor(request);
  if (url !== `${window.location.pathname}${window.location.search}`) history.pushState(null, '', url);
  void run(request);
}

form.addEventListener('submit', (event) => {
  event.preventDefault();
  navigate(requestFromForm());
});
for (const select of [...filterSelects.values(), sortSelect]) {
  select.addEventListener('change', () => {
    if (queryInput.value.trim()) navigate(requestFromForm());
  });
}
pagination.addEventListener('click', (event) => {
  const link = (event.target as HTMLElement).closest<HTMLAnchorElement>('a[data-page]');
  if (!link || event.metaKey || event.ctrlKey || event.shiftKey) return;
  event.preventDefault();
  navigate({ ...requestFromUrl(new URL(window.location.href)), page: Number(link.dataset['page']) });
  resultsSection.querySelector('h2')?.scrollIntoView();
});
queryInput.addEventListener('focus', preloadSearch, { once: true });
window.addEventListener('popstate', () => void run(requestFromUrl(new URL(window.location.href))));

void run(requestFromUrl(new URL(window.location.href)));
