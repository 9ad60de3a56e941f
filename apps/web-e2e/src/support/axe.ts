import { AxeBuilder } from '@axe-core/playwright';
import type { Result } from 'axe-core';
import type { Page } from 'playwright-core';

/** The success criteria BITV 2.0 asks for: WCAG 2.1, levels A and AA. */
export const WCAG_21_AA_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] as const;

/** Runs axe-core on the page as it is now (WCAG 2.1 A and AA) and returns its violations. */
export async function axeViolations(page: Page): Promise<Result[]> {
  const results = await new AxeBuilder({ page }).withTags([...WCAG_21_AA_TAGS]).analyze();
  // No rule passed at all: axe did not look at the page (e.g. it was still empty), so "no violations" would mean nothing.
  if (results.passes.length === 0) throw new Error(`axe-core checked nothing on ${page.url()}`);
  return results.violations;
}

/**
 * Fails with a readable list (rule, impact, help, and each offending element with axe's own summary of what to fix)
 * when axe-core finds violations of WCAG 2.1 A or AA on the page. `what` names the page in the message.
 */
export async function expectNoAxeViolations(page: Page, what: string): Promise<void> {
  const violations = await axeViolations(page);
  if (violations.length > 0) {
    throw new Error(`axe-core: ${violations.length} violation(s) on ${what} (${page.url()}):\n${describe(violations)}`);
  }
}

/** The violations as plain text, one rule after the other. */
export function describe(violations: readonly Result[]): string {
  return violations
    .map((violation) => {
      const nodes = violation.nodes
        .map((node) => `    - ${node.target.join(' ')}\n      ${node.failureSummary?.replace(/\n/g, '\n      ') ?? ''}`)
        .join('\n');
      return `  [${violation.impact ?? 'unknown'}] ${violation.id}: ${violation.help} (${violation.helpUrl})\n${nodes}`;
    })
    .join('\n');
}
