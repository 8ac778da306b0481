import { DomainValidationError } from '@buqi/domain-kernel';
import type { CombinedDistress, Severity } from '../pavement-types';
import { JOINT_SEAL_DAMAGE } from './distress-catalogue';

/**
 * Joint seal damage is not counted slab by slab: the sealant of the whole sample unit gets one
 * severity, and D6433 gives it one fixed deduct. Buqi takes it as a single observation whose
 * quantity is every slab of the sample unit (the rating covers them all), so the unit stays `slabs`
 * like every concrete distress and the record reads as what was rated.
 */
export const ASTM_D6433_JOINT_SEAL_DEDUCTS: Readonly<Record<Severity, number>> = {
  low: 2,
  medium: 4,
  high: 8,
};

/** Refuses joint seal damage recorded twice at different severities, or on fewer slabs than the unit has. */
export function checkJointSeal(distresses: readonly CombinedDistress[], slabs: number): void {
  const ratings = distresses.filter((d) => d.type === JOINT_SEAL_DAMAGE);
  if (ratings.length > 1) {
    const second = ratings[1];
    throw new DomainValidationError(
      `distresses[${second.observations[0]}].severity`,
      second.severity,
      `rates ${JOINT_SEAL_DAMAGE} a second time: it gets one severity for the whole sample unit (already ${ratings[0].severity})`,
    );
  }
  const rating = ratings[0];
  if (rating !== undefined && rating.quantity !== slabs)
    throw new DomainValidationError(
      `distresses[${rating.observations[0]}].quantity`,
      rating.quantity,
      `must be all ${slabs} slabs of the sample unit: ${JOINT_SEAL_DAMAGE} is rated for the whole unit`,
    );
}
