/** The contract version on its own, so code that only stamps or compares it (the cache) need not load zod. */
export const SCHEMA_VERSION = '1' as const
