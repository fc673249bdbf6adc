// V8 tuned for a command that ends within a second or two (docs/performance.md, "The YAML reader and the tier-up budget";
// docs/decisions.md). In such a run V8's optimizing compiler, TurboFan, spends more CPU compiling
// hot functions on its background thread than the optimized code gives back before the process
// exits: a larger interrupt budget lets functions run longer in the interpreter and baseline code
// before they are considered for optimization, so only what stays hot gets optimized.
import { setFlagsFromString } from 'node:v8';

/**
 * About 7.4 times V8 11.3's default (67,584). Measured side by side (docs/performance.md): a
 * 500-node check 720 → 520 ms of CPU at the same wall time, 5,000 nodes 2.9 → 2.5 s at the same
 * wall time, the flagship unchanged; 1,000,000 saved little more and cost 5,000 nodes wall time.
 */
const interruptBudget = 500_000;

/**
 * Applies the budget on the engine it was measured on (Node.js 20's V8 11): another engine may
 * name the flag differently, and V8 prints an unknown flag on stderr. A budget given on Node's
 * command line (`node --interrupt-budget=… plc.js`; NODE_OPTIONS does not take V8 flags) wins.
 */
export function tuneForShortRun(): void {
  const given = process.execArgv.some((arg) => /^--interrupt[-_]budget=/.test(arg));
  if (!given && process.versions.v8.startsWith('11.')) setFlagsFromString(`--interrupt-budget=${interruptBudget}`);
}
