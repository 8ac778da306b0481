export * from './wait-for';
export * from './test-engines';
export * from './spawn-service';
export * from './kafka-offsets';
export { workspaceRoot } from './workspace-root';
export { describeServiceProcess } from './service-process.suite';
export * from './test-issuer';
export { numberArg } from './bench-args';
export { startServiceUnderTest, type Answer, type ServiceUnderTest } from './service-under-test';
