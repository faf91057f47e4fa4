// Memory available to new processes now (MemAvailable). A cluster takes roughly 0.6 to 1 GiB; below 2 GiB the
// next one is likely to be slow or killed, but `up` itself does not refuse, so this only warns.
import { formatBytes, GiB } from '../bytes.js';
import { ok, warn, type DoctorCheck } from '../check.js';

/** Below this much available memory, doctor warns. */
export const LOW_MEMORY = 2 * GiB;

/** The free memory check. */
export const memoryCheck: DoctorCheck = {
  id: 'memory',
  title: 'free memory',
  blocking: false,
  async run(d) {
    const { available, total } = await d.host.memory();
    const detail = `${formatBytes(available)} available of ${formatBytes(total)}`;
    if (available >= LOW_MEMORY) return ok(detail);
    return warn(
      `${detail}: a new cluster needs about 1 GiB`,
      'stop clusters you do not use right now (`kindling stop NAME`), delete those you no longer need (`kindling down NAME`), or close other programs',
    );
  },
};
