/**
 * A page's own strings, Chinese first: each page keeps its strings beside the others' without
 * touching the shared table. Keys are prefixed with the page's name to keep them apart.
 */
export interface PageStrings {
  zh: Record<string, string>;
  en: Record<string, string>;
}
