// Claims whose StorageClass the target lacks: they stay Pending (promotion.md 2.1 and 3.4).
import { claimClass, claimsOf } from '../rewrite/claims.js';
import { DEV_STORAGE_CLASSES, storageMappingFor } from '../rewrite/storage-classes.js';
import { profileOf } from '../targets/index.js';
import type { Rule } from './finding.js';

const PICK_CLASS = "promote again with --storage-class CLASS (or set the claim's storageClassName) naming a class the target has";

/** A claim still naming a dev class: the target had no mapping and the user named no class. */
export const storageClassUnmapped: Rule = ({ object, target, options }) =>
  claimsOf(object).flatMap((claim) => {
    const name = claimClass(claim);
    if (name === undefined || !DEV_STORAGE_CLASSES.includes(name) || name === options.storageClass) return [];
    const mapping = profileOf(target).storage.mapping;
    const why = mapping.action === 'none' ? mapping.reason : 'the target has no class of that name';
    return [
      {
        severity: 'error',
        rule: 'storage-class-unmapped',
        message: `${claim.label} asks for dev StorageClass ${name}; ${why}`,
        fix: PICK_CLASS,
      },
    ];
  });

/** A claim naming no class on a target that marks no default class. */
export const storageClassNoDefault: Rule = ({ object, target }) => {
  if (profileOf(target).storage.hasDefaultClass) return [];
  return claimsOf(object)
    .filter((claim) => claimClass(claim) === undefined)
    .map((claim) => ({
      severity: 'warning',
      rule: 'storage-class-no-default',
      message: `${claim.label} names no StorageClass and the target may have no default class, so it can stay Pending`,
      fix: PICK_CLASS,
    }));
};

/** A dev class mapped by the table to a class with a caveat the user should check. */
export const storageClassCheck: Rule = ({ object, original, target, options }) => {
  const mapping = storageMappingFor(target, options.storageClass);
  if (original === undefined || !('caveat' in mapping) || mapping.caveat === undefined) return [];
  const caveat = mapping.caveat;
  const current = new Set(claimsOf(object).map((c) => c.pointer));
  return claimsOf(original)
    .filter((claim) => current.has(claim.pointer) && DEV_STORAGE_CLASSES.includes(claimClass(claim) ?? ''))
    .map((claim) => ({
      severity: 'info',
      rule: 'storage-class-check',
      message: `${claim.label}: dev StorageClass ${claimClass(claim) ?? ''} replaced; ${caveat}`,
      fix: 'check that class on the target, or promote again with --storage-class naming another',
    }));
};
