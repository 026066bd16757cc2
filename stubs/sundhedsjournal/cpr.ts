/** The CPR number typed on the login page: 10 digits, a dash or spaces after the birth date allowed. */

/** The 10 digits, or undefined when the input is not a CPR number. */
export function normalizeCpr(input: string): string | undefined {
  const match = /^(\d{6})[-\s]*(\d{4})$/.exec(input.trim());
  return match ? `${match[1]}${match[2]}` : undefined;
}

/** As Danes write it: 020160-9995. */
export function formatCpr(cpr: string): string {
  return /^\d{10}$/.test(cpr) ? `${cpr.slice(0, 6)}-${cpr.slice(6)}` : cpr;
}
