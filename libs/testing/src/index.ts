export * from './wait-for';
export * from './test-engines';
export * from './spawn-service';
export { workspaceRoot } from './workspace-root';
export { describeServiceProcess } from './service-process.suite';
