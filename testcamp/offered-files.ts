/**
 * The files a run offers with an instruction or a question ("files" in its tester-channel JSON, contracts/
 * tester-channel.ts), e.g. a laboratory's message to import into the LPS. The run serves them on its own channel
 * address; the cockpit hands them to the vendor at /s/<session>/opgaver/<prompt>/filer/<n>, behind the vendor's token.
 */
import type { OfferedFile } from '../contracts/tester-channel';
import type { Prompt } from './store';

function isOfferedFile(value: unknown): value is OfferedFile {
  const file = value as Partial<OfferedFile> | null;
  return typeof file === 'object' && file !== null && typeof file.name === 'string' && typeof file.url === 'string' && /^https?:\/\//.test(file.url) && typeof file.mediaType === 'string';
}

/** The prompt's offered files, in the order the run gave them; anything malformed is left out. */
export function offeredFiles(prompt: Pick<Prompt, 'data'>): OfferedFile[] {
  const files = prompt.data.files;
  return Array.isArray(files) ? files.filter(isOfferedFile) : [];
}

/** Where the vendor downloads the prompt's n-th file, through the cockpit. */
export function offeredFileHref(prompt: Pick<Prompt, 'id' | 'sessionId'>, index: number): string {
  return `/s/${encodeURIComponent(prompt.sessionId)}/opgaver/${encodeURIComponent(prompt.id)}/filer/${index}`;
}
