import type { Role } from '@buqi/auth';

/** One signature the policy asks for: a role, from plans above an amount (fen) if one is given. */
export interface ApprovalStep {
  readonly role: Role;
  readonly label: string;
  /** The step applies only to plans whose total is above this, fen. */
  readonly aboveFen?: number;
}

/**
 * The bureau's default: finance checks the money, the department head owns the work, and above
 * ¥1,000,000 bureau leadership decides collectively (三重一大: major expenditure is a collective
 * decision). Held as data: admins change it through the API.
 */
export const DEFAULT_APPROVAL_STEPS: readonly ApprovalStep[] = [
  { role: 'finance', label: '财务审核 (finance)' },
  { role: 'department-head', label: '部门负责人 (department head)' },
  { role: 'leadership', label: '局领导集体决策 (bureau leadership)', aboveFen: 100_000_000 },
];

/** The steps a plan of `totalFen` needs, in order. */
export function stepsFor(steps: readonly ApprovalStep[], totalFen: number): ApprovalStep[] {
  return steps.filter((s) => s.aboveFen === undefined || totalFen > s.aboveFen);
}

export interface Signature {
  readonly step: number;
  readonly role: string;
  readonly by: string;
}

export type NextSignature =
  | { readonly step: number; readonly role: Role; readonly last: boolean }
  | { readonly refused: 'signed' | 'role' | 'same-person'; readonly message: string };

/**
 * The step `signer` may sign next, or why not: the chain is signed in order, each step by someone
 * holding its role, and nobody signs two steps of one plan (the checks are separate people's).
 */
export function nextSignature(
  chain: readonly ApprovalStep[],
  signed: readonly Signature[],
  signer: { readonly id: string; readonly roles: readonly string[] },
): NextSignature {
  const step = signed.length;
  if (step >= chain.length) return { refused: 'signed', message: 'every step of the plan is signed already' };
  const { role, label } = chain[step];
  if (!signer.roles.includes(role))
    return {
      refused: 'role',
      message: `step ${step + 1} of ${chain.length} (${label}) is signed by the ${role} role`,
    };
  const earlier = signed.find((s) => s.by === signer.id);
  if (earlier)
    return {
      refused: 'same-person',
      message: `${signer.id} signed step ${earlier.step + 1} (${earlier.role}) already; each step needs another person`,
    };
  return { step, role, last: step === chain.length - 1 };
}
