import type { KyselyPlugin, PluginTransformQueryArgs, PluginTransformResultArgs, QueryResult, RootOperationNode, UnknownRow } from 'kysely';

/**
 * Where a bench's database time goes: a Kysely plugin that adds up the time of
 * each statement (from handing it to the driver to its result) by kind and
 * table. Transaction begin/commit do not pass through plugins; they are what the
 * caller's total leaves over.
 */
export class StatementTimer implements KyselyPlugin {
  private readonly started = new WeakMap<object, { at: number; label: string }>();
  readonly totals = new Map<string, { ms: number; count: number }>();

  transformQuery(args: PluginTransformQueryArgs): RootOperationNode {
    this.started.set(args.queryId, { at: performance.now(), label: labelOf(args.node) });
    return args.node;
  }

  async transformResult(args: PluginTransformResultArgs): Promise<QueryResult<UnknownRow>> {
    const start = this.started.get(args.queryId);
    if (start) {
      const total = this.totals.get(start.label) ?? { ms: 0, count: 0 };
      total.ms += performance.now() - start.at;
      total.count += 1;
      this.totals.set(start.label, total);
    }
    return args.result;
  }

  /** One line per label, most time first. */
  report(): string[] {
    return [...this.totals.entries()].sort((a, b) => b[1].ms - a[1].ms)
      .map(([label, t]) => `${label.padEnd(34)} ${t.ms.toFixed(0).padStart(6)} ms in ${t.count} statements`);
  }
}

/* eslint-disable @typescript-eslint/no-explicit-any -- reads a few fields of Kysely's operation nodes */
function labelOf(node: RootOperationNode): string {
  const n = node as any;
  switch (node.kind) {
    case 'SelectQueryNode': return `select ${n.from?.froms?.[0]?.table?.identifier?.name ?? '?'}`;
    case 'UpdateQueryNode': return `update ${n.table?.table?.identifier?.name ?? '?'}`;
    case 'InsertQueryNode': return `insert ${n.into?.table?.identifier?.name ?? '?'}`;
    case 'DeleteQueryNode': return `delete ${n.from?.froms?.[0]?.table?.identifier?.name ?? '?'}`;
    case 'RawNode': {
      // sql`insert into ${sql.table(t)} …` (db/insert-in-chunks.ts on PostgreSQL): name the table.
      const first = n.parameters?.[0]?.kind === 'RawNode' ? n.parameters[0].parameters?.[0] : n.parameters?.[0];
      const table = first?.kind === 'TableNode' ? ` ${first.table.identifier.name}` : '';
      return `${String(n.sqlFragments?.[0] ?? '').trim().slice(0, 24)}${table}`;
    }
    default: return node.kind;
  }
}
