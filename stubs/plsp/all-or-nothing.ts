/**
 * Delivering a message's parts (one per databank) so that all of them are stored or none is. The parts go out
 * together; when one fails, each part a databank did store is undone again (a compensating
 * `DELETE <databank>/api/v1/uploads/<id>`, ASSUMPTION: hub-only, as the databank's routes describe). The undo removes
 * only what that upload newly stored, so results an earlier upload stored stay (LABA-06).
 * The failure says what failed and exactly what, if anything, stays stored, for the negative receipt.
 */
import { uploadPath, type UndoResponse } from '../../contracts/databank';
import { UpstreamError } from '../common/fetch-json';
import type { ReportLetter } from '../../medcom/model';
import type { PlspConfig } from './config';
import { deliver, type Delivery, type UploadReceipt } from './forward';
import { hubSignedHeaders } from './hub-signature';

/** Why a message was not stored, in words for the RefuseText; `staysStored` lists the parts that could not be undone. */
export class DeliveryFailure extends Error {
  constructor(
    message: string,
    readonly staysStored: Delivery[],
  ) {
    super(message);
  }
}

function lettersOf(delivery: Delivery): string {
  const names = delivery.letters.map((letter: ReportLetter) => `${letter.kind} ${letter.letter.identifier}`);
  return `letter${names.length > 1 ? 's' : ''} ${names.join(', ')}`;
}

async function undo(delivery: Delivery, receipt: UploadReceipt, timeoutMs: number): Promise<UndoResponse> {
  if (receipt.upload === undefined) throw new Error(`${delivery.databank}'s answer to the upload named no upload id`);
  const url = `${delivery.baseUrl}${uploadPath(receipt.upload)}`;
  let response: Response;
  try {
    const headers = hubSignedHeaders(delivery.hubKey, 'DELETE', uploadPath(receipt.upload));
    response = await fetch(url, { method: 'DELETE', headers, signal: AbortSignal.timeout(timeoutMs) });
  } catch (error) {
    throw new Error(`${delivery.databank} could not be reached at ${url}: ${(error as Error).message}`);
  }
  if (!response.ok) throw new Error(`${delivery.databank} answered DELETE ${url} with HTTP ${response.status}: ${await response.text()}`);
  return (await response.json()) as UndoResponse;
}

/** What happened to a part that was stored when another part failed. */
async function withdraw(delivery: Delivery, receipt: UploadReceipt, timeoutMs: number): Promise<{ note: string; stays: boolean }> {
  try {
    const { kept } = await undo(delivery, receipt, timeoutMs);
    const already = receipt.duplicates ?? 0;
    const notes = [`${delivery.databank}'s part (${lettersOf(delivery)}) was withdrawn again`];
    if (already > 0) notes.push(`${delivery.databank} already held ${already} of its results from an earlier delivery; they stay as they were`);
    if (kept > 0) notes.push(`${delivery.databank} keeps ${kept} of its results because another upload delivered them again or corrected them meanwhile`);
    return { note: notes.join('; '), stays: false };
  } catch (error) {
    return {
      note: `${delivery.databank} STORED its part (${lettersOf(delivery)}) and it could not be withdrawn (${(error as Error).message}): that part stays stored`,
      stays: true,
    };
  }
}

/** Delivers every part, or none: throws DeliveryFailure when any part failed (after undoing the others). */
export async function deliverAllOrNothing(deliveries: Delivery[], policy: PlspConfig['forwarding'], lpsSystem: string): Promise<void> {
  const outcomes = await Promise.allSettled(deliveries.map((delivery) => deliver(delivery, policy, lpsSystem)));
  const failures = outcomes.flatMap((outcome) => (outcome.status === 'rejected' ? [outcome.reason as unknown] : []));
  if (failures.length === 0) return;
  const unexpected = failures.find((error) => !(error instanceof UpstreamError));
  const stored = outcomes.flatMap((outcome, index) => (outcome.status === 'fulfilled' ? [{ delivery: deliveries[index]!, receipt: outcome.value }] : []));
  const withdrawals = await Promise.all(stored.map(({ delivery, receipt }) => withdraw(delivery, receipt, policy.timeoutMs)));
  if (unexpected && withdrawals.length === 0) throw unexpected;
  const staysStored = withdrawals.flatMap((withdrawal, index) => (withdrawal.stays ? [stored[index]!.delivery] : []));
  const what = failures.map((error) => (error as Error).message).join('; ');
  const notes = withdrawals.map((withdrawal) => withdrawal.note);
  const advice =
    staysStored.length === 0
      ? 'nothing of this message was stored: send the message again'
      : 'send the message again once the fault is mended (a databank stores the same result once)';
  throw new DeliveryFailure([what, ...notes, advice].join('; '), staysStored);
}
