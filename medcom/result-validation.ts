/**
 * ResultValidation (ABNORM) of a value against its reference interval: for_hoej above the upper limit, for_lav
 * below the lower limit, none inside or when the value or the limits are not numbers. Value and limits are free text
 * in MedCom (String_1_12); a decimal comma and a decimal point are read alike.
 */
import type { ReferenceInterval, ResultValidation } from './model';

/** The number a MedCom value or limit writes, or undefined when it is not a plain decimal number. */
export function decimalOf(text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  const trimmed = text.trim().replace(',', '.');
  return /^-?[0-9]+(\.[0-9]+)?$/.test(trimmed) ? Number(trimmed) : undefined;
}

export function resultValidationFor(value: string, interval: ReferenceInterval | undefined): ResultValidation | undefined {
  const number = decimalOf(value);
  if (number === undefined || !interval) return undefined;
  const upper = decimalOf(interval.upperLimit);
  const lower = decimalOf(interval.lowerLimit);
  if (upper !== undefined && number > upper) return 'for_hoej';
  if (lower !== undefined && number < lower) return 'for_lav';
  return undefined;
}
