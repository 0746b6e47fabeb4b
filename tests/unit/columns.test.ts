import { describe, expect, it } from 'vitest';
import { allColumns, buildColumnTree, columnAndDescendants, columnCrumbs, columnUrl, getColumn } from '../../src/lib/columns.ts';

const tree = buildColumnTree([
  {
    id: 'zwgk',
    title: '政务公开',
    children: [
      { id: 'fazhi', title: '法治政府建设' },
      { id: 'guihua', title: '规划计划', children: [{ id: 'gongzuo-baogao', title: '政府工作报告' }] },
    ],
  },
  { id: 'hudong', title: '互动交流' },
]);

describe('column tree', () => {
  it('builds URLs from the chain of ids', () => {
    expect(columnUrl(getColumn(tree, 'zwgk'))).toBe('/zwgk/');
    expect(columnUrl(getColumn(tree, 'fazhi'))).toBe('/zwgk/fazhi/');
    expect(columnUrl(getColumn(tree, 'gongzuo-baogao'))).toBe('/zwgk/guihua/gongzuo-baogao/');
  });

  it('makes the breadcrumb 首页 > ancestors > column', () => {
    expect(columnCrumbs(tree, getColumn(tree, 'gongzuo-baogao'))).toEqual([
      { label: '首页', href: '/' },
      { label: '政务公开', href: '/zwgk/' },
      { label: '规划计划', href: '/zwgk/guihua/' },
      { label: '政府工作报告', href: '/zwgk/guihua/gongzuo-baogao/' },
    ]);
  });

  it('collects a column and everything below it', () => {
    expect(columnAndDescendants(tree, getColumn(tree, 'zwgk')).map((c) => c.id)).toEqual(['zwgk', 'fazhi', 'guihua', 'gongzuo-baogao']);
    expect(columnAndDescendants(tree, getColumn(tree, 'fazhi')).map((c) => c.id)).toEqual(['fazhi']);
  });

  it('lists all columns depth first and refuses unknown ids', () => {
    expect(allColumns(tree).map((c) => c.id)).toEqual(['zwgk', 'fazhi', 'guihua', 'gongzuo-baogao', 'hudong']);
    expect(() => getColumn(tree, 'nope')).toThrow('未知栏目');
  });
});
