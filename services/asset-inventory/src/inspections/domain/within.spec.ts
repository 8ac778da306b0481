import { DomainValidationError } from '@buqi/domain-kernel';
import { pathIn, within } from './within';

describe('within', () => {
  it('names a model’s field by its path in the request', () => {
    expect(pathIn('pavement', 'distresses[2].severity')).toBe('pavement.distresses[2].severity');
    expect(pathIn('pavement', 'areaM2')).toBe('pavement.areaM2');
    expect(pathIn('restroom.hygiene', 'measurement.nh3MgM3', ['measurement'])).toBe(
      'restroom.hygiene.nh3MgM3',
    );
    expect(pathIn('restroom.hygiene', 'measurement', ['measurement'])).toBe('restroom.hygiene');
    expect(pathIn('restroom.hygiene', 'measurements', ['measurement'])).toBe('restroom.hygiene.measurements');
  });

  it('rethrows a model’s refusal with the path, and anything else as it is', () => {
    expect(() =>
      within('dust', () => {
        throw new DomainValidationError('samples[0].areaM2', 0, 'must be above 0');
      }),
    ).toThrow(
      expect.objectContaining({ field: 'dust.samples[0].areaM2', value: 0, reason: 'must be above 0' }),
    );
    const other = new Error('boom');
    expect(() =>
      within('dust', () => {
        throw other;
      }),
    ).toThrow(other);
    expect(within('dust', () => 7)).toBe(7);
  });
});
