/** One 发布机构's part of the catalogue as open data: /catalogue/agencies/mzj.json, /catalogue/agencies/mzj.csv. */
import type { APIRoute } from 'astro';
import { getPortal } from '../../../data/portal.ts';
import { agencyFiles, OPEN_DATA_FORMATS, openDataKey, openDataResponse, type OpenDataFile, type OpenDataFormat } from '../../../lib/open-data/files.ts';

export async function getStaticPaths() {
  const portal = await getPortal();
  return agencyFiles(portal).flatMap((file) =>
    OPEN_DATA_FORMATS.map((format) => ({
      params: { agency: file.scope.agency.id, format },
      props: { file, format },
      cacheKey: openDataKey(portal, file, format),
    })),
  );
}

export const GET: APIRoute<{ file: OpenDataFile; format: OpenDataFormat }> = async ({ props }) => openDataResponse(await getPortal(), props.file, props.format);
