/** Tells the open pages that a session changed (its runs, scenarios, prompts or judgements), so they redraw. */
import { EventEmitter } from 'node:events';

export class CampEvents {
  private readonly emitter = new EventEmitter();

  constructor() {
    // One listener per open page; a camp has a few dozen at most.
    this.emitter.setMaxListeners(0);
  }

  changed(sessionId: string): void {
    this.emitter.emit('changed', sessionId);
  }

  /** Calls listener with the id of every session that changes; returns the unsubscribe. */
  subscribe(listener: (sessionId: string) => void): () => void {
    this.emitter.on('changed', listener);
    return () => this.emitter.off('changed', listener);
  }
}
