/**
 * A small typed client of the three Buqi services' REST APIs: the calls that take a campus from
 * its sites and assets, through a device's readings, a shortfall, its funding and a work order, to
 * the verified repair and the money it cost.
 *
 * Framework-free: the global fetch and JSON. People call with a bearer token, devices with their
 * own API key; money is integer fen throughout. A non-2xx answer throws a ServiceCallError naming
 * the call and showing the answer's body (RFC 9457 problem details); the `find…` calls answer
 * undefined on 404 instead, for things that arrive by events and are waited for.
 *
 * ```ts
 * const buqi = createServicesClient({ assetInventory: 'http://127.0.0.1:3101', … });
 * await buqi.inventory.registerSite(managerToken, { id: 'NY', name: '机关南院', … });
 * ```
 */

export interface ServiceUrls {
  /** e.g. http://127.0.0.1:3101 */
  readonly assetInventory: string;
  /** e.g. http://127.0.0.1:3102 */
  readonly budgetAllocation: string;
  /** e.g. http://127.0.0.1:3103 */
  readonly workOrders: string;
}

export type ServiceName = keyof ServiceUrls;

/** A call answered with a status outside 2xx. */
export class ServiceCallError extends Error {
  constructor(
    /** The call, e.g. `work-orders: complete wo-rem-… (POST /work-orders/…/complete)`. */
    readonly call: string,
    readonly status: number,
    /** The answer's body: parsed JSON when it was JSON, else its text. */
    readonly body: unknown,
  ) {
    super(`${call} answered ${status}: ${typeof body === 'string' ? body : JSON.stringify(body)}`);
    this.name = 'ServiceCallError';
  }
}

export interface Page<T> {
  readonly items: T[];
  readonly total: number;
  readonly page: number;
  readonly pageSize: number;
}

type Query = Readonly<Record<string, string | number | boolean | undefined>>;

// ---- asset-inventory ------------------------------------------------------------------------

export interface Point {
  readonly x: number;
  readonly y: number;
}

export interface SiteRequest {
  /** 2–6 capitals or digits, e.g. NY (机关南院); it prefixes its assets' codes. */
  readonly id: string;
  readonly name: string;
  readonly kind: 'government-compound' | 'office-area' | 'managed-compound' | (string & {});
  readonly address?: string;
  readonly plan: { readonly widthM: number; readonly heightM: number };
}

export interface ZoneRequest {
  /** Unique within the site, e.g. A (the zone's id elsewhere is `<site>-<code>`, NY-A). */
  readonly code: string;
  readonly name: string;
  /** Its corners on the site plan, in metres, in order. */
  readonly outline: readonly Point[];
}

export interface BuildingRequest {
  /** Unique within the site, e.g. B01 (its id elsewhere is `<site>-<code>`, NY-B01). */
  readonly code: string;
  readonly name: string;
  readonly kind: 'office' | 'conference' | 'canteen' | 'residential' | 'service' | 'other';
  /** The code of the zone it stands in. */
  readonly zone: string;
  readonly location: Point;
  readonly floors: number;
  /** 1–5: how much its shortfalls weigh when ranked (5 for 1号台 and the leaders' offices). */
  readonly importance: number;
}

export interface SiteView {
  readonly id: string;
  readonly name: string;
  readonly zones: readonly { readonly code: string; readonly name: string }[];
  readonly buildings: readonly { readonly code: string; readonly name: string; readonly zone: string }[];
  readonly version: number;
}

/** What every asset has; its site is the first part of its code (NY-RR-003 is on site NY). */
interface AssetCore {
  /** `<site>-<RD|RR|DV>-<number>`, e.g. NY-RR-003. */
  readonly code: string;
  readonly name: string;
  readonly zone?: string;
  readonly building?: string;
  readonly location: Point;
  /** 1 little follows from a failure … 5 safety or the leadership (its shortfalls are safety-critical). */
  readonly criticality: number;
  /** YYYY-MM-DD */
  readonly installedOn: string;
  readonly expectedLifeYears: number;
  readonly replacementCostFen: number;
  readonly department: string;
  readonly status?: 'in-service' | 'under-maintenance' | 'out-of-service' | 'retired';
}

