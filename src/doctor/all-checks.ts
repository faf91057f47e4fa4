// Every check `kindling doctor` runs, in the order the report lists them.
import type { DoctorCheck } from './check.js';
import { cgroupCheck } from './checks/cgroup.js';
import { diskCheck } from './checks/disk.js';
import { dockerEndpointCheck } from './checks/docker-endpoint.js';
import { dockerStorageCheck } from './checks/docker-storage.js';
import { engineBinaryCheck } from './checks/engine-binary.js';
import { inotifyCheck } from './checks/inotify.js';
import { memoryCheck } from './checks/memory.js';
import { networksCheck } from './checks/networks.js';
import { portsCheck } from './checks/ports.js';

/** The checks, Docker first, then the engines, then the host. */
export const DOCTOR_CHECKS: readonly DoctorCheck[] = [
  dockerEndpointCheck,
  dockerStorageCheck,
  cgroupCheck,
  engineBinaryCheck('kind'),
  engineBinaryCheck('k3d'),
  inotifyCheck,
  memoryCheck,
  diskCheck,
  networksCheck,
  portsCheck,
];
