// The cgroup version Docker runs containers under. Kubernetes v1.35 and later refuse to start their kubelet on
// cgroup v1 (KEP-5573, failCgroupV1 on by default; kind v0.31.0's release notes), and so do the k3s releases of
// those versions: on cgroup v1 a preset at such a version cannot come up.
import type { Preset } from '../../presets/schema.js';
import { fail, ok, warn, type DoctorCheck } from '../check.js';

/** The first Kubernetes minor whose kubelet refuses cgroup v1 by default. */
const REFUSES_V1 = [1, 35] as const;

/** True for v1.35.0 and later. */
export function refusesCgroupV1(version: string): boolean {
  const [major = 0, minor = 0] = version.replace(/^v/, '').split('.').map(Number);
  return major > REFUSES_V1[0] || (major === REFUSES_V1[0] && minor >= REFUSES_V1[1]);
}

const FIX =
  'boot the host with cgroup v2: add systemd.unified_cgroup_hierarchy=1 to the kernel command line (GRUB_CMDLINE_LINUX in /etc/default/grub, then update-grub) and reboot; on WSL2 add kernelCommandLine = cgroup_no_v1=all under [wsl2] in %UserProfile%\\.wslconfig';

/** The cgroup check. */
export const cgroupCheck: DoctorCheck = {
  id: 'cgroup',
  title: 'cgroup version',
  blocking: true,
  async run(d) {
    const { cgroupVersion } = await d.info();
    if (cgroupVersion === '2') return ok('cgroup v2');
    if (cgroupVersion !== '1') return warn('Docker did not say which cgroup version it uses', `check with \`docker info\`; ${FIX}`);
    const affected = d.presets.filter((p: Preset) => refusesCgroupV1(p.kubernetesVersion));
    if (affected.length === 0) return warn('cgroup v1: deprecated by Kubernetes; no preset here needs v2 yet', FIX);
    const names = affected.map((p) => `${p.name} ${p.kubernetesVersion}`).join(', ');
    return fail(`cgroup v1: the kubelet of Kubernetes v1.35+ refuses to start on it (${names})`, FIX);
  },
};
