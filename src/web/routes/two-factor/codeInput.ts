/** A TOTP code as typed or pasted ("123 456", full-width digits): the six digits, or null. */
export function normalizeCode(raw: string): string | null {
  const digits = raw.normalize("NFKC").replace(/[\s-]/g, "");
  return /^\d{6}$/.test(digits) ? digits : null;
}
