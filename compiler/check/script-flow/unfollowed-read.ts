// PLC4025 (info): some use of main's dictionaries cannot be followed statically (a computed key,
// the dictionary handed to code outside the script). Said once per script, at the first such
// place, because the rules that depend on those reads (PLC4020) are skipped for that dictionary.
import { entryPointRelated, type ScriptRule } from '../script-rule.js';

export const unfollowedRead: ScriptRule = {
  code: 'PLC4025',
  check(context) {
    const [first, ...rest] = [...context.flow.unfollowed].sort((a, b) => a.at.range.start.line - b.at.range.start.line || a.at.range.start.column - b.at.range.start.column);
    if (!first) return;
    const containers = [...new Set([first, ...rest].map((u) => u.container))].sort();
    const more = rest.length === 0 ? '' : ` (and ${rest.length} more place${rest.length === 1 ? '' : 's'})`;
    context.bag.report('PLC4025', first.at, { text: first.text.split('\n')[0]!.slice(0, 80), more, containers }, { related: entryPointRelated(context) });
  },
};
