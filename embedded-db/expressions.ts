import { isPlainObject, toStoredText, type Doc, type Value } from './codec'
import { invalid, notSupported } from './errors'
import { compareValues, resolvePath, splitPath } from './values'

/** The variables a `$lookup`'s `let` defines for its pipeline (`$$name`), by name. */
export type Vars = ReadonlyMap<string, Value>

const NO_VARS: Vars = new Map()

/**
 * An aggregation expression: "$field.path", "$$variable.path" ($$ROOT, $$CURRENT or one a
 * `let` defined), {$literal}, {$eq}, {$lte}, {$and}, {$cond}, an object of expressions, or
 * a constant.
 */
export function evalExpr(expr: Value, doc: Doc, vars: Vars = NO_VARS): Value | undefined {
  if (typeof expr === 'string' && expr.startsWith('$$')) return variable(expr, doc, vars)
  if (typeof expr === 'string' && expr.startsWith('$')) return fieldOf(doc, expr.slice(1))
  if (isPlainObject(expr)) {
    const keys = Object.keys(expr)
    const op = keys.length === 1 ? (keys[0] as string) : ''
    const arg = expr[op] ?? null
    if (op === '$literal') return expr.$literal
    if (op === '$eq') return evalEq(arg, doc, vars)
    if (op === '$cond') return evalCond(arg, doc, vars)
    if (op === '$lte') return compareArgs('$lte', arg, doc, vars) <= 0
    if (op === '$and') return evalAnd(arg, doc, vars)
    if (keys.some((k) => k.startsWith('$'))) throw notSupported(`aggregation expression ${keys.join(',')}`)
    const out: Doc = {}
    for (const k of keys) {
      const x = evalExpr(expr[k] as Value, doc, vars)
      if (x !== undefined) out[k] = x
    }
    return out
  }
  return expr
}

/** What a `$cond`'s `if` and `$and`'s terms count as true: anything but false, null, 0 or missing. */
export function truthy(v: Value | undefined): boolean {
  return v !== undefined && v !== null && v !== false && v !== 0
}

/** Whether an expression reads nothing of the document it is evaluated on (constants and variables only). */
export function independentOfDoc(expr: Value): boolean {
  if (typeof expr === 'string')
    return !expr.startsWith('$') || (expr.startsWith('$$') && !/^\$\$(ROOT|CURRENT)\b/.test(expr))
  if (Array.isArray(expr)) return expr.every(independentOfDoc)
  if (isPlainObject(expr)) return '$literal' in expr || Object.values(expr).every(independentOfDoc)
  return true
}

function fieldOf(doc: Doc, path: string): Value | undefined {
  const vs = resolvePath(doc, splitPath(path))
  return vs.length === 1 ? vs[0] : vs.filter((x) => x !== undefined)
}

function variable(expr: string, doc: Doc, vars: Vars): Value | undefined {
  const [name = '', ...path] = expr.slice(2).split('.')
  const root = name === 'ROOT' || name === 'CURRENT' ? doc : vars.get(name)
  if (root === undefined && !vars.has(name)) throw invalid(`unknown aggregation variable $$${name}`)
  if (path.length === 0) return root
  return isPlainObject(root) ? fieldOf(root, path.join('.')) : undefined
}

/** `{$eq: [a, b]}`: whether the two expressions give the same value (a missing field is null). */
function evalEq(args: Value, doc: Doc, vars: Vars): boolean {
  if (!Array.isArray(args) || args.length !== 2) throw invalid('$eq needs [a, b]')
  const [a, b] = args.map((x): Value => evalExpr(x, doc, vars) ?? null)
  return toStoredText(a ?? null) === toStoredText(b ?? null)
}

/** `{$and: [a, …]}`: whether every expression is true (an empty list is). */
function evalAnd(args: Value, doc: Doc, vars: Vars): boolean {
  if (!Array.isArray(args)) throw invalid('$and needs a list of expressions')
  return args.every((x) => truthy(evalExpr(x, doc, vars)))
}

/** `{$lte: [a, b]}` and the like: the two values in the engine's sort order (a missing field is null). */
function compareArgs(op: string, args: Value, doc: Doc, vars: Vars): number {
  if (!Array.isArray(args) || args.length !== 2) throw invalid(`${op} needs [a, b]`)
  const [a, b] = args.map((x): Value => evalExpr(x, doc, vars) ?? null)
  return compareValues(a ?? null, b ?? null)
}

/** `{$cond: {if, then, else}}` or `{$cond: [if, then, else]}`; `if` is true unless false, null, 0 or missing. */
function evalCond(args: Value, doc: Doc, vars: Vars): Value | undefined {
  const [cond, then, otherwise] = Array.isArray(args)
    ? args
    : isPlainObject(args)
      ? [args.if, args.then, args.else]
      : []
  if (cond === undefined || then === undefined || otherwise === undefined)
    throw invalid('$cond needs if, then and else')
  return evalExpr(truthy(evalExpr(cond, doc, vars)) ? then : otherwise, doc, vars)
}
