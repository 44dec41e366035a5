import {setFlagsFromString} from 'node:v8';

/**
 * V8's interrupt budget (bytecode executed between checks for optimisation) for the command's process:
 * about six times V8's default (67584 in Node 20). With the default, V8 optimises (TurboFan) many
 * lukewarm functions and re-optimises big ones after each deoptimisation: on the 200-edition batch
 * benchmark its compiler threads used ~4.4 CPU-s of ~12 with one worker, and every further worker thread
 * compiles its own copy, so `-j 2` had no core to spare. With this budget: ~1.8 CPU-s, the same output,
 * and the 840-page PDF read with no loss (4.8–5.0 s either way with one thread).
 */
export const JIT_BUDGET = 400_000;

/**
 * Raise V8's interrupt budget to {@link JIT_BUDGET} for this process and the worker threads it starts
 * later (V8 flags are per process), unless the user set `--interrupt-budget` themselves. Only for the
 * `guidance-diff` command: a program using guidance-diff as a library keeps its own V8 settings.
 *
 * @example
 * raiseJitBudget(); // before the first worker thread starts
 */
export function raiseJitBudget(): void {
  const given = [...process.execArgv, ...(process.env['NODE_OPTIONS'] ?? '').split(/\s+/)].some((arg) => /^--interrupt[-_]budget=/.test(arg));
  if (!given) setFlagsFromString(`--interrupt-budget=${JIT_BUDGET}`);
}
