// The part of picomatch plc uses. @types/picomatch is not installed; picomatch ships no types.
// `picomatch/posix.js` matches with forward slashes on every platform.
declare module 'picomatch/posix.js' {
  interface PicomatchOptions {
    /** Let wildcards match names that start with a dot. */
    dot?: boolean;
  }
  function picomatch(glob: string | readonly string[], options?: PicomatchOptions): (path: string) => boolean;
  export default picomatch;
}
