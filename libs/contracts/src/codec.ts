import type { EventContract } from './define-event';
import type { EventEnvelope } from './envelope';
import { ContractViolationError } from './validation';

/** Wire format: the envelope as UTF-8 JSON. The value is validated both ways. */
export function encodeEvent(contract: EventContract, envelope: EventEnvelope): Buffer {
  contract.parseEnvelope(envelope);
  return Buffer.from(JSON.stringify(envelope), 'utf8');
}

export function decodeEvent(contract: EventContract, bytes: Buffer | null): EventEnvelope {
  if (!bytes || bytes.length === 0)
    throw new ContractViolationError(`${contract.topic} event`, ['message has no value']);
  let parsed: unknown;
  try {
    parsed = JSON.parse(bytes.toString('utf8'));
  } catch (err) {
    throw new ContractViolationError(`${contract.topic} event`, [
      `value is not JSON: ${(err as Error).message}`,
    ]);
  }
  return contract.parseEnvelope(parsed);
}
