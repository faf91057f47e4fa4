export default async function globalTeardown() {
  // Releases the lease; the last one deletes the cluster (it was made without keep: true).
  await globalThis.kindlingCluster?.down();
}
