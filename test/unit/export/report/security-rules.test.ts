import { describe, expect, it } from 'vitest';
import {
  fixedUid,
  hostAccessAdminOnly,
  podSecurityRestricted,
  privileged,
  runAsRoot,
} from '../../../../src/export/report/security-rules.js';
import { deployment } from '../rewrite/fixtures.js';
import { ruleContext } from './rule-context.js';

const restricted = {
  runAsNonRoot: true,
  allowPrivilegeEscalation: false,
  capabilities: { drop: ['ALL'] },
  seccompProfile: { type: 'RuntimeDefault' },
};

describe('runAsRoot', () => {
  it('the container setting wins over the pod setting', () => {
    const o = deployment(
      'web',
      [
        { name: 'inherits-root', image: 'a:1' },
        { name: 'overrides', image: 'a:1', securityContext: { runAsUser: 1000 } },
      ],
      { securityContext: { runAsUser: 0 } },
    );
    expect(runAsRoot(ruleContext(o))).toEqual([
      {
        severity: 'error',
        rule: 'run-as-root',
        container: 'inherits-root',
        message: 'runs as root (runAsUser: 0)',
        fix: 'remove runAsUser: 0, set runAsNonRoot: true and use an image with a non-root USER',
      },
    ]);
  });
});

describe('fixedUid', () => {
  const o = deployment('web', [{ name: 'web', image: 'a:1', securityContext: { runAsUser: 1000 } }]);

  it('an error on OpenShift (MustRunAsRange)', () => {
    expect(fixedUid(ruleContext(o, { target: 'openshift' }))).toEqual([
      {
        severity: 'error',
        rule: 'fixed-uid',
        container: 'web',
        message: "runAsUser 1000 is fixed; restricted-v2 only admits a UID from the namespace's allocated range",
        fix: 'remove runAsUser (OpenShift assigns one) and make writable paths group-writable for GID 0',
      },
    ]);
  });

  it('fine elsewhere', () => {
    expect(fixedUid(ruleContext(o, { target: 'eks' }))).toEqual([]);
  });
});

describe('privileged', () => {
  it('flags privileged containers only', () => {
    const o = deployment('web', [
      { name: 'p', image: 'a:1', securityContext: { privileged: true } },
      { name: 'q', image: 'a:1', securityContext: { privileged: false } },
    ]);
    expect(privileged(ruleContext(o))).toEqual([
      {
        severity: 'error',
        rule: 'privileged',
        container: 'p',
        message: 'runs privileged',
        fix: 'drop privileged: true and add only the capabilities it needs',
      },
    ]);
  });
});

describe('podSecurityRestricted', () => {
  it('lists every gap with what to set', () => {
    const o = deployment('web', [
      { name: 'web', image: 'a:1', securityContext: { capabilities: { add: ['NET_ADMIN', 'NET_BIND_SERVICE'] } } },
    ]);
    expect(podSecurityRestricted(ruleContext(o))).toEqual([
      {
        severity: 'warning',
        rule: 'pod-security-restricted',
        container: 'web',
        message:
          'not admitted under Pod Security restricted: runAsNonRoot is not true; allowPrivilegeEscalation is not false; capabilities.drop lacks ALL; adds capabilities NET_ADMIN; seccompProfile is not RuntimeDefault',
        fix: 'set securityContext runAsNonRoot: true, allowPrivilegeEscalation: false, capabilities.drop: [ALL], capabilities.add: only NET_BIND_SERVICE, seccompProfile.type: RuntimeDefault',
      },
    ]);
  });

  it('accepts a compliant container, with runAsNonRoot and seccomp from the pod', () => {
    const { runAsNonRoot, seccompProfile, ...containerLevel } = restricted;
    const o = deployment('web', [{ name: 'web', image: 'a:1', securityContext: containerLevel }], {
      securityContext: { runAsNonRoot, seccompProfile },
    });
    expect(podSecurityRestricted(ruleContext(o))).toEqual([]);
    expect(podSecurityRestricted(ruleContext(deployment('web', [{ name: 'web', image: 'a:1', securityContext: restricted }])))).toEqual([]);
  });
});

describe('hostAccessAdminOnly', () => {
  const o = deployment('agent', [{ name: 'agent', image: 'a:1', securityContext: { capabilities: { add: ['NET_ADMIN'] } } }], {
    hostNetwork: true,
  });

  it('a warning on MKE, whose admission admits host access only from admins', () => {
    expect(hostAccessAdminOnly(ruleContext(o, { target: 'mke' }))).toEqual([
      {
        severity: 'warning',
        rule: 'host-access-admin-only',
        message: 'uses hostNetwork: MKE admits that only from an admin user',
        fix: 'drop hostNetwork, or have an MKE admin deploy it (or grant the attribute to its service account)',
      },
      {
        severity: 'warning',
        rule: 'host-access-admin-only',
        container: 'agent',
        message: 'adds capabilities NET_ADMIN: MKE admits that only from an admin user',
        fix: 'drop the capabilities it can do without, or have an MKE admin deploy it',
      },
    ]);
  });

  it('nothing elsewhere', () => {
    expect(hostAccessAdminOnly(ruleContext(o, { target: 'eks' }))).toEqual([]);
  });
});
