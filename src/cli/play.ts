// `evoke play FILE`: the fastest way to try a draft, in the terminal. Practice mode: after each
// choice the code, its category, the author's feedback and what changed in the client.
import { CATEGORY_INFO, CODE_INFO, categoryOf } from '../core/coding/codes.ts';
import { placeOf } from '../core/engine/rules.ts';
import { startSession } from '../core/engine/session.ts';
import type { Scenario } from '../core/scenario/types.ts';

export async function playInTerminal(scenario: Scenario, lines: AsyncIterator<string>, out: (t: string) => void): Promise<number> {
  const actor = startSession(scenario, 'practice');
  out(`${scenario.title}\n${scenario.client.name}, ${scenario.client.age}. ${scenario.client.situation}\n(type a number to answer, q to quit)\n`);
  for (;;) {
    const snap = actor.getSnapshot();
    const place = placeOf(scenario, snap.context.at);
    if (snap.status === 'done' && place.kind === 'ending') {
      const e = place.ending;
      if (e.client) out(`${scenario.client.name}: ${e.client.say}`);
      out(`\n== ${e.title} (${e.outcome.replace('_', ' ')}) ==\n${e.debrief}`);
      for (const l of e.learning) out(`  - ${l}`);
      return 0;
    }
    if (place.kind !== 'node') return 1;
    const line = snap.context.line;
    out(`${scenario.client.name}${line.cue ? ` (${line.cue})` : ''}: ${line.say}`);
    place.node.responses.forEach((r, i) => out(`  ${i + 1}. ${r.say}`));
    let chosen: number | null = null;
    while (chosen === null) {
      const next = await lines.next();
      if (next.done || next.value.trim().toLowerCase() === 'q') {
        out('Left the conversation.');
        return 0;
      }
      const n = Number(next.value.trim());
      if (Number.isInteger(n) && n >= 1 && n <= place.node.responses.length) chosen = n;
      else out(`  Type a number from 1 to ${place.node.responses.length}, or q to quit.`);
    }
    const response = place.node.responses[chosen - 1]!;
    actor.send({ type: 'CHOOSE', response: response.id });
    const turn = actor.getSnapshot().context.turns.at(-1)!;
    out(`  -> ${response.codes.map((c) => CODE_INFO[c].name).join(' + ')}: ${CATEGORY_INFO[categoryOf(response.codes)].label}`);
    out(`     ${response.feedback.trim()}`);
    const changes = scenario.meters.filter((m) => turn.metersBefore[m.id] !== turn.metersAfter[m.id]).map((m) => `${m.label} ${turn.metersBefore[m.id]} -> ${turn.metersAfter[m.id]}`);
    if (changes.length) out(`     (${changes.join('; ')})`);
    if (turn.reply) out(`${scenario.client.name}: ${turn.reply.say}`);
    out('');
    actor.send({ type: 'CONTINUE' });
  }
}
