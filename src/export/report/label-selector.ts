// Kubernetes label selectors (matchLabels and matchExpressions), to find the PodDisruptionBudgets that cover a workload.
import { isRecord } from '../rewrite/value-at.js';

/** Whether `selector` selects pods with `labels`; an absent selector selects nothing, an empty one everything. */
export function selectorMatches(selector: unknown, labels: Readonly<Record<string, string>>): boolean {
  if (!isRecord(selector)) return false;
  const matchLabels = isRecord(selector['matchLabels']) ? selector['matchLabels'] : {};
  const expressions = Array.isArray(selector['matchExpressions']) ? selector['matchExpressions'] : [];
  return (
    Object.entries(matchLabels).every(([key, value]) => labels[key] === value) && expressions.every((e) => expressionMatches(e, labels))
  );
}

function expressionMatches(expression: unknown, labels: Readonly<Record<string, string>>): boolean {
  if (!isRecord(expression) || typeof expression['key'] !== 'string') return false;
  const value = labels[expression['key']];
  const values = Array.isArray(expression['values']) ? expression['values'] : [];
  switch (expression['operator']) {
    case 'In':
      return value !== undefined && values.includes(value);
    case 'NotIn':
      return value === undefined || !values.includes(value);
    case 'Exists':
      return value !== undefined;
    case 'DoesNotExist':
      return value === undefined;
    default:
      return false;
  }
}
