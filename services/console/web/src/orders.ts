/** A work order as work-orders shows it (the fields the pages use). */
export interface WorkOrder {
  id: string;
  title: string;
  description?: string;
  assetId: string;
  department: string;
  zoneId?: string;
  priority: string;
  taskType: string;
  quotaVersion?: number;
  standardHours: number;
  state: string;
  allowed: string[];
  assignee?: { kind: string; id: string };
  due: { respondBy: string; resolveBy: string; rule: string; provisional?: boolean };
  escalations: { stepId: string; at: string }[];
  photos: { id: string; type: string; at: string }[];
  rating?: string;
  closure?: {
    notes: string;
    labourHours: number;
    materials: { name: string; quantity: number; unit: string; costFen: number }[];
    actualCostFen: number;
    checklist: { item: string; passed: boolean }[];
  };
  history: { action: string; from: string | null; to: string; by: string; at: string; reason?: string }[];
  version: number;
}

export interface Page<T> {
  items: T[];
  page: number;
  pageSize: number;
  total: number;
}

export const ORDERS = '/api/work-orders/work-orders';

export const isLate = (o: WorkOrder, now = Date.now()) =>
  !['completed', 'verified', 'cancelled'].includes(o.state) && Date.parse(o.due.resolveBy) < now;

export const isDueToday = (o: WorkOrder, now = new Date()) =>
  new Date(o.due.resolveBy).toDateString() === now.toDateString();

export const PRIORITY_COLOURS: Record<string, string> = {
  P1: 'red',
  P2: 'orange',
  P3: 'blue',
  P4: 'default',
};

export const when = (iso: string, language: string) =>
  new Date(iso).toLocaleString(language, {
    month: 'numeric',
    day: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
  });
