import { describe, expect, it } from 'vitest';
import {
  gkeIngressClassName,
  ingressControllerOff,
  ingressDevAnnotations,
  ingressUnsupported,
  publicIngress,
} from '../../../../src/export/report/ingress-rules.js';
import { ingress } from '../rewrite/fixtures.js';
import { ruleContext } from './rule-context.js';

describe('ingressUnsupported', () => {
  it('a warning for a dev-controller Ingress where the target has no controller', () => {
    expect(ingressUnsupported(ruleContext(ingress({ ingressClassName: 'nginx' }), { target: 'kubeadm' }))).toEqual([
      {
        severity: 'warning',
        rule: 'ingress-unsupported',
        message: "ingress class nginx is the dev controller's; kubeadm installs no ingress controller",
        fix: 'install an ingress controller on the target and set spec.ingressClassName to its class',
      },
    ]);
    expect(ingressUnsupported(ruleContext(ingress(), { target: 'capi' }))[0]?.message).toMatch(
      /^ingress class \(none\) is the dev controller's; /,
    );
  });

  it('nothing for other classes or targets with a controller', () => {
    expect(ingressUnsupported(ruleContext(ingress({ ingressClassName: 'contour' }), { target: 'tanzu' }))).toEqual([]);
    expect(ingressUnsupported(ruleContext(ingress({ ingressClassName: 'nginx' }), { target: 'aks' }))).toEqual([]);
  });
});

describe('ingressDevAnnotations', () => {
  const o = ingress(
    {},
    { 'nginx.ingress.kubernetes.io/rewrite-target': '/', 'traefik.ingress.kubernetes.io/router.tls': 'true', team: 'a' },
  );

  it('lists annotations the target controller ignores', () => {
    expect(ingressDevAnnotations(ruleContext(o, { target: 'eks' }))).toEqual([
      {
        severity: 'warning',
        rule: 'ingress-dev-annotations',
        message:
          "annotations nginx.ingress.kubernetes.io/rewrite-target, traefik.ingress.kubernetes.io/router.tls do nothing for the target's ingress controller",
        fix: "translate them to the target controller's settings, then remove them",
      },
    ]);
  });

  it('keeps quiet about what the target controller honours (AKS nginx, RKE2 traefik)', () => {
    expect(ingressDevAnnotations(ruleContext(o, { target: 'aks' }))[0]?.message).toMatch(
      /^annotation traefik\.ingress\.kubernetes\.io\/router\.tls does/,
    );
    expect(ingressDevAnnotations(ruleContext(o, { target: 'rke2' }))[0]?.message).toMatch(
      /^annotation nginx\.ingress\.kubernetes\.io\/rewrite-target does/,
    );
    expect(ingressDevAnnotations(ruleContext(o, { target: 'kubeadm' }))).toEqual([]);
  });
});

describe('gkeIngressClassName', () => {
  it('a warning on GKE for any ingressClassName left', () => {
    expect(gkeIngressClassName(ruleContext(ingress({ ingressClassName: 'webapprouting.kubernetes.azure.com' })))).toEqual([
      {
        severity: 'warning',
        rule: 'gke-ingress-class-name',
        message: "spec.ingressClassName webapprouting.kubernetes.azure.com cannot select GKE's built-in Ingress controller",
        fix: 'unless you run that controller, remove spec.ingressClassName and annotate kubernetes.io/ingress.class: gce (or gce-internal)',
      },
    ]);
  });

  it('nothing with the annotation, or on other targets', () => {
    expect(gkeIngressClassName(ruleContext(ingress({}, { 'kubernetes.io/ingress.class': 'gce' })))).toEqual([]);
    expect(gkeIngressClassName(ruleContext(ingress({ ingressClassName: 'alb' }), { target: 'eks' }))).toEqual([]);
  });
});

describe('publicIngress', () => {
  const original = ingress({ ingressClassName: 'nginx' });

  it('info when a dev Ingress became a public GKE or ALB load balancer', () => {
    const final = ingress({}, { 'kubernetes.io/ingress.class': 'gce' });
    expect(publicIngress(ruleContext(final, { original }))).toEqual([
      {
        severity: 'info',
        rule: 'public-exposure',
        message: 'gets an internet-facing load balancer',
        fix: 'promote again with --internal-load-balancers to keep it private',
      },
    ]);
  });

  it('nothing when internal, on targets without the choice, or for Ingresses that were not the dev controller’s', () => {
    expect(publicIngress(ruleContext(ingress({}, { 'kubernetes.io/ingress.class': 'gce-internal' }), { original }))).toEqual([]);
    expect(publicIngress(ruleContext(original, { target: 'aks' }))).toEqual([]);
    const alb = ingress({ ingressClassName: 'alb' });
    expect(publicIngress(ruleContext(alb, { target: 'eks' }))).toEqual([]);
  });
});

describe('ingressControllerOff', () => {
  it('on MKE, an Ingress is served once an admin turns the controller on: said once per Ingress', () => {
    expect(ingressControllerOff(ruleContext(ingress({ ingressClassName: 'nginx-default' }), { target: 'mke' }))).toEqual([
      {
        severity: 'info',
        rule: 'ingress-controller-off',
        message:
          "class nginx-default is served only once an MKE admin enables the ingress controller (MKE 3: cluster_config.ingress_controller in MKE's configuration)",
        fix: 'have an admin turn the ingress controller on before applying the bundle',
      },
    ]);
    expect(ingressControllerOff(ruleContext(ingress(), { target: 'rke2' }))).toEqual([]);
  });
});
