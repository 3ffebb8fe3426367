/**
 * Mask a phone number for people whose role does not need it (138****1234).
 * Keeps the first three and last four digits of a mobile number so the desk
 * can still tell two customers apart; shorter numbers keep only the last two.
 */
export function maskPhone(phone: string): string {
  const digits = normalisePhone(phone).replace(/\D/g, '');
  if (digits.length >= 11) return `${digits.slice(0, 3)}****${digits.slice(-4)}`;
  if (digits.length >= 5) return `${'*'.repeat(digits.length - 2)}${digits.slice(-2)}`;
  return '*'.repeat(digits.length);
}

/** Canonical form for storage and lookup: digits only, a leading +86 / 0086 removed. */
export function normalisePhone(phone: string): string {
  const digits = phone.replace(/[\s\-()（）]/g, '').replace(/^\+86|^0086/, '');
  return digits;
}

export function isPlausiblePhone(phone: string): boolean {
  return /^\d{5,15}$/.test(normalisePhone(phone));
}
