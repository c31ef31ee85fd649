import {
  consolidate,
  isConsolidation,
  type ConsolidateOptions,
  type ConsolidationInput,
} from './consolidate';
import { splitIssues } from './issues';
import { childCodes, treeFromSuperiors, type OrgTree } from './org-tree';
import type { Consolidation, DistrictData, Issue, OrganizationIdentity } from './types';

export type TreeConsolidateOptions = Omit<ConsolidateOptions, 'district' | 'organization' | 'sources'> & {
  /** Where each input came from, parallel to the inputs. */
  sources?: (string | undefined)[];
};

interface Placed {
  input: ConsolidationInput;
  source: string | undefined;
}

/**
 * Inputs consolidated with the workbooks of one or more levels at once (design.md §2.8). With several, each
 * input goes to the level whose list names it; every level is consolidated with its own list, ratings and
 * assignments, bottom up, and the level above rolls those up: the result is what the offices get by rolling
 * up level by level, never one list mixing two levels' ratings or assignments. A lower level's consolidation
 * given as an input stands for that level (its workbook is then not used again).
 */
export function consolidateTree(
  inputs: ConsolidationInput[],
  superiors: DistrictData[],
  options: TreeConsolidateOptions = {},
): Consolidation {
  const named = superiors.filter((s) => s.info?.code);
  if (named.length <= 1) {
    const district = mergeLists(superiors);
    return consolidate(inputs, {
      ...options,
      district,
      organization: identityOf(district),
    });
  }
  const { tree, issues } = treeFromSuperiors(named);
  const lists = new Map<string, DistrictData>();
  for (const level of named) {
    const code = level.info!.code!;
    lists.set(code, mergeLists([lists.get(code), level].filter((l): l is DistrictData => !!l))!);
  }
  const given = new Map<string, Consolidation>();
  const placed = new Map<string | null, Placed[]>();
  inputs.forEach((input, index) => {
    const code = isConsolidation(input) ? (input.organization?.code ?? null) : input.unit.code;
    if (code && isConsolidation(input) && lists.has(code) && !given.has(code)) {
      given.set(code, input);
      return;
    }
    const parent = code ? (tree.nodes.get(code)?.parent ?? null) : null;
    const home = parent && lists.has(parent) ? parent : null;
    const here = placed.get(home);
    const entry = { input, source: options.sources?.[index] };
    if (here) here.push(entry);
    else placed.set(home, [entry]);
  });
  const roots = tree.roots.filter((code) => lists.has(code));
  // Lists without a code of their own cannot be placed: they belong to the top.
  const unnamed = superiors.filter((s) => !s.info?.code);
  const levelOf = (code: string): Consolidation | null =>
    given.get(code) ?? consolidateLevel(code, tree, lists, placed, levelOf, options);
  let top: Consolidation;
  if (roots.length === 1) {
    const root = roots[0];
    if (unnamed.length) lists.set(root, mergeLists([lists.get(root)!, ...unnamed])!);
    placed.set(root, [...(placed.get(root) ?? []), ...(placed.get(null) ?? [])]);
    top =
      levelOf(root) ??
      consolidate([], { ...options, district: lists.get(root), organization: identityOf(lists.get(root)!) });
  } else {
    const below = roots.map(levelOf).filter((c): c is Consolidation => !!c);
    const loose = placed.get(null) ?? [];
    top = consolidate([...below, ...loose.map((p) => p.input)], {
      ...options,
      district: mergeLists(unnamed),
      sources: [...below.map(() => undefined), ...loose.map((p) => p.source)],
    });
  }
  return withIssues(top, issues);
}

/** A level from what was placed at it and the levels below it; null when nothing below it sent anything. */
function consolidateLevel(
  code: string,
  tree: OrgTree,
  lists: Map<string, DistrictData>,
  placed: Map<string | null, Placed[]>,
  levelOf: (code: string) => Consolidation | null,
  options: TreeConsolidateOptions,
): Consolidation | null {
  const below = childCodes(tree, code)
    .filter((c) => lists.has(c))
    .map(levelOf)
    .filter((c): c is Consolidation => !!c);
  const own = placed.get(code) ?? [];
  if (!below.length && !own.length) return null;
  const list = lists.get(code)!;
  const node = tree.nodes.get(code);
  return consolidate([...below, ...own.map((p) => p.input)], {
    ...options,
    district: list,
    organization: {
      ...identityOf(list)!,
      ...(node?.mergedFrom?.length ? { mergedFrom: node.mergedFrom } : {}),
    },
    sources: [...below.map(() => undefined), ...own.map((p) => p.source)],
  });
}

function identityOf(list: DistrictData | null): OrganizationIdentity | null {
  const info = list?.info;
  return info?.code ? { code: info.code, name: info.name ?? info.code } : null;
}

/** Several workbooks of one level read as one: their lists and assignments together, the first settings. */
function mergeLists(lists: DistrictData[]): DistrictData | null {
  if (!lists.length) return null;
  const info = lists.find((l) => l.info?.code)?.info;
  const settings = lists.find((l) => l.settings)?.settings;
  // Column letters hold for the rows of one sheet only.
  const listing = lists.filter((l) => l.organizations.length);
  const columns = listing.length === 1 ? listing[0].columns : undefined;
  return {
    organizations: lists.flatMap((l) => l.organizations),
    assignedTargets: lists.flatMap((l) => l.assignedTargets),
    ...(info ? { info } : {}),
    ...(settings ? { settings } : {}),
    ...(columns ? { columns } : {}),
  };
}

function withIssues(report: Consolidation, issues: Issue[]): Consolidation {
  if (!issues.length) return report;
  const { errors, warnings } = splitIssues([...report.errors, ...report.warnings, ...issues]);
  return { ...report, errors, warnings };
}
