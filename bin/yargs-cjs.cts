// yargs' CommonJS build, as a module of its own: its ES module build wraps --help text with
// cliui's stand-in for wrap-ansi, which breaks lines in the middle of words. Being required, not
// loaded through createRequire, it is bundled with the CLI (scripts/bundle/bundle-cli.mjs).
// 'yargs/yargs' is the factory alone: 'yargs' also builds a singleton parser on loading. A named
// export, since bin/run-cli.ts imports it dynamically.
import yargs = require('yargs/yargs');

export { yargs };
