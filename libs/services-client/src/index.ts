export * from './services-client';
