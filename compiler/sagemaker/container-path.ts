// Container paths are compared in normal form: a port at `/opt/ml/processing/../../../etc` is at
// /etc, and `/opt/ml/processing/input/data/../code` is plc's own code input, whatever the text says.
import { posix } from 'node:path';

/** `.` and `..` segments resolved, repeated and trailing slashes dropped: `/opt/ml/model/` is `/opt/ml/model`. */
export function normalizeContainerPath(path: string): string {
  return posix.normalize(path).replace(/(.)\/+$/, '$1');
}
