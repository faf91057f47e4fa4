// The out folder: per attendee `<label>/kubeconfig` (0600) and `<label>/README.md`, and `INDEX.md` for the
// trainer; folders 0700. Written atomically; `remove` takes away exactly these files and no others.
import { readFile, rm, rmdir } from 'node:fs/promises';
import { join } from 'node:path';
import { writeFileAtomic } from '../../runtime/atomic-write.js';
import { makeDirs } from '../../runtime/make-dirs.js';
import { attendeeReadme, INDEX_FILE, KUBECONFIG_FILE, README_FILE, workshopIndex } from '../../workshop/handouts.js';
import type { WorkshopMember } from '../../workshop/member.js';

/** Writes one attendee's folder from the kubeconfig kindling keeps; returns the kubeconfig's path. */
export async function writeAttendee(outDir: string, member: WorkshopMember, storedKubeconfig: string): Promise<string> {
  const dir = join(outDir, member.label);
  await makeDirs(dir, 0o700);
  const path = join(dir, KUBECONFIG_FILE);
  await writeFileAtomic(path, await readFile(storedKubeconfig, 'utf8'), 0o600);
  await writeFileAtomic(join(dir, README_FILE), attendeeReadme(member), 0o600);
  return path;
}

/** Writes the index of every member made; returns its path. */
export async function writeIndex(outDir: string, workshop: string, members: readonly WorkshopMember[]): Promise<string> {
  await makeDirs(outDir, 0o700);
  const path = join(outDir, INDEX_FILE);
  await writeFileAtomic(path, workshopIndex(workshop, members), 0o600);
  return path;
}

/** Removes what writeAttendee and writeIndex wrote, and each folder left empty; never anything else. */
export async function removeHandouts(outDir: string, labels: readonly string[]): Promise<void> {
  for (const label of labels) {
    const dir = join(outDir, label);
    await rm(join(dir, KUBECONFIG_FILE), { force: true });
    await rm(join(dir, README_FILE), { force: true });
    await rmdir(dir).catch(() => undefined);
  }
  await rm(join(outDir, INDEX_FILE), { force: true });
  await rmdir(outDir).catch(() => undefined);
}