export interface RestroomRequest extends AssetCore {
  readonly restroom: {
    readonly floor: number;
    readonly fixtures: readonly { readonly kind: string; readonly count: number }[];
    readonly accessible: boolean;
    readonly dailyFootfall: number;
    /** GB/T 17217 class: its odour limits. */
    readonly restroomClass: 'class-1' | 'class-2' | 'class-3';
  };
}

export interface RoadSegmentRequest extends AssetCore {
  readonly road: {
    readonly lengthM: number;
    readonly widthM: number;
    readonly pavement: 'asphalt' | 'cement-concrete' | 'block-paving';
    readonly roadClass: 'expressway' | 'arterial' | 'secondary-arterial' | 'branch';
  };
}

/** An inspection sheet: a road's distresses, a restroom's state, a device's calibration (any one). */
export interface InspectionRequest {
  readonly inspectedAt?: string;
  readonly notes?: string;
  readonly pavement?: {
    readonly distresses: readonly {
      readonly type: string;
      readonly quantity: number;
      readonly severity?: string;
    }[];
  };
  readonly restroom?: Record<string, unknown>;
  readonly calibration?: { readonly certificate?: string };
}

export interface MonitoringDeviceRequest extends AssetCore {
  readonly device: {
    readonly kind: 'nh3-sensor' | 'h2s-sensor' | 'water-leak-sensor' | 'air-quality-sensor' | (string & {});
    /** The asset (a restroom) or the place it watches. */
    readonly watches: { readonly assetId: string } | { readonly placeId: string };
    readonly reportingIntervalSeconds: number;
    readonly power: 'battery' | 'mains';
    readonly link: 'wired' | 'wireless';
    readonly firmware?: string;
  };
}

export interface AssetView {
  readonly code: string;
  readonly assetClass: 'road-segment' | 'restroom' | 'monitoring-device';
  readonly name: string;
  readonly siteId: string;
  readonly zone?: string;
  readonly status: string;
  readonly department: string;
  readonly criticality: number;
  readonly deviceKey?: { readonly keyId: string; readonly issuedAt: string; readonly revoked: boolean };
  readonly condition?: { readonly index: number; readonly assessedAt: string };
  readonly version: number;
  readonly [field: string]: unknown;
}

/** A device's key, shown once: the service keeps only its hash. */
export type WithApiKey<T> = T & { readonly apiKey: string };

export interface Reading {
  /** e.g. nh3 */
  readonly metric: string;
  readonly value: number;
  /** e.g. ppm; a metric keeps the unit it was first sent in. */
  readonly unit: string;
  /** ISO 8601 with its offset; at most a few minutes after it arrives. */
  readonly at: string;
}

export interface ReadingsBatch {
  readonly readings: readonly Reading[];
  readonly batteryPct?: number;
  readonly signalDbm?: number;
}

export interface IngestReport {
  readonly deviceId: string;
  readonly receivedAt: string;
  readonly stored: number;
  readonly refused: readonly { readonly index: number; readonly field: string; readonly reason: string }[];
}

export interface ShortfallView {
  /** `<asset>-<kind>-<opening>`, e.g. NY-RR-003-sensor-threshold-1. */
  readonly id: string;
  readonly assetId: string;
  readonly assetClass: string;
  readonly siteId: string;
  readonly department: string;
  readonly kind: 'below-quality-standard' | 'sensor-threshold' | 'device-offline' | 'coverage-gap';
  readonly status: 'open' | 'awaiting-verification' | 'resolved';
  readonly severity: 'minor' | 'moderate' | 'major' | 'critical';
  readonly safetyCritical: boolean;
  readonly evidence: readonly string[];
  readonly findings: readonly { readonly rule: string; readonly severity: string; readonly at: string }[];
  readonly openedAt: string;
  readonly lastDetectedAt: string;
  readonly resolvedAt?: string;
  readonly resolution?: 'repaired' | 'cleared-by-reading' | 'withdrawn';
  /** The work order reported to have fixed it. */
  readonly workOrderId?: string;
  readonly history: readonly { readonly at: string; readonly event: string; readonly note: string }[];
  readonly version: number;
}

