// The image cache `--image-cache` makes with nothing else said: Docker Hub mirrored as docker.io on 127.0.0.1:5050.
import type { ImageCacheSpec } from '../../../src/model/cluster-spec.js';

export const DOCKER_HUB_CACHE: ImageCacheSpec = {
  name: 'kindling-image-cache',
  image: 'registry:2',
  hostPort: 5050,
  listenAddress: '127.0.0.1',
  upstream: 'https://registry-1.docker.io',
  mirrorOf: 'docker.io',
};
