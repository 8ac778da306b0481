/**
 * Masking of contact details for those who may not see them (PIPL: show the minimum). Phones are
 * masked as the audit trail masks them (138****5678); an e-mail keeps its first character and its
 * domain: z***@bureau.gov.cn.
 */
export function maskEmail(email: string): string {
  const at = email.lastIndexOf('@');
  if (at <= 0) return '***';
  return `${email[0]}***${email.slice(at)}`;
}
