/** What a signed-in person is, as far as which orders they may see and act on. */
export interface Viewer {
  readonly id: string;
  readonly roles: readonly string[];
  readonly department?: string;
  readonly crew?: string;
  readonly contractor?: string;
}

/** One way a viewer reaches an order; a viewer with several roles reaches the union. */
export type Reach =
  | { readonly all: true }
  | { readonly department: string }
  | { readonly assignee: { readonly kind: 'crew' | 'contractor' | 'person'; readonly id: string } };

/** Who sees every order: those who plan, pay and run the system. */
const EVERYTHING = ['admin', 'asset-manager', 'finance', 'leadership'];

/**
 * The orders a viewer may see: everything (admins, asset managers, finance, leadership); their
 * department's (supervisors, department heads); only what is assigned to their crew or to them
 * (crew members), or to their company (contractors). Nothing when the token lacks the claim a role
 * needs (a supervisor without a department sees none, rather than all).
 */
export function reachOf(v: Viewer): Reach[] {
  if (v.roles.some((r) => EVERYTHING.includes(r))) return [{ all: true }];
  const reach: Reach[] = [];
  if (v.department && v.roles.some((r) => r === 'supervisor' || r === 'department-head'))
    reach.push({ department: v.department });
  if (v.roles.includes('crew-member')) {
    reach.push({ assignee: { kind: 'person', id: v.id } });
    if (v.crew) reach.push({ assignee: { kind: 'crew', id: v.crew } });
  }
  if (v.roles.includes('contractor') && v.contractor)
    reach.push({ assignee: { kind: 'contractor', id: v.contractor } });
  return reach;
}

/** Whether an order is within reach. */
export function canSee(
  reach: readonly Reach[],
  order: { readonly department: string; readonly assignee?: { kind: string; id: string } },
): boolean {
  return reach.some((r) =>
    'all' in r
      ? true
      : 'department' in r
        ? r.department === order.department
        : order.assignee?.kind === r.assignee.kind && order.assignee.id === r.assignee.id,
  );
}

/** Whether the viewer acts as a supervisor of the order (assigns, verifies, cancels). */
export function supervises(v: Viewer, order: { readonly department: string }): boolean {
  if (v.roles.includes('admin')) return true;
  return v.roles.includes('supervisor') && v.department === order.department;
}
