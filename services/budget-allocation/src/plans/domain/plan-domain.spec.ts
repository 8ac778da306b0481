import { validateProblem } from '@buqi/domain-allocation';
import { DomainValidationError } from '@buqi/domain-kernel';
import { DEFAULT_APPROVAL_STEPS, nextSignature, stepsFor } from './approval-chain';
import { planItem } from './plan-item';
import { benefitOf, NO_ZONE, planProblem } from './plan-problem';

const road = (id: string, riskScore: number, patchFen?: number, resurfaceFen?: number) => ({
  id,
  assetId: id.slice(0, 9),
  department: 'general-affairs',
  zoneId: 'NY-A',
  riskScore,
  priority: 'P2',
  options: [
    {
      option: 'patch',
      taskType: 'pothole-patch',
      description: '',
      quantity: 42.5,
      unit: 'm2',
      quotaVersion: 1,
      standardHours: 21.25,
      ...(patchFen !== undefined && { costFen: patchFen }),
    },
    {
      option: 'resurface',
      taskType: 'resurfacing',
      description: '',
      quantity: 840,
      unit: 'm2',
      quotaVersion: 2,
      standardHours: 420,
      ...(resurfaceFen !== undefined && { costFen: resurfaceFen }),
    },
  ],
});

describe('a plan’s problem', () => {
  const inputs = {
    candidates: [
      road('NY-RD-001-x', 12, 600_000, 9_000_000),
      road('NY-RD-002-x', 8, 500_000),
      road('NY-RD-003-x', 5),
    ],
    budgetFen: { maintenance: 1_000_000, capital: 9_000_000 },
    departmentCaps: { 'general-affairs': 5_000_000 },
    zoneCaps: {},
  };

  it('offers each candidate’s costed options, paid from the remedy’s envelope, worth risk × lifetime up to 10 years', () => {
    const { problem, notOffered } = planProblem(inputs);
    expect(notOffered).toEqual(['NY-RD-003-x']);
    expect(problem.candidates.map((c) => c.id)).toEqual(['NY-RD-001-x', 'NY-RD-002-x']);
    expect(problem.candidates[0].options).toEqual([
      { id: 'patch', costFen: 600_000, benefit: 24, lifetimeYears: 2, envelope: 'maintenance' },
      // Resurfacing lasts 12 years; only ten count.
      { id: 'resurface', costFen: 9_000_000, benefit: 120, lifetimeYears: 12, envelope: 'capital' },
    ]);
    expect(problem.envelopes).toEqual([
      { id: 'maintenance', budgetFen: 1_000_000 },
      { id: 'capital', budgetFen: 9_000_000 },
    ]);
    expect(problem.departmentCaps).toEqual([{ id: 'general-affairs', capFen: 5_000_000 }]);
    expect(
      planProblem({ ...inputs, candidates: [{ ...road('x', 1, 1), zoneId: undefined }] }).problem
        .candidates[0].zone,
    ).toBe(NO_ZONE);
    expect(benefitOf(3.333, 3)).toBe(10);
  });

  it('refuses a dependency on a candidate it does not offer, naming both; the domain refuses a cycle', () => {
    expect(() => planProblem({ ...inputs, dependencies: { 'NY-RD-001-x': ['NY-RD-003-x'] } })).toThrow(
      /dependencies\.NY-RD-001-x .*NY-RD-003-x/,
    );
    expect(() => planProblem({ ...inputs, dependencies: { 'NY-RD-009-x': ['NY-RD-001-x'] } })).toThrow(
      DomainValidationError,
    );
    const { problem } = planProblem({
      ...inputs,
      dependencies: { 'NY-RD-001-x': ['NY-RD-002-x'], 'NY-RD-002-x': ['NY-RD-001-x'] },
    });
    expect(() => validateProblem(problem)).toThrow(
      /dependency cycle \(NY-RD-00[12]-x → NY-RD-00[12]-x → NY-RD-00[12]-x\)/,
    );
  });

  it('makes an item of a costed option only, priced and identified as the funding rules would', () => {
    expect(planItem(road('NY-RD-001-x', 12, 600_000), 'patch')).toMatchObject({
      remediationId: 'rem-NY-RD-001-x',
      envelope: 'maintenance',
      costFen: 600_000,
      quotaVersion: 1,
      quantity: 42.5,
      standardHours: 21.25,
      benefit: 24,
    });
    expect(planItem(road('NY-RD-001-x', 12, 600_000), 'resurface')).toBeUndefined();
    expect(planItem(road('NY-RD-001-x', 12, 600_000), 'paint-it')).toBeUndefined();
  });
});

describe('the approval chain', () => {
  it('asks leadership only above its threshold', () => {
    expect(stepsFor(DEFAULT_APPROVAL_STEPS, 100_000_000).map((s) => s.role)).toEqual([
      'finance',
      'department-head',
    ]);
    expect(stepsFor(DEFAULT_APPROVAL_STEPS, 100_000_001).map((s) => s.role)).toEqual([
      'finance',
      'department-head',
      'leadership',
    ]);
  });

  it('is signed in order, by the step’s role, by a different person each time', () => {
    const chain = stepsFor(DEFAULT_APPROVAL_STEPS, 0);
    expect(nextSignature(chain, [], { id: 'u-head', roles: ['department-head'] })).toMatchObject({
      refused: 'role',
    });
    expect(nextSignature(chain, [], { id: 'u-fin', roles: ['finance', 'department-head'] })).toEqual({
      step: 0,
      role: 'finance',
      last: false,
    });
    const signed = [{ step: 0, role: 'finance', by: 'u-fin' }];
    expect(
      nextSignature(chain, signed, { id: 'u-fin', roles: ['finance', 'department-head'] }),
    ).toMatchObject({
      refused: 'same-person',
    });
    expect(nextSignature(chain, signed, { id: 'u-head', roles: ['department-head'] })).toEqual({
      step: 1,
      role: 'department-head',
      last: true,
    });
    expect(
      nextSignature(chain, [...signed, { step: 1, role: 'department-head', by: 'u-head' }], {
        id: 'u-x',
        roles: ['department-head'],
      }),
    ).toMatchObject({ refused: 'signed' });
  });
});
