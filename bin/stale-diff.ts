// The short diff `plc build --check` prints for a stale output: the one region where the committed
// file and the fresh build differ (common lines trimmed from both ends), capped so a wholesale
// change stays readable. Linear in the file size; the full picture is one `plc build` away.
const maxLines = 8;

export function shortDiff(path: string, committed: string | undefined, fresh: string): string {
  if (committed === undefined) return `${path}: missing (plc build would write it)\n`;
  const before = committed.split('\n');
  const after = fresh.split('\n');
  let start = 0;
  while (start < before.length && start < after.length && before[start] === after[start]) start += 1;
  let end = 0;
  while (end < before.length - start && end < after.length - start && before[before.length - 1 - end] === after[after.length - 1 - end]) end += 1;
  const side = (lines: string[], sign: string): string[] => {
    const changed = lines.slice(start, lines.length - end);
    const shown = changed.slice(0, maxLines).map((line) => `${sign} ${line}`);
    return changed.length > maxLines ? [...shown, `${sign} … ${changed.length - maxLines} more line(s)`] : shown;
  };
  return [`--- ${path} (committed)`, `+++ ${path} (fresh build)`, `@@ line ${start + 1} @@`, ...side(before, '-'), ...side(after, '+')].join('\n') + '\n';
}
