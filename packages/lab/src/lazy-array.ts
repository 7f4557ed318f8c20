/**
 * A read-only array of `length` elements that are built by `at` when read and never kept, so a list of
 * a million records costs no more memory than the columns they are built from. It behaves as an array
 * for reading: `Array.isArray`, indexing, `length`, iteration, the Array methods, `Object.keys` and
 * `JSON.stringify` all work. Two differences: every read builds a new element (`a[0] !== a[0]`; keep
 * what you read), and writes throw. `structuredClone` and `postMessage` refuse a Proxy: send
 * `Array.from(array)` instead.
 */
export function lazyArray<T>(length: number, at: (index: number) => T): readonly T[] {
  const isIndex = (key: string | symbol): boolean =>
    typeof key === "string" && /^(0|[1-9]\d*)$/.test(key) && Number(key) < length;
  const refuse = (): never => {
    throw new TypeError("this array is read-only: copy it with Array.from() to change it");
  };
  // An empty target: the elements never exist, and `new Array(length)` would reserve a slot for each.
  return new Proxy([] as T[], {
    get: (target, key, receiver) =>
      isIndex(key) ? at(Number(key)) : key === "length" ? length : Reflect.get(target, key, receiver),
    has: (target, key) => isIndex(key) || Reflect.has(target, key),
    ownKeys: (target) => [...Array.from({ length }, (_, i) => String(i)), ...Reflect.ownKeys(target)],
    getOwnPropertyDescriptor: (target, key) => {
      if (isIndex(key))
        return { value: at(Number(key)), writable: false, enumerable: true, configurable: true };
      const own = Reflect.getOwnPropertyDescriptor(target, key);
      return key === "length" && own !== undefined ? { ...own, value: length } : own;
    },
    set: refuse,
    defineProperty: refuse,
    deleteProperty: refuse,
  });
}
