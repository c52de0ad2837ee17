// The Polyaxon v2 agent, as recorded with a real polyaxon v2.5.2 agent (recorded-v2/README.md "Status flow observed"
// and "Deletion semantics"): at its next poll after a run is `queued` it creates the Operation CR and posts
// `scheduled / AgentController`; a deleted run that is not done yet is set to `stopped` by the API at the agent's next
// state call, without a condition (finished_at stays null). v1.11.3 has no agent step: the fake's Operator moves runs.
import { CONDITION_TEXT, isDone } from './lifecycle';
import type { RunRecord, Store } from './store';
import { modelTime } from './time';

export class Agent {
  private readonly polls = new Map<string, NodeJS.Timeout>();

  /** `pollMs`: how long after a change the agent acts (the real one polls every few seconds; 0.1–0.7 s were recorded). */
  constructor(
    private readonly store: Store,
    private readonly pollMs: number,
  ) {}

  /** Called after every status change and every delete. */
  react(rec: RunRecord): void {
    const uuid = rec.run.uuid;
    const deleted = rec.run.live_state === -1;
    if (rec.run.status !== 'queued' && !(deleted && !isDone(rec.run.status))) return;
    clearTimeout(this.polls.get(uuid));
    const timer = setTimeout(() => {
      this.polls.delete(uuid);
      if (this.store.runs.get(uuid) === rec) this.poll(rec);
    }, this.pollMs);
    timer.unref();
    this.polls.set(uuid, timer);
  }

  close(): void {
    for (const t of this.polls.values()) clearTimeout(t);
    this.polls.clear();
  }

  private poll(rec: RunRecord): void {
    if (rec.run.live_state === -1) {
      if (isDone(rec.run.status)) return;
      // A bulk update of the status field: no condition, no finished_at (run-get.jupyter.after-delete.agent-processed.json).
      rec.run.status = 'stopped';
      rec.run.updated_at = modelTime();
      return;
    }
    if (rec.run.status !== 'queued') return;
    const [reason, message] = CONDITION_TEXT.scheduled ?? ['', ''];
    // The agent's condition leaves updated_at as it was (run-get.vscode.scheduled.json: still the `queued` time).
    const updated = rec.run.updated_at;
    this.store.transition(rec, 'scheduled', reason, message);
    rec.run.updated_at = updated;
  }
}
