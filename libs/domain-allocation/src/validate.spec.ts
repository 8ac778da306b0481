import { DomainValidationError } from '@buqi/domain-kernel';
import { validateProblem, type AllocationProblem, type CandidateInput } from './index';
import { campusExample } from './test-fixtures/campus-example';

const candidate = (id: string, dependsOn?: string[]): CandidateInput => ({
  id,
  department: 'facilities',
  zone: 'north-court',
  envelope: 'maintenance',
  ...(dependsOn && { dependsOn }),
  options: [{ id: 'do', costFen: 100, benefit: 1, lifetimeYears: 5 }],
});
const withCandidates = (...candidates: CandidateInput[]): AllocationProblem => ({
  envelopes: [{ id: 'maintenance', budgetFen: 1_000 }],
  candidates,
});
const withOption = (option: Record<string, unknown>): AllocationProblem =>
  withCandidates({
    ...candidate('a'),
    options: [{ id: 'do', costFen: 100, benefit: 1, lifetimeYears: 5, ...option }] as never,
  });

describe('validateProblem', () => {
  it('resolves ids to indices: envelopes first, then department caps, then zone caps', () => {
    const valid = validateProblem(campusExample);
    expect(valid.constraints.map((c) => `${c.kind}:${c.id}`)).toEqual([
      'envelope:maintenance',
      'envelope:capital',
      'zone:south-court',
    ]);
    const sensors = valid.candidates[3];
    expect(sensors).toMatchObject({ dependsOn: [2], departmentRow: -1, zoneRow: 2, mandatory: false });
    expect(valid.candidates[2].dependents).toEqual([3]);
    // The resurfacing option overrides its candidate's maintenance envelope with capital (row 1).
    expect(valid.candidates[1].options.map((o) => o.envelopeRow)).toEqual([0, 1]);
    expect(valid.topologicalOrder.indexOf(2)).toBeLessThan(valid.topologicalOrder.indexOf(3));
  });

  it.each([
    [
      'a cycle of three',
      [candidate('a', ['c']), candidate('b', ['a']), candidate('c', ['b'])],
      'a → c → b → a',
    ],
    ['a candidate depending on itself', [candidate('a', ['a'])], 'a → a'],
  ])('refuses %s, naming the cycle', (_, candidates, cycle) => {
    const fn = () => validateProblem(withCandidates(...candidates));
    expect(fn).toThrow(DomainValidationError);
    expect(fn).toThrow(`forms a dependency cycle (${cycle}), which no selection can satisfy`);
  });

  it('refuses a cycle deep in a long chain without overflowing the stack', () => {
    const chain = Array.from({ length: 20_000 }, (_, i) =>
      candidate(`c${i}`, i > 0 ? [`c${i - 1}`] : ['c19999']),
    );
    expect(() => validateProblem(withCandidates(...chain))).toThrow(
      'forms a dependency cycle (c0 → c19999 → c19998 → c19997 → c19996 → c19995 → c19994 → c19993 → c19992 → c19991 → … → c0, 20000 candidates)',
    );
  });

  it.each([
    [
      withCandidates(candidate('a'), candidate('a')),
      'candidates[1].id duplicates an earlier candidate id (got "a")',
    ],
    [
      withCandidates(candidate('a', ['ghost'])),
      'candidates[0].dependsOn[0] must be the id of a candidate (got "ghost")',
    ],
    [withOption({ costFen: -1 }), 'candidates[0].options[0].costFen must not be negative (got -1)'],
    [
      withOption({ costFen: 12.5 }),
      'candidates[0].options[0].costFen must be a whole number of fen (a safe integer) (got 12.5)',
    ],
    [
      withOption({ benefit: Number.NaN }),
      'candidates[0].options[0].benefit must be a finite number (got NaN)',
    ],
    [withOption({ benefit: -2 }), 'candidates[0].options[0].benefit must be at least 0 (got -2)'],
    [
      withOption({ lifetimeYears: 0 }),
      'candidates[0].options[0].lifetimeYears must be greater than 0 (got 0)',
    ],
    [
      withOption({ envelope: 'slush-fund' }),
      'candidates[0].options[0].envelope must name one of the envelopes (got "slush-fund")',
    ],
    [
      withCandidates({ ...candidate('a'), envelope: undefined }),
      'candidates[0].options[0].envelope must name an envelope (on the option or its candidate) (got undefined)',
    ],
    [
      withCandidates({ ...candidate('a'), options: [...candidate('a').options, ...candidate('a').options] }),
      'candidates[0].options[1].id duplicates an earlier option id of this candidate (got "do")',
    ],
    [
      withCandidates({ ...candidate('a'), options: [] }),
      'candidates[0].options must have at least 1 item(s) (got [])',
    ],
    [
      withCandidates({ ...candidate('a'), zone: ' ' }),
      'candidates[0].zone must be a non-empty string of at most 200 characters (got " ")',
    ],
    [
      withCandidates({ ...candidate('a'), mandatory: 'yes' as never }),
      'candidates[0].mandatory must be true or false (got "yes")',
    ],
    [
      {
        ...withCandidates(),
        envelopes: [
          { id: 'm', budgetFen: 1 },
          { id: 'm', budgetFen: 2 },
        ],
      },
      'envelopes[1].id duplicates an earlier envelope id (got "m")',
    ],
    [
      { ...withCandidates(), envelopes: [{ id: 'm', budgetFen: -5 }] },
      'envelopes[0].budgetFen must not be negative (got -5)',
    ],
    [
      {
        ...withCandidates(),
        zoneCaps: [
          { id: 'z', capFen: 1 },
          { id: 'z', capFen: 1 },
        ],
      },
      'zoneCaps[1].id duplicates an earlier zone id (got "z")',
    ],
    [
      { ...withCandidates(), departmentCaps: [{ id: 'd', capFen: 0.5 }] },
      'departmentCaps[0].capFen must be a whole number',
    ],
    [{ envelopes: [], candidates: 'none' } as never, 'candidates must be an array (got "none")'],
    [null as never, 'problem must be an object (got null)'],
  ])('refuses bad input, naming the field and the value (%#)', (problem, message) => {
    const fn = () => validateProblem(problem);
    expect(fn).toThrow(DomainValidationError);
    expect(fn).toThrow(message);
  });

  it('refuses costs whose total could not be summed exactly in fen', () => {
    const huge = { id: 'do', costFen: Number.MAX_SAFE_INTEGER - 1, benefit: 1, lifetimeYears: 5 };
    const problem = withCandidates(
      { ...candidate('a'), options: [huge] },
      { ...candidate('b'), options: [huge] },
    );
    expect(() => validateProblem(problem)).toThrow(
      'candidates must not cost more in total than fen can be summed exactly (got 18014398509481980)',
    );
  });
});
