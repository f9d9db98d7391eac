// The Turn log and the saved steps gain an entry on almost every event, and each snapshot must
// keep its own unchanging list: React and the player's autosave tell a change by identity. A
// fresh copy per event made a session quadratic (in the bench's 10,000-response session the last
// 1,000 responses took about 30 times as long as the first 1,000, most of it the garbage
// collector moving arrays of 10,000 to 20,000 entries).
//
// Here every version of one list shares a single append-only array and is handed out as a view
// that reads like an ordinary array (indexing, length, every Array method, spread, JSON,
// Array.isArray) while costing O(1) to make. A view copies its entries into an array of its own
// only when asked for its own properties (Object.keys, a deep equality, a write), so a snapshot
// that is never looked at in full costs nothing. Views cannot be structured-cloned (IndexedDB,
// postMessage): spread one into an array first, as saveSession does.

/** One version: entries 0..length-2 live in `shared`, the last one in `last`. */
interface Version<T> {
  readonly shared: T[];
  readonly length: number;
  readonly last: T | undefined;
}

const versions = new WeakMap<object, Version<unknown>>();

// Node's util.inspect shows a proxy's target, not what it reads as; this hook (a plain symbol,
// no Node API) lets console.log print the entries.
const INSPECT = Symbol.for('nodejs.util.inspect.custom');

function versionOf<T>(list: readonly T[]): Version<T> {
  const known = versions.get(list);
  if (known) return known as Version<T>;
  // An ordinary array (the initial empty log, a restored snapshot): copied once, since its owner
  // may still change it.
  return { shared: list.slice(0, -1), length: list.length, last: list.at(-1) };
}

function entryAt<T>(v: Version<T>, i: number): T {
  return (i === v.length - 1 ? v.last : v.shared[i]) as T;
}

/** The index an array property key names, or -1. */
function indexOf(key: string | symbol): number {
  if (typeof key !== 'string') return -1;
  const c = key.charCodeAt(0);
  if (c < 48 || c > 57) return -1;
  const n = Number(key);
  return Number.isInteger(n) && String(n) === key ? n : -1;
}

function view<T>(v: Version<T>): T[] {
  const own: T[] = [];
  let materialized = false;
  const materialize = (): T[] => {
    if (!materialized) {
      for (let i = 0; i < v.length; i++) own.push(entryAt(v, i));
      materialized = true;
    }
    return own;
  };
  Object.defineProperty(own, INSPECT, { value: materialize, configurable: true });
  // After a write the view is an ordinary array of its own, and is no longer a version of the log.
  const written = (): T[] => {
    versions.delete(proxy);
    return materialize();
  };
  const proxy: T[] = new Proxy(own, {
    get(_, key) {
      if (!materialized) {
        if (key === 'length') return v.length;
        const i = indexOf(key);
        if (i >= 0) return i < v.length ? entryAt(v, i) : undefined;
      }
      return Reflect.get(own, key);
    },
    has(_, key) {
      if (!materialized) {
        if (key === 'length') return true;
        const i = indexOf(key);
        if (i >= 0) return i < v.length;
      }
      return Reflect.has(own, key);
    },
    ownKeys: () => Reflect.ownKeys(materialize()),
    getOwnPropertyDescriptor: (_, key) => Reflect.getOwnPropertyDescriptor(materialize(), key),
    set: (_, key, value) => Reflect.set(written(), key, value),
    defineProperty: (_, key, descriptor) => Reflect.defineProperty(written(), key, descriptor),
    deleteProperty: (_, key) => Reflect.deleteProperty(written(), key),
    preventExtensions: () => Reflect.preventExtensions(written()),
  });
  versions.set(proxy, v);
  return proxy;
}

/** `list` with `entry` added at the end; `list` itself is unchanged. O(1) amortised. */
export function appended<T>(list: readonly T[], entry: T): T[] {
  const v = versionOf(list);
  if (v.length === 0) return view({ shared: [], length: 1, last: entry });
  const at = v.length - 1;
  let shared = v.shared;
  // The shared array may already hold entries of a later version of this one: appending to an
  // older version (which the machine never does) starts a shared array of its own.
  if (shared.length === at) shared.push(v.last as T);
  else if (shared[at] !== v.last) shared = [...shared.slice(0, at), v.last as T];
  return view({ shared, length: v.length + 1, last: entry });
}

/** `list` with its last entry replaced (a retracted turn, an intended code); O(1). */
export function withLast<T>(list: readonly T[], entry: T): T[] {
  const v = versionOf(list);
  if (v.length === 0) throw new Error('withLast: the list is empty');
  return view({ shared: v.shared, length: v.length, last: entry });
}
