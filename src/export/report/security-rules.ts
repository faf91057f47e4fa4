// Containers that OpenShift's restricted-v2 SCC or Pod Security `restricted` reject: root, fixed UIDs, privileged,
// and the four securityContext fields `restricted` requires (promotion.md 1.6 "Security" and 3.9).
import type { KubeObject } from '../kube-object.js';
import { containersOf, podSpecOf, type Container } from '../rewrite/pod-spec.js';
import { isRecord } from '../rewrite/value-at.js';
import { profileOf } from '../targets/index.js';
import { containerFinding, type Rule } from './finding.js';

interface Gap {
  problem: string;
  fix: string;
}

/** A container whose effective runAsUser is 0: rejected by restricted-v2 and Pod Security restricted. */
export const runAsRoot: Rule = ({ object }) =>
  containers(object).flatMap((c) =>
    effective(object, c, 'runAsUser') === 0
      ? [
          containerFinding(
            'run-as-root',
            'error',
            c,
            'runs as root (runAsUser: 0)',
            'remove runAsUser: 0, set runAsNonRoot: true and use an image with a non-root USER',
          ),
        ]
      : [],
  );

/** Targets that assign UIDs per namespace (OpenShift): a fixed non-zero runAsUser falls outside the namespace's UID range (restricted-v2 MustRunAsRange). */
export const fixedUid: Rule = ({ object, target }) => {
  if (profileOf(target).namespaceUidRange !== true) return [];
  return containers(object).flatMap((c) => {
    const uid = effective(object, c, 'runAsUser');
    if (typeof uid !== 'number' || uid === 0) return [];
    const message = `runAsUser ${uid} is fixed; restricted-v2 only admits a UID from the namespace's allocated range`;
    return [
      containerFinding(
        'fixed-uid',
        'error',
        c,
        message,
        'remove runAsUser (OpenShift assigns one) and make writable paths group-writable for GID 0',
      ),
    ];
  });
};

/** A privileged container: rejected by every restricted policy and by GKE Autopilot. */
export const privileged: Rule = ({ object }) =>
  containers(object).flatMap((c) =>
    c.securityContext?.['privileged'] === true
      ? [containerFinding('privileged', 'error', c, 'runs privileged', 'drop privileged: true and add only the capabilities it needs')]
      : [],
  );

/** The securityContext fields Pod Security `restricted` requires, listed per container with what to set. */
export const podSecurityRestricted: Rule = ({ object }) =>
  containers(object).flatMap((c) => {
    const gaps = restrictedGaps(object, c);
    if (gaps.length === 0) return [];
    const message = `not admitted under Pod Security restricted: ${gaps.map((g) => g.problem).join('; ')}`;
    return [containerFinding('pod-security-restricted', 'warning', c, message, `set securityContext ${gaps.map((g) => g.fix).join(', ')}`)];
  });

function restrictedGaps(o: KubeObject, c: Container): Gap[] {
  const capabilities = isRecord(c.securityContext?.['capabilities']) ? c.securityContext['capabilities'] : {};
  const drop = Array.isArray(capabilities['drop']) ? capabilities['drop'] : [];
  const added = (Array.isArray(capabilities['add']) ? capabilities['add'] : []).filter((cap) => cap !== 'NET_BIND_SERVICE');
  const seccomp = effective(o, c, 'seccompProfile');
  const gaps: Array<Gap | false> = [
    effective(o, c, 'runAsNonRoot') !== true && { problem: 'runAsNonRoot is not true', fix: 'runAsNonRoot: true' },
    c.securityContext?.['allowPrivilegeEscalation'] !== false && {
      problem: 'allowPrivilegeEscalation is not false',
      fix: 'allowPrivilegeEscalation: false',
    },
    !drop.includes('ALL') && { problem: 'capabilities.drop lacks ALL', fix: 'capabilities.drop: [ALL]' },
    added.length > 0 && { problem: `adds capabilities ${added.join(', ')}`, fix: 'capabilities.add: only NET_BIND_SERVICE' },
    !(isRecord(seccomp) && ['RuntimeDefault', 'Localhost'].includes(String(seccomp['type']))) && {
      problem: 'seccompProfile is not RuntimeDefault',
      fix: 'seccompProfile.type: RuntimeDefault',
    },
  ];
  return gaps.filter((g): g is Gap => g !== false);
}

function containers(o: KubeObject): Container[] {
  return containersOf(o).map((c) => c.container);
}

// A container's setting, else the pod's (runAsUser, runAsNonRoot and seccompProfile exist at both levels).
function effective(o: KubeObject, c: Container, field: string): unknown {
  return c.securityContext?.[field] ?? podSpecOf(o)?.securityContext?.[field];
}

/** Targets whose admission refuses host access to users who are not admins (MKE's RBAC attributes, MKE 4's
 * mke4-ucpauthz): host namespaces and added capabilities (privileged and hostPath have rules of their own). */
export const hostAccessAdminOnly: Rule = ({ object, target }) => {
  if (profileOf(target).hostAccessAdminOnly !== true) return [];
  const spec = podSpecOf(object);
  if (spec === undefined) return [];
  const namespaces = ['hostNetwork', 'hostPID', 'hostIPC'].filter((k) => (spec as Record<string, unknown>)[k] === true);
  const pod = namespaces.map((k) => ({
    severity: 'warning' as const,
    rule: 'host-access-admin-only' as const,
    message: `uses ${k}: ${profileOf(target).title} admits that only from an admin user`,
    fix: `drop ${k}, or have an MKE admin deploy it (or grant the attribute to its service account)`,
  }));
  const caps = containers(object).flatMap((c) => {
    const add = (c.securityContext?.['capabilities'] as { add?: unknown } | undefined)?.add;
    return Array.isArray(add) && add.length > 0
      ? [
          containerFinding(
            'host-access-admin-only',
            'warning',
            c,
            `adds capabilities ${add.join(', ')}: ${profileOf(target).title} admits that only from an admin user`,
            'drop the capabilities it can do without, or have an MKE admin deploy it',
          ),
        ]
      : [];
  });
  return [...pod, ...caps];
};
