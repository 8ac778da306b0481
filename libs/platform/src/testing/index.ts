// Helpers for integration tests that run services as child processes.
export {
  spawnService,
  type ExitStatus,
  type PollOptions,
  type SpawnServiceOptions,
  type SpawnedService,
} from './spawn-service';
export {
  dropTestDatabase,
  freePort,
  testEngineConfig,
  testEngines,
  uniqueDatabaseName,
  type TestEngines,
} from './test-engines';
export { workspaceRoot } from './workspace-root';
