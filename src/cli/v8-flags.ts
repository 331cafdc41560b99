/**
 * Whether kh may change a V8 flag as it starts. A flag changed while another thread runs JavaScript can
 * crash the process: V8 reads it in the middle of that thread's work (seen here: SIGSEGV in the
 * regular-expression interpreter of a thread that was matching as the main thread set
 * --no-regexp-tier-up, about one start in fifty). Started as its own program, kh has no other
 * JavaScript thread yet. A module loader given to Node (--import, --loader: tsx, which the tests spawn
 * kh through) runs its hooks on a thread of its own, so there the flags stay as they are; only speed
 * differs, never a result.
 */
const LOADER_OPTION = /^--(?:import|loader|experimental-loader)(?:=|$)/

/** True unless Node was given a module loader, in its arguments or in NODE_OPTIONS. */
export function mayChangeV8Flags(execArgv: readonly string[], nodeOptions = ''): boolean {
  return ![...execArgv, ...nodeOptions.split(/\s+/)].some((arg) => LOADER_OPTION.test(arg))
}
