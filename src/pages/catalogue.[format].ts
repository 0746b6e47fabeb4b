/** The whole 信息公开目录 as open data: /catalogue.json, /catalogue.csv (docs/open-data.md). */
import type { APIRoute } from 'astro';
import { getPortal } from '../data/portal.ts';
import { OPEN_DATA_FORMATS, openDataKey, openDataResponse, wholeCatalogue, type OpenDataFormat } from '../lib/open-data/files.ts';

export async function getStaticPaths() {
  const portal = await getPortal();
  return OPEN_DATA_FORMATS.map((format) => ({ params: { format }, props: { format }, cacheKey: openDataKey(portal, wholeCatalogue(portal), format) }));
}

export const GET: APIRoute<{ format: OpenDataFormat }> = async ({ props }) => {
  const portal = await getPortal();
  return openDataResponse(portal, wholeCatalogue(portal), props.format);
};