export interface ShortfallFilter extends Query {
  readonly status?: ShortfallView['status'];
  readonly kind?: ShortfallView['kind'];
  readonly assetId?: string;
  readonly siteId?: string;
  readonly department?: string;
}

/** A completed work order in its asset's maintenance history. */
export interface MaintenanceRecord {
  readonly workOrderId: string;
  readonly assetId: string;
  readonly completedBy: string;
  readonly actualCostFen: number;
  readonly labourHours: number;
  readonly completedAt: string;
  readonly shortfallIds: readonly string[];
  readonly remediationId?: string;
}

// ---- budget-allocation ----------------------------------------------------------------------

export type Envelope = 'maintenance' | 'capital' | 'emergency-reserve';

export interface BudgetYearRequest {
  readonly fiscalYear: number;
  readonly envelopes?: Partial<Record<Envelope, number>>;
  /** By responsible department, e.g. { 'general-affairs': 50_000_000 }. */
  readonly departmentCaps?: Readonly<Record<string, number>>;
  /** By zone id, e.g. { 'NY-A': 10_000_000 }. */
  readonly zoneCaps?: Readonly<Record<string, number>>;
  readonly reason: string;
}

export interface Counter {
  readonly limitFen: number;
  readonly committedFen: number;
  readonly availableFen: number;
}

export interface BudgetYearView {
  readonly fiscalYear: number;
  readonly envelopes: Readonly<Record<string, Counter & { readonly actualFen: number }>>;
  readonly departmentCaps: Readonly<Record<string, Counter>>;
  readonly zoneCaps: Readonly<Record<string, Counter>>;
  readonly commitments: readonly {
    /** For funded remediation, its id: rem-<shortfall id>. */
    readonly id: string;
    readonly envelope: string;
    readonly amountFen: number;
    readonly department: string;
    readonly zoneId?: string;
    readonly reason: string;
    readonly by: string;
    readonly actualFen: number;
    /** actual − committed, once work has been booked. */
    readonly varianceFen?: number;
  }[];
  readonly actuals: readonly {
    /** The id of the workorder.completed event it was booked from. */
    readonly completionId: string;
    readonly workOrderId: string;
    readonly envelope: string;
    readonly amountFen: number;
    readonly commitmentId?: string;
    readonly completedAt: string;
  }[];
  readonly version: number;
}

export interface QuotaRequest {
  /** e.g. odour-remediation */
  readonly taskType: string;
  readonly name: string;
  readonly unit: string;
  readonly standardHoursPerUnit: number;
  readonly labourFenPerUnit: number;
  readonly materialsFenPerUnit: number;
  readonly quality: {
    /** Every item must be reported when an order of this task type is completed. */
    readonly checklist: readonly string[];
    readonly acceptance: readonly { readonly criterion: string; readonly threshold: string }[];
  };
  /** YYYY-MM-DD */
  readonly effectiveFrom: string;
  readonly reason: string;
}

export interface QuotaView {
  readonly taskType: string;
  readonly versions: readonly {
    readonly version: number;
    readonly effectiveFrom: string;
    readonly quality: QuotaRequest['quality'];
    readonly [field: string]: unknown;
  }[];
}

