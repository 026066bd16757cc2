/** The hub signs what it sends to a databank (contracts/access.ts), so the databanks can take writes from it alone. */
import { HUB_SIGNATURE_HEADER, hubSignature } from '../../contracts/access';

/** Headers of a signed request to a databank; none when the hub has no key (a stub run on its own). */
export function hubSignedHeaders(key: string | undefined, method: string, path: string, body: string | Uint8Array = ''): Record<string, string> {
  return key ? { [HUB_SIGNATURE_HEADER]: hubSignature(key, method, path, body) } : {};
}
