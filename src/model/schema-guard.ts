/**
 * A fast yes/no check compiled from a valibot schema. valibot builds an output object and a
 * result record for every value it visits, which costs about 0.6 s and a lot of garbage for
 * 100,000 events; a file that is valid (the usual case) needs none of that. The validator asks
 * this guard first and runs valibot only to explain a file the guard rejects. Being compiled
 * from the same schema objects, it cannot drift from them; a property test checks that both
 * agree.
 */

export type Guard = (value: unknown) => boolean;

interface SchemaNode {
  type: string;
  kind?: string;
  entries?: Record<string, SchemaNode>;
  item?: SchemaNode;
  wrapped?: SchemaNode;
  options?: readonly unknown[];
  literal?: unknown;
  key?: SchemaNode;
  value?: SchemaNode;
  pipe?: readonly SchemaNode[];
  requirement?: unknown;
  default?: unknown;
}

/** Compiles `schema` into a guard; throws for a schema feature it does not know. */
export function compileGuard(schema: unknown): Guard {
  const node = schema as SchemaNode;
  const base = baseGuard(node);
  if (!node.pipe) return base;
  const actions = node.pipe.slice(1).map(actionGuard);
  return (x) => {
    if (!base(x)) return false;
    for (const action of actions) if (!action(x)) return false;
    return true;
  };
}

function baseGuard(node: SchemaNode): Guard {
  switch (node.type) {
    case 'string':
      return (x) => typeof x === 'string';
    case 'boolean':
      return (x) => typeof x === 'boolean';
    case 'number':
      return (x) => typeof x === 'number' && !Number.isNaN(x);
    case 'literal': {
      const literal = node.literal;
      return (x) => x === literal;
    }
    case 'picklist': {
      const options = new Set(node.options);
      return (x) => options.has(x);
    }
    case 'optional': {
      if (node.default !== undefined) throw new Error('optional with default is not supported');
      const inner = compileGuard(node.wrapped);
      return (x) => x === undefined || inner(x);
    }
    case 'union': {
      const options = (node.options as SchemaNode[]).map(compileGuard);
      return (x) => options.some((o) => o(x));
    }
    case 'array': {
      const item = compileGuard(node.item);
      return (x) => {
        if (!Array.isArray(x)) return false;
        for (const element of x) if (!item(element)) return false;
        return true;
      };
    }
    case 'record': {
      const key = compileGuard(node.key);
      const value = compileGuard(node.value);
      return (x) => {
        if (!x || typeof x !== 'object') return false;
        for (const k in x) if (!key(k) || !value((x as Record<string, unknown>)[k])) return false;
        return true;
      };
    }
    case 'strict_object': {
      const entries = Object.entries(node.entries ?? {}).map(([k, s]) => ({ key: k, optional: s.type === 'optional', check: compileGuard(s) }));
      return (x) => {
        if (!x || typeof x !== 'object') return false;
        const record = x as Record<string, unknown>;
        let present = 0;
        for (const e of entries) {
          const value = record[e.key];
          // One read per entry: a key that is absent reads as undefined (`in` only to tell).
          if (value === undefined && !(e.key in record)) {
            if (!e.optional) return false;
          } else {
            if (!e.check(value)) return false;
            present++;
          }
        }
        // Every key it has was one of the entries: no unknown key, and no Set lookup per key.
        let keys = 0;
        for (const _ in record) keys++;
        return keys === present;
      };
    }
    default:
      throw new Error(`schema type "${node.type}" is not supported`);
  }
}

function actionGuard(action: SchemaNode): Guard {
  const r = action.requirement;
  switch (action.type) {
    case 'regex': {
      const pattern = r as RegExp;
      if (!pattern.global && !pattern.sticky) return (x) => pattern.test(x as string);
      return (x) => {
        pattern.lastIndex = 0;
        return pattern.test(x as string);
      };
    }
    case 'min_length':
      return (x) => (x as string).length >= (r as number);
    case 'max_length':
      return (x) => (x as string).length <= (r as number);
    case 'non_empty':
      return (x) => (x as string).length > 0;
    case 'min_value':
      return (x) => (x as number) >= (r as number);
    case 'max_value':
      return (x) => (x as number) <= (r as number);
    case 'check':
      return (x) => (r as (v: unknown) => boolean)(x);
    default:
      throw new Error(`pipe action "${action.type}" is not supported`);
  }
}
