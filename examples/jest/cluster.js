// The cluster the whole run shares: the same options wherever it is asked for, so `up({ reuse: true })` finds it.
export const clusterOptions = {
  reuse: true,
  name: process.env.EXAMPLE_CLUSTER ?? 'example-jest',
  preset: process.env.KINDLING_PRESET ?? 'k3d',
  // CI points these at its own node images; leave them out to use the preset's.
  ...(process.env.KINDLING_IMAGE ? { image: process.env.KINDLING_IMAGE } : {}),
};
