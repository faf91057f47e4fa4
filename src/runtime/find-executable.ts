// Where a program would be found: a name is looked up on PATH (as a shell does), a path is taken relative to
// the working folder. Reads only the PATH and folder it is given, never process.env.
import { access, constants, stat } from 'node:fs/promises';
import { delimiter, isAbsolute, join, resolve } from 'node:path';

async function isExecutableFile(file: string): Promise<boolean> {
  try {
    await access(file, constants.X_OK);
    return (await stat(file)).isFile();
  } catch {
    return false;
  }
}

/** The absolute path `binary` runs from, or undefined when there is no executable file there or on PATH. */
export async function findExecutable(binary: string, path: string | undefined, cwd: string): Promise<string | undefined> {
  if (binary.includes('/') || binary.includes('\\')) {
    const file = isAbsolute(binary) ? binary : resolve(cwd, binary);
    return (await isExecutableFile(file)) ? file : undefined;
  }
  for (const dir of (path ?? '').split(delimiter).filter(Boolean)) {
    const file = resolve(cwd, join(dir, binary));
    if (await isExecutableFile(file)) return file;
  }
  return undefined;
}
