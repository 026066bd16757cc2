/**
 * The MedCom protocol layer: XRPT01/XRPT05 messages and XCTL02/XCTL03 receipts, written, read and validated.
 * Everything others need is exported here; the model types are in ./model.
 */
export * from './model';
export { writeEmessage } from './write/emessage';
export { readEmessage, type ReadOutcome } from './read/emessage';
export type { LetterRef, MessageRefs } from './read/refs';
export { validateEmessage, type ValidateOptions } from './validate/validate-emessage';
export { positiveReceipt, negativeReceipt } from './receipts/build';
export { refuseCodeFor } from './receipts/refuse-code';
export { writeReceipt } from './receipts/write';
export { readReceipt, readReceipts } from './receipts/read';
export { newIdentifier } from './identifiers';
export { medcomDateTime } from './date-time';
export { decodeXmlBytes } from './xml/decode';
