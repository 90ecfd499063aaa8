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
      const fields = new Map<string, { check: Guard; required: boolean }>();
      let required = 0;
      for (const [k, s] of Object.entries(node.entries ?? {})) {
        fields.set(k, { check: compileGuard(s), required: s.type !== 'optional' });
        if (s.type !== 'optional') required++;
      }
      return (x) => {
        if (!x || typeof x !== 'object') return false;
        const record = x as Record<string, unknown>;
        // Walks the keys the object has, usually far fewer than the fields it may have: an
        // unknown key fails, and counting the required ones seen finds any that is missing.
        let found = 0;
        for (const key in record) {
          const field = fields.get(key);
          if (field === undefined || !field.check(record[key])) return false;
          if (field.required) found++;
        }
        return found === required;
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