export interface CandidateView {
  /** The shortfall opening it remedies. */
  readonly id: string;
  readonly status: 'open' | 'withdrawn';
  readonly assetId: string;
  readonly options: readonly {
    readonly option: string;
    readonly taskType: string;
    readonly quantity?: number;
    readonly unit?: string;
    readonly quotaVersion?: number;
    readonly unitPriceFen?: number;
    readonly costFen?: number;
    readonly standardHours?: number;
    readonly missing?: string;
  }[];
  readonly riskScore?: number;
  readonly priority?: string;
  readonly resolution?: string;
  readonly funding?: {
    readonly status: 'funded' | 'deferred';
    readonly remediationId?: string;
    readonly fiscalYear?: number;
    readonly envelope?: string;
    readonly amountFen?: number;
    readonly option?: string;
    readonly taskType?: string;
    readonly quotaVersion?: number;
    readonly reason?: string;
    readonly detail?: string;
  };
}

// ---- work-orders ----------------------------------------------------------------------------

export interface DepartmentRequest {
  /** e.g. general-affairs (综合处) */
  readonly id: string;
  readonly name: string;
}

export interface CrewRequest {
  /** e.g. restrooms-1 (公厕一班) */
  readonly id: string;
  readonly name: string;
  readonly department: string;
  readonly trades: readonly ('roads' | 'restrooms' | 'devices' | 'cleaning' | 'electrical' | 'plumbing')[];
  /** Zone ids served, e.g. NY-A. */
  readonly zones: readonly string[];
  /** Standard hours it delivers per working day. */
  readonly capacityHoursPerDay: number;
  readonly calendar?: 'statutory' | 'six-day' | 'every-day';
}

export interface PersonRequest {
  /** The account's `sub` in the identity provider, e.g. u-li. */
  readonly id: string;
  readonly name: string;
  readonly roles: readonly string[];
  readonly department: string;
  readonly crew?: string;
  readonly contractor?: string;
  readonly phone?: string;
  readonly email?: string;
}

export interface DirectoryEntry {
  readonly id: string;
  readonly name: string;
  readonly version: number;
  readonly [field: string]: unknown;
}

export interface Assignee {
  readonly kind: 'crew' | 'contractor' | 'person';
  readonly id: string;
}

export type Rating = 'good' | 'excellent' | 'outstanding' | 'perfect';

export interface Closure {
  readonly notes: string;
  readonly labourHours: number;
  readonly materials?: readonly {
    readonly name: string;
    readonly quantity: number;
    readonly unit: string;
    readonly costFen: number;
  }[];
  /** Every item of the quota's quality checklist, passed or not. */
  readonly checklist: readonly { readonly item: string; readonly passed: boolean }[];
  /** The total; by default the materials' sum. */
  readonly actualCostFen?: number;
}

export interface WorkOrderView {
  /** wo-<remediation id> for funded work. */
  readonly id: string;
  readonly source: 'remediation' | 'request' | 'supervisor' | 'preventive';
  readonly remediationId?: string;
  readonly fiscalYear?: number;
  readonly shortfallId?: string;
  readonly assetId: string;
  readonly department: string;
  readonly zoneId?: string;
  readonly priority: string;
  readonly taskType: string;
  readonly quotaVersion?: number;
  readonly quantity?: number;
  readonly unit?: string;
  readonly standardHours: number;
  readonly fundedFen?: number;
  readonly state: string;
  /** The actions the state machine allows now. */
  readonly allowed: readonly string[];
  readonly assignee?: Assignee;
  readonly closure?: Closure & { readonly actualCostFen: number };
  readonly rating?: Rating;
  readonly history: readonly {
    readonly action: string;
    readonly from: string | null;
    readonly to: string;
    readonly by: string;
  }[];
  /** The correlation id of what opened it: the shortfall's story across services. */
  readonly correlationId?: string;
  readonly version: number;
}

export interface WorkOrderFilter extends Query {
  readonly state?: string;
  readonly assetId?: string;
  readonly department?: string;
  readonly 'assignee.id'?: string;
}

// ---- every service --------------------------------------------------------------------------

export interface AuditRecord {
  readonly at: string;
  readonly actor: { readonly kind: string; readonly id: string };
  readonly action: string;
  readonly resource: { readonly type: string; readonly id: string };
  readonly correlationId?: string;
}

