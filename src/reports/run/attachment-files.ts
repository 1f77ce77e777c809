import { join } from 'node:path';
import type { ScenarioResult } from './run-model.ts';

/** Text attachments a failed scenario carries (traffic, transcripts, CRM state), kept as files rather than printed. */
export const isFileAttachment = (a: { mediaType: string; fileName?: string }) => a.mediaType.startsWith('text/') && !!a.fileName;

/** Where a scenario's attachments are written: `<reports>/scenarios/<anchor>/<file name>`. */
export function attachmentPaths(directory: string, anchor: string, result: ScenarioResult): Array<{ path: string; body: string }> {
  return result.attachments.filter(isFileAttachment).map((a) => ({ path: join(directory, 'scenarios', anchor, a.fileName!.replace(/[/\\]/g, '_')), body: a.body }));
}
