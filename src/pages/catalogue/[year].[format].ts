/** One 年度 of the catalogue as open data: /catalogue/2021.json, /catalogue/2021.csv. */
import type { APIRoute } from 'astro';
import { getPortal } from '../../data/portal.ts';
import { OPEN_DATA_FORMATS, openDataKey, openDataResponse, yearFiles, type OpenDataFile, type OpenDataFormat } from '../../lib/open-data/files.ts';

export async function getStaticPaths() {
  const portal = await getPortal();
  return yearFiles(portal).flatMap((file) =>
    OPEN_DATA_FORMATS.map((format) => ({
      params: { year: String(file.scope.year), format },
      props: { file, format },
      cacheKey: openDataKey(portal, file, format),
    })),
  );
}

export const GET: APIRoute<{ file: OpenDataFile; format: OpenDataFormat }> = async ({ props }) => openDataResponse(await getPortal(), props.file, props.format);
