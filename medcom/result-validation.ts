/**
 * Whether a numeric value lies outside its reference interval: `for_hoej` above the upper limit, `for_lav` below the
 * lower one (MedCom's ResultValidation). Decimal comma or point, as Danish messages write them. Text values, values
 * given with an operator ("< 5") and intervals without limits are never judged.
 */
import type { Operator, ReferenceInterval, ResultValidation } from './model';

/** 6,1 and 6.1 alike; undefined for anything that is not a plain decimal number. */
export function decimalNumber(text: string | undefined): number | undefined {
  if (text === undefined || !/^-?[0-9]+([.,][0-9]+)?$/.test(text.trim())) return undefined;
  return Number(text.trim().replace(',', '.'));
}

export function validationOf(
  value: string,
  interval: Pick<ReferenceInterval, 'lowerLimit' | 'upperLimit'> | undefined,
  operator?: Operator | string,
): Extract<ResultValidation, 'for_hoej' | 'for_lav'> | undefined {
  const number = decimalNumber(value);
  if (number === undefined || operator !== undefined || !interval) return undefined;
  const upper = decimalNumber(interval.upperLimit);
  const lower = decimalNumber(interval.lowerLimit);
  if (upper !== undefined && number > upper) return 'for_hoej';
  if (lower !== undefined && number < lower) return 'for_lav';
  return undefined;
}
