/**
 * The /search/ page: the URL is the state (q, filters, sort, page), so
 * results can be linked to and back/forward work.
 */
import { SEARCH_FILTERS, SEARCH_FILTER_LABELS } from '../lib/search/filters.ts';
import { preloadSearch, search, type SearchOutcome, type SearchRequest, type SortOrder } from './search/engine.ts';

const form = document.querySelector<HTMLFormElement>('[data-search-form]')!;
const queryInput = form.querySelector<HTMLInputElement>('input[name="q"]')!;
const sortSelect = form.querySelector<HTMLSelectElement>('select[name="sort"]')!;
const filterSelects = new Map(SEARCH_FILTERS.map((name) => [name, form.querySelector<HTMLSelectElement>(`select[name="${name}"]`)!]));
const status = document.querySelector<HTMLElement>('[data-search-status]')!;
const resultsSection = document.querySelector<HTMLElement>('[data-search-results-section]')!;
const resultsList = document.querySelector<HTMLOListElement>('[data-search-results]')!;
const pagination = document.querySelector<HTMLElement>('[data-search-pagination]')!;
const emptyAdvice = document.querySelector<HTMLElement>('[data-search-empty]')!;

function requestFromUrl(url: URL): SearchRequest {
  const params = url.searchParams;
  const filters: SearchRequest['filters'] = {};
  for (const name of SEARCH_FILTERS) {
    const value = params.get(name);
    if (value) filters[name] = value;
  }
  const page = Number.parseInt(params.get('page') ?? '1', 10);
  return {
    query: (params.get('q') ?? '').trim(),
    filters,
    sort: params.get('sort') === 'newest' ? 'newest' : 'relevance',
    page: Number.isFinite(page) && page > 0 ? page : 1,
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
}

function selectedFilterText(request: SearchRequest): string {
  const parts = SEARCH_FILTERS.filter((name) => request.filters[name]).map((name) => {
    const option = filterSelects.get(name)!.querySelector<HTMLOptionElement>(`option[value="${CSS.escape(request.filters[name]!)}"]`);
    return `${SEARCH_FILTER_LABELS[name]}：${option?.textContent?.trim() ?? request.filters[name]}`;
  });
  return parts.length > 0 ? `（${parts.join('，')}）` : '';
}

function excerptElement(hit: SearchOutcome['hits'][number]): HTMLParagraphElement {
  const paragraph = document.createElement('p');
  paragraph.className = 'search-excerpt';
  const { text, marks, cutStart, cutEnd } = hit.excerpt;
  if (cutStart) paragraph.append('…');
  let position = 0;
  for (const [start, end] of marks) {
    paragraph.append(text.slice(position, start));
    const mark = document.createElement('mark');
    mark.textContent = text.slice(start, end);
    paragraph.append(mark);
    position = end;
  }
  paragraph.append(text.slice(position));
  if (cutEnd) paragraph.append('…');
  return paragraph;
}

function resultItem(hit: SearchOutcome['hits'][number]): HTMLLIElement {
  const item = document.createElement('li');
  const heading = document.createElement('h3');
  const link = document.createElement('a');
  link.href = new URL(hit.url, window.location.href).pathname;
  link.textContent = hit.title;
  heading.append(link);
  const meta = document.createElement('p');
  meta.className = 'search-result-meta';
  const agency = document.createElement('span');
  agency.textContent = `发布机构：${hit.agency}`;
  const date = document.createElement('time');
  date.dateTime = hit.date;
  date.textContent = `发文日期：${hit.date}`;
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

function showPagination(request: SearchRequest, outcome: SearchOutcome): void {
  pagination.replaceChildren();
  if (outcome.pageCount <= 1) return;
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

async function run(request: SearchRequest): Promise<void> {
  const ticket = ++latest;
  fillForm(request);
  emptyAdvice.hidden = true;
  if (!request.query) {
    resultsSection.hidden = true;
    status.textContent = '请输入要搜索的关键词。';
    return;
  }
  status.textContent = '正在搜索…';
  let outcome: SearchOutcome;
  try {
    outcome = await search(request);
  } catch {
    if (ticket === latest) status.textContent = '搜索暂时无法使用，请稍后再试，或通过信息公开目录查找文件。';
    return;
  }
  if (ticket !== latest) return;
  resultsList.replaceChildren(...outcome.hits.map(resultItem));
  resultsList.start = (Math.min(request.page, Math.max(1, outcome.pageCount)) - 1) * 10 + 1;
  showPagination(request, outcome);
  resultsSection.hidden = outcome.total === 0;
  emptyAdvice.hidden = outcome.total > 0;
  status.textContent =
    outcome.total > 0
      ? `共 ${outcome.total} 条结果${selectedFilterText(request)}`
      : `没有找到与“${request.query}”相关的文件${selectedFilterText(request)}。`;
}

function navigate(request: SearchRequest): void {
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
