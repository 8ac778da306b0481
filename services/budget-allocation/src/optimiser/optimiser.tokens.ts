export const OPTIMISER_POOL = Symbol('OPTIMISER_POOL');
