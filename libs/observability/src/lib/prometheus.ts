import { PrometheusExporter, PrometheusSerializer } from '@opentelemetry/exporter-prometheus';

/** The text exposition format, version 0.0.4: what Prometheus 2 and 3 parse without a fallback. */
export const PROMETHEUS_CONTENT_TYPE = 'text/plain; version=0.0.4; charset=utf-8';

/** How long one scrape may spend in metric callbacks (theirs wait for engines at most ~2 s). */
const COLLECT_TIMEOUT_MS = 5_000;

/**
 * The Prometheus reader of the process: no server of its own (the service answers GET /metrics
 * on its HTTP port, behind METRICS_TOKEN, ADR 0017); metrics are collected when scraped.
 */
export class PrometheusScrape {
  readonly reader = new PrometheusExporter({ preventServerStart: true });
  // No timestamps: Prometheus stamps each sample with the scrape's time.
  private readonly serializer = new PrometheusSerializer('', false);

  /**
   * Every metric of the process in the text format (names: dots to underscores, counters get
   * _total), and what failed to be collected (the rest is still there).
   */
  async scrape(): Promise<{ text: string; errors: unknown[] }> {
    const { resourceMetrics, errors } = await this.reader.collect({ timeoutMillis: COLLECT_TIMEOUT_MS });
    return { text: this.serializer.serialize(resourceMetrics), errors };
  }
}
