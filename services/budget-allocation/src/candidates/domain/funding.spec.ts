import { fundingDecision } from './funding';

const options = [
  { option: 'patch', costFen: 400_000 },
  { option: 'resurface', costFen: 10_080_000 },
];

describe('funding rules', () => {
  it('funds a small repair at once from maintenance, with its cheapest option', () => {
    expect(fundingDecision({ safetyCritical: false, options }, 500_000)).toEqual({
      fund: { envelope: 'maintenance', option: 'patch', amountFen: 400_000 },
    });
  });

  it('funds a safety-critical one from the emergency reserve whatever it costs', () => {
    expect(fundingDecision({ safetyCritical: true, options: [options[1]] }, 500_000)).toEqual({
      fund: { envelope: 'emergency-reserve', option: 'resurface', amountFen: 10_080_000 },
    });
  });

  it('leaves a dearer one to the plan, and says why one cannot be costed', () => {
    expect(fundingDecision({ safetyCritical: false, options }, 399_999)).toMatchObject({
      defer: { reason: 'awaits-plan', cheapestFen: 400_000 },
    });
    const uncosted = fundingDecision(
      { safetyCritical: false, options: [{ option: 'repair-device', missing: 'no device-repair quota' }] },
      500_000,
    );
    expect(uncosted).toEqual({
      defer: {
        reason: 'not-costed',
        detail: 'no option could be costed: repair-device: no device-repair quota',
      },
    });
  });
});
