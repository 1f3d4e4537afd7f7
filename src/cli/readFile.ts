/**
 * Reads a scenario file for the CLI, with limits: a scenario is a few hundred bytes of JSON, so a
 * path that is not a regular file (a directory, a device such as /dev/zero, a pipe) or a file over
 * MAX_SCENARIO_FILE_BYTES is refused with a one-line reason instead of being read without bound
 * (reading /dev/zero took 3.2 GB in 9 s before). The checks are made on the opened file, so the
 * file cannot be swapped between the check and the read, and the read itself stops one byte past
 * the limit.
 */
import { closeSync, fstatSync, openSync, readSync } from 'node:fs';

/** Largest scenario file read, bytes (1 MiB: several thousand times a real scenario). */
export const MAX_SCENARIO_FILE_BYTES = 1024 * 1024;

export function readScenarioFile(path: string, maxBytes = MAX_SCENARIO_FILE_BYTES): string {
  const fd = openSync(path, 'r');
  try {
    const stat = fstatSync(fd);
    if (!stat.isFile()) throw new Error('it is not a regular file');
    if (stat.size > maxBytes) {
      throw new Error(`it is ${stat.size} bytes; scenario files may be at most ${maxBytes} bytes`);
    }
    const buffer = Buffer.alloc(maxBytes + 1);
    let length = 0;
    for (;;) {
      const n = readSync(fd, buffer, length, buffer.length - length, null);
      if (n === 0) break;
      length += n;
      if (length > maxBytes) {
        throw new Error(`it holds more than ${maxBytes} bytes; scenario files may be at most that`);
      }
    }
    return new TextDecoder('utf-8', { fatal: false }).decode(buffer.subarray(0, length));
  } finally {
    closeSync(fd);
  }
}