export interface AuditFilter extends Query {
  readonly actorId?: string;
  readonly resourceType?: string;
  readonly resourceId?: string;
}

// ---- the client -----------------------------------------------------------------------------

type Auth = { readonly bearer: string } | { readonly deviceKey: string };

interface Call {
  readonly service: ServiceName;
  /** What the call does, for errors: `register restroom NY-RR-003`. */
  readonly what: string;
  readonly method: 'GET' | 'POST' | 'PUT' | 'DELETE';
  readonly path: string;
  readonly auth: Auth;
  readonly query?: Query;
  readonly body?: unknown;
  readonly correlationId?: string;
}

const SERVICE_LABEL: Readonly<Record<ServiceName, string>> = {
  assetInventory: 'asset-inventory',
  budgetAllocation: 'budget-allocation',
  workOrders: 'work-orders',
};

const segment = encodeURIComponent;

export type ServicesClient = ReturnType<typeof createServicesClient>;

export function createServicesClient(urls: ServiceUrls) {
  async function send(c: Call): Promise<{ status: number; body: unknown; label: string }> {
    const query = new URLSearchParams();
    for (const [k, v] of Object.entries(c.query ?? {})) if (v !== undefined) query.set(k, String(v));
    const url = `${urls[c.service].replace(/\/$/, '')}${c.path}${query.size ? `?${query}` : ''}`;
    const label = `${SERVICE_LABEL[c.service]}: ${c.what} (${c.method} ${c.path})`;
    const headers: Record<string, string> = {
      accept: 'application/json',
      authorization: 'bearer' in c.auth ? `Bearer ${c.auth.bearer}` : `ApiKey ${c.auth.deviceKey}`,
      ...(c.body !== undefined && { 'content-type': 'application/json' }),
      ...(c.correlationId && { 'x-correlation-id': c.correlationId }),
    };
    let response: Response;
    try {
      response = await fetch(url, {
        method: c.method,
        headers,
        ...(c.body !== undefined && { body: JSON.stringify(c.body) }),
      });
    } catch (err) {
      throw new Error(`${label} failed: ${err instanceof Error ? err.message : String(err)}`, { cause: err });
    }
    const text = await response.text();
    let body: unknown = text;
    try {
      body = text ? JSON.parse(text) : undefined;
    } catch {
      // Not JSON: keep the text.
    }
    return { status: response.status, body, label };
  }

  /** The answer's body, or a ServiceCallError. */
  async function call<T>(c: Call): Promise<T> {
    const { status, body, label } = await send(c);
    if (status < 200 || status > 299) throw new ServiceCallError(label, status, body);
    return body as T;
  }

  /** The answer's body, undefined on 404, or a ServiceCallError. */
  async function find<T>(c: Call): Promise<T | undefined> {
    const { status, body, label } = await send(c);
    if (status === 404) return undefined;
    if (status < 200 || status > 299) throw new ServiceCallError(label, status, body);
    return body as T;
  }

  const inventory = {
    registerSite: (token: string, site: SiteRequest) =>
      call<SiteView>({
        service: 'assetInventory',
        what: `register site ${site.id}`,
        method: 'POST',
        path: '/sites',
        auth: { bearer: token },
        body: site,
      }),
    addZone: (token: string, siteId: string, zone: ZoneRequest) =>
      call<SiteView>({
        service: 'assetInventory',
        what: `add zone ${zone.code} to site ${siteId}`,
        method: 'POST',
        path: `/sites/${segment(siteId)}/zones`,
        auth: { bearer: token },
        body: zone,
      }),
    addBuilding: (token: string, siteId: string, building: BuildingRequest) =>
      call<SiteView>({
        service: 'assetInventory',
        what: `add building ${building.code} to site ${siteId}`,
        method: 'POST',
        path: `/sites/${segment(siteId)}/buildings`,
        auth: { bearer: token },
        body: building,
      }),
    registerRoadSegment: (token: string, road: RoadSegmentRequest) =>
      call<AssetView>({
        service: 'assetInventory',
        what: `register road segment ${road.code}`,
        method: 'POST',
        path: '/road-segments',
        auth: { bearer: token },
        body: road,
      }),
    /** An inspection of an asset, scored by its class's condition model. */
    inspect: (token: string, code: string, sheet: InspectionRequest) =>
      call<Record<string, unknown>>({
        service: 'assetInventory',
        what: `inspect ${code}`,
        method: 'POST',
        path: `/assets/${segment(code)}/inspections`,
        auth: { bearer: token },
        body: sheet,
      }),
    /** A restroom is in a building. */
    registerRestroom: (token: string, restroom: RestroomRequest) =>
      call<AssetView>({
        service: 'assetInventory',
        what: `register restroom ${restroom.code}`,
        method: 'POST',
        path: '/restrooms',
        auth: { bearer: token },
        body: restroom,
      }),
    /** Registers a device; its first key comes with the answer, shown this once. */
    registerMonitoringDevice: (token: string, device: MonitoringDeviceRequest) =>
      call<WithApiKey<AssetView>>({
        service: 'assetInventory',
        what: `register monitoring device ${device.code}`,
        method: 'POST',
        path: '/monitoring-devices',
        auth: { bearer: token },
        body: device,
      }),
    /** A new key for a device (the one it had stops working at once), shown this once. */
    issueDeviceKey: (token: string, code: string) =>
      call<WithApiKey<AssetView>>({
        service: 'assetInventory',
        what: `issue a key to device ${code}`,
        method: 'POST',
        path: `/monitoring-devices/${segment(code)}/key`,
        auth: { bearer: token },
      }),
    /**
     * A device's batch of readings, sent with its own key. `correlationId` names the story the batch
     * starts (what it detects carries it on); the service makes one otherwise.
     */
    postReadings: (deviceKey: string, batch: ReadingsBatch, options: { correlationId?: string } = {}) =>
      call<IngestReport>({
        service: 'assetInventory',
        what: 'post device readings',
        method: 'POST',
        path: '/devices/readings',
        auth: { deviceKey },
        body: batch,
        ...(options.correlationId && { correlationId: options.correlationId }),
      }),
    getAsset: (token: string, code: string) =>
      call<AssetView>({
        service: 'assetInventory',
        what: `get asset ${code}`,
        method: 'GET',
        path: `/assets/${segment(code)}`,
        auth: { bearer: token },
      }),
    listShortfalls: (token: string, filter: ShortfallFilter = {}) =>
      call<Page<ShortfallView>>({
        service: 'assetInventory',
        what: 'list shortfalls',
        method: 'GET',
        path: '/shortfalls',
        auth: { bearer: token },
        query: filter,
      }),
    getShortfall: (token: string, id: string) =>
      call<ShortfallView>({
        service: 'assetInventory',
        what: `get shortfall ${id}`,
        method: 'GET',
        path: `/shortfalls/${segment(id)}`,
        auth: { bearer: token },
      }),
    /** The asset's completed work orders, newest first. */
    maintenanceOf: (token: string, code: string) =>
      call<Page<MaintenanceRecord>>({
        service: 'assetInventory',
        what: `get the maintenance history of ${code}`,
        method: 'GET',
        path: `/assets/${segment(code)}/maintenance`,
        auth: { bearer: token },
      }),
  };

  const budget = {
    openYear: (token: string, year: BudgetYearRequest) =>
      call<BudgetYearView>({
        service: 'budgetAllocation',
        what: `open budget year ${year.fiscalYear}`,
        method: 'POST',
        path: '/budgets',
        auth: { bearer: token },
        body: year,
      }),
    /** The year's position: envelopes and caps, commitments with their actual cost, actuals. */
    getYear: (token: string, fiscalYear: number) =>
      call<BudgetYearView>({
        service: 'budgetAllocation',
        what: `get budget year ${fiscalYear}`,
        method: 'GET',
        path: `/budgets/${fiscalYear}`,
        auth: { bearer: token },
      }),
    /** A new task type's first quota version, published to the other services. */
    publishQuota: (token: string, quota: QuotaRequest) =>
      call<QuotaView>({
        service: 'budgetAllocation',
        what: `publish quota ${quota.taskType}`,
        method: 'POST',
        path: '/quotas',
        auth: { bearer: token },
        body: quota,
      }),
    findCandidate: (token: string, shortfallId: string) =>
      find<CandidateView>({
        service: 'budgetAllocation',
        what: `get candidate ${shortfallId}`,
        method: 'GET',
        path: `/candidates/${segment(shortfallId)}`,
        auth: { bearer: token },
      }),
  };

  const addEntry = (token: string, kind: 'departments' | 'people' | 'crews', entry: { id: string }) =>
    call<DirectoryEntry>({
      service: 'workOrders',
      what: `add ${entry.id} to the directory's ${kind}`,
      method: 'POST',
      path: `/directory/${kind}`,
      auth: { bearer: token },
      body: entry,
    });
  const act = (token: string, id: string, action: 'assign' | 'start' | 'complete' | 'verify', body: object) =>
    call<WorkOrderView>({
      service: 'workOrders',
      what: `${action} work order ${id}`,
      method: 'POST',
      path: `/work-orders/${segment(id)}/${action}`,
      auth: { bearer: token },
      body,
    });

  const workOrders = {
    /** Admins. */
    addDepartment: (token: string, department: DepartmentRequest) =>
      addEntry(token, 'departments', department),
    /** Supervisors and admins; its department must be in the directory. */
    addCrew: (token: string, crew: CrewRequest) => addEntry(token, 'crews', crew),
    /** Admins; their department (and crew) must be in the directory. */
    addPerson: (token: string, person: PersonRequest) => addEntry(token, 'people', person),
    /** A task type's quota as work-orders holds it (from budget-allocation's events); undefined until it arrives. */
    findQuota: (token: string, taskType: string) =>
      find<QuotaView>({
        service: 'workOrders',
        what: `get quota ${taskType}`,
        method: 'GET',
        path: `/standards/quotas/${segment(taskType)}`,
        auth: { bearer: token },
      }),
    /** The orders the caller may see (a crew member: their own), soonest due first. */
    list: (token: string, filter: WorkOrderFilter = {}) =>
      call<Page<WorkOrderView>>({
        service: 'workOrders',
        what: 'list work orders',
        method: 'GET',
        path: '/work-orders',
        auth: { bearer: token },
        query: filter,
      }),
    get: (token: string, id: string) =>
      call<WorkOrderView>({
        service: 'workOrders',
        what: `get work order ${id}`,
        method: 'GET',
        path: `/work-orders/${segment(id)}`,
        auth: { bearer: token },
      }),
    /** A supervisor of the order's department. */
    assign: (token: string, id: string, assignee: Assignee, reason?: string) =>
      act(token, id, 'assign', { assignee, ...(reason && { reason }) }),
    /** The assignee (or a supervisor). */
    start: (token: string, id: string) => act(token, id, 'start', {}),
    /** The assignee (or a supervisor), reporting every item of the quota's quality checklist. */
    complete: (token: string, id: string, closure: Closure) => act(token, id, 'complete', closure),
    /** A supervisor of the order's department. */
    verify: (token: string, id: string, rating: Rating, comment?: string) =>
      act(token, id, 'verify', { rating, ...(comment && { comment }) }),
  };

  /** The audit trail of a service (admins), newest first: who changed what, with the correlation id. */
  const auditTrail = (service: ServiceName, token: string, filter: AuditFilter = {}) =>
    call<Page<AuditRecord>>({
      service,
      what: 'read the audit trail',
      method: 'GET',
      path: '/admin/audit',
      auth: { bearer: token },
      query: filter,
    });

  return { inventory, budget, workOrders, auditTrail };
}
