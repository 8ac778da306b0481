export * from './wait-for';
export * from './engines';
export * from './spawn-ts';
