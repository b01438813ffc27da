/** The axe-core audit every accessibility test uses: the player (host and open shadow root) with the page around it. */
import axe from 'axe-core';
import type { ListenPlayer } from './player.js';

/** One line per failing node: rule, impact, what it asks for, where (a path through shadow roots), and why. */
function describeViolations(violations: axe.Result[]): string[] {
  return violations.flatMap((violation) =>
    violation.nodes.map(
      (node) =>
        `${violation.id} (${violation.impact ?? 'no impact'}): ${violation.help}\n` +
        `  at ${JSON.stringify(node.target)}\n  ${node.failureSummary?.replace(/\n/g, '\n  ') ?? ''}`,
    ),
  );
}

/**
 * Audits the `<main>` holding `player` (its controls, its shadow root, the article and what it highlights) once the
 * player has rendered; returns the violations readably, so a failure says what to fix.
 */
export async function audit(player: ListenPlayer): Promise<string[]> {
  await player.updateComplete;
  const main = player.closest('main');
  if (!main) throw new Error('The player is not in <main>.');
  const results = await axe.run(main, { resultTypes: ['violations'] });
  return describeViolations(results.violations);
}
