/**
 * Compiles a content model (particles with occurrence bounds) into a deterministic automaton (Glushkov
 * construction; bounded repetitions are unrolled as nested optional copies, which keeps XML Schema's unique
 * particle attribution deterministic). Matching children is then one map lookup a child.
 */
import { UNBOUNDED, type ElementParticle, type Particle } from './types';

export interface AutomatonState {
  /** Next element name -> state reached. */
  readonly next: ReadonlyMap<string, number>;
  readonly final: boolean;
}

export interface Automaton {
  /** State 0 is the start; state i + 1 is "just matched position i". */
  readonly states: readonly AutomatonState[];
  /** The element particle of each state (undefined for the start). */
  readonly particles: readonly (ElementParticle | undefined)[];
  /** Every element name the content model knows. */
  readonly names: ReadonlySet<string>;
}

interface Fragment {
  nullable: boolean;
  first: number[];
  last: number[];
}

const MAX_POSITIONS = 5000;

class Builder {
  readonly positions: ElementParticle[] = [];
  readonly follow: Set<number>[] = [];

  build(particle: Particle): Fragment {
    const copy = (): Fragment => this.once(particle);
    const parts: Fragment[] = [];
    for (let index = 0; index < particle.min; index += 1) parts.push(copy());
    if (particle.max === UNBOUNDED) parts.push(this.star(copy()));
    else {
      const optional = particle.max - particle.min;
      let tail: Fragment | undefined;
      const copies: Fragment[] = [];
      for (let index = 0; index < optional; index += 1) copies.push(copy());
      for (let index = copies.length - 1; index >= 0; index -= 1) {
        const head = copies[index] as Fragment;
        tail = optionalOf(tail ? this.concat(head, tail) : head);
      }
      if (tail) parts.push(tail);
    }
    return parts.reduce((acc, part) => this.concat(acc, part), { nullable: true, first: [], last: [] });
  }

  private once(particle: Particle): Fragment {
    if (particle.kind === 'element') {
      const position = this.positions.length;
      if (position >= MAX_POSITIONS) throw new Error('content model too large');
      this.positions.push(particle);
      this.follow.push(new Set());
      return { nullable: false, first: [position], last: [position] };
    }
    const items = particle.items.map((item) => this.build(item));
    if (particle.kind === 'sequence') {
      return items.reduce((acc, item) => this.concat(acc, item), { nullable: true, first: [], last: [] });
    }
    return {
      nullable: items.length === 0 || items.some((item) => item.nullable),
      first: items.flatMap((item) => item.first),
      last: items.flatMap((item) => item.last),
    };
  }

  private concat(left: Fragment, right: Fragment): Fragment {
    for (const position of left.last) for (const next of right.first) this.follow[position]?.add(next);
    return {
      nullable: left.nullable && right.nullable,
      first: left.nullable ? [...left.first, ...right.first] : left.first,
      last: right.nullable ? [...left.last, ...right.last] : right.last,
    };
  }

  private star(inner: Fragment): Fragment {
    for (const position of inner.last) for (const next of inner.first) this.follow[position]?.add(next);
    return { nullable: true, first: inner.first, last: inner.last };
  }
}

function optionalOf(fragment: Fragment): Fragment {
  return { ...fragment, nullable: true };
}

export function compile(content: Particle): Automaton {
  const builder = new Builder();
  const root = builder.build(content);
  const lastSet = new Set(root.last);
  const transitions = (targets: Iterable<number>): Map<string, number> => {
    const next = new Map<string, number>();
    for (const position of [...targets].sort((a, b) => a - b)) {
      const name = (builder.positions[position] as ElementParticle).name;
      if (next.has(name)) throw new Error(`content model is not deterministic at element ${name}`);
      next.set(name, position + 1);
    }
    return next;
  };
  const states: AutomatonState[] = [{ next: transitions(root.first), final: root.nullable }];
  builder.positions.forEach((_, position) => {
    states.push({ next: transitions(builder.follow[position] as Set<number>), final: lastSet.has(position) });
  });
  return {
    states,
    particles: [undefined, ...builder.positions],
    names: new Set(builder.positions.map((particle) => particle.name)),
  };
}

const cache = new WeakMap<Particle, Automaton>();

/** The automaton of a content model, compiled once. */
export function automatonOf(content: Particle): Automaton {
  let automaton = cache.get(content);
  if (!automaton) {
    automaton = compile(content);
    cache.set(content, automaton);
  }
  return automaton;
}
