/**
 * The V8 flag kh sets for its whole process as it starts. V8 first runs a regular expression in its
 * bytecode interpreter and compiles it to machine code on a later run; kh's patterns (agency names,
 * dates, labels) are long and read whole documents, and a command's threads start cold, so they are
 * compiled on their first run. It changes how fast a pattern runs, never what it matches. Measured:
 * `kh diff` of the two seeds 1.39 s -> 1.10 s (median of ten runs).
 *
 * Not `--no-regexp-tier-up`, which does the same when given to node: set in a running process, it
 * crashes it (SIGSEGV) at the next run of any pattern that had run exactly once, on any thread: V8
 * then takes that pattern's bytecode for machine code. Under tsx, whose loader thread runs patterns,
 * that killed kh in CI. A count of zero leaves every pattern's state as V8 expects it
 * (tests/v8-flags.test.ts runs both).
 */
export const REGEXP_FLAG = '--regexp-tier-up-ticks=0'
