// How long plc waits for AWS. Without a bound, an endpoint that accepts a connection and never
// answers would leave deploy, diff, run or status silent forever. No SDK import here: the CLI's
// option parsing reads these without loading the SDK.

/** Seconds one AWS call may take, its retries included, unless `--timeout` says otherwise. */
export const defaultTimeoutSeconds = 60;

/** Seconds to wait for a TCP connection on each attempt; an unreachable host is retried sooner. */
export const connectTimeoutSeconds = 10;
