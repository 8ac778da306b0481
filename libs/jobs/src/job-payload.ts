export interface JobMeta {
  /** W3C trace context and correlation id of the work that scheduled the job. */
  readonly carrier: Record<string, string>;
}

/** What is stored in Redis: the job's data beside the library's `_meta`. */
export type JobPayload = Record<string, unknown> & { readonly _meta?: JobMeta };
