// Started before the engine clients are required, as a service's instrumentation.ts is.
import { InMemorySpanExporter } from '@opentelemetry/sdk-trace-base';
import { startTelemetry } from '../lib/telemetry';

export const exporter = new InMemorySpanExporter();
export const telemetry = startTelemetry({ serviceName: 'traced-fixture', spanExporter: exporter });
