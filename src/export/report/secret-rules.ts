// Secrets are left out of a bundle unless the user includes them; then they are written 0600 and flagged (issue 5).
import type { Rule } from './finding.js';

/** Every Secret in the bundle: its data sits in plain files. */
export const secretIncluded: Rule = ({ object }) =>
  object.kind === 'Secret' && object.apiVersion === 'v1'
    ? [
        {
          severity: 'warning',
          rule: 'secret-included',
          message: 'the bundle contains this Secret (written 0600)',
          fix: 'keep the bundle out of version control, or recreate the Secret on the target from a secret manager',
        },
      ]
    : [];
