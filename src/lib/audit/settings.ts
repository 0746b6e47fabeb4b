/** The audit settings of a content folder: `audit:` in site.yaml with the defaults filled in. */
import { resolveAuditSettings, type AuditSettings } from '../content/audit-schema.ts';
import { loadYamlFile } from '../content/registries.ts';
import { siteSchema } from '../content/schema.ts';

/** Call after the content check passed: site.yaml is known to be valid then. */
export async function readAuditSettings(contentDir: string): Promise<AuditSettings> {
  const { data } = await loadYamlFile(contentDir, 'site.yaml', (path) => path, siteSchema);
  return resolveAuditSettings(data?.audit);
}
