import { DomainValidationError } from '@buqi/domain-kernel';

/**
 * Orders candidates so that every dependency comes before its dependents, refusing a cycle with an
 * error that names it (`a → b → a`). Iterative depth-first search: 10 000 candidates in a chain must
 * not overflow the stack.
 */
export function dependencyOrder(ids: readonly string[], dependsOn: readonly (readonly number[])[]): number[] {
  const state = new Uint8Array(ids.length); // 0 unseen, 1 on the current path, 2 done
  const order: number[] = [];
  for (let root = 0; root < ids.length; root++) {
    if (state[root] !== 0) continue;
    const path: number[] = [root];
    const next: number[] = [0];
    state[root] = 1;
    while (path.length > 0) {
      const top = path.length - 1;
      const node = path[top];
      const deps = dependsOn[node];
      if (next[top] < deps.length) {
        const dep = deps[next[top]++];
        if (state[dep] === 1) throw cycleError(ids, path, node, dep);
        if (state[dep] === 0) {
          state[dep] = 1;
          path.push(dep);
          next.push(0);
        }
      } else {
        state[node] = 2;
        order.push(node);
        path.pop();
        next.pop();
      }
    }
  }
  return order;
}

function cycleError(
  ids: readonly string[],
  path: readonly number[],
  node: number,
  dep: number,
): DomainValidationError {
  const cycle = [...path.slice(path.indexOf(dep)), dep].map((i) => ids[i]);
  return new DomainValidationError(
    `candidates[${node}].dependsOn`,
    cycle,
    `forms a dependency cycle (${describe(cycle)}), which no selection can satisfy`,
  );
}

/** A long cycle is shortened in the message; the error's value keeps all of it. */
function describe(cycle: readonly string[]): string {
  if (cycle.length <= 12) return cycle.join(' → ');
  return `${cycle.slice(0, 10).join(' → ')} → … → ${cycle[cycle.length - 1]}, ${cycle.length - 1} candidates`;
}
