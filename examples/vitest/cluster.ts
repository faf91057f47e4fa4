// The cluster every test file shares: the same options everywhere, so `up({ reuse: true })` finds the same one.
import type { UpOptions } from 'kindling';

export const clusterOptions: UpOptions = {
  reuse: true,
  name: process.env.EXAMPLE_CLUSTER ?? 'example-vitest',
  preset: process.env.KINDLING_PRESET ?? 'k3d',
  // CI points these at its own node images; leave them out to use the preset's.
  ...(process.env.KINDLING_IMAGE ? { image: process.env.KINDLING_IMAGE } : {}),
};
