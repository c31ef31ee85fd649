import { issue } from './issues';
import { SHEET_NAMES } from './sheet-formats';
import type { DistrictData, Issue, OrganizationIdentity } from './types';

/** An organization of the tree (design.md §2.8): a unit when nothing is below it. */
export interface OrgNode extends OrganizationIdentity {
  parent: string | null;
}

export interface OrgTree {
  nodes: Map<string, OrgNode>;
  /** Children in the order they were given. */
  children: Map<string, string[]>;
  /** Organizations with no parent in the tree. */
  roots: string[];
}

/**
 * The tree from a list of organizations; a code given twice keeps its first entry, a parent that is not in
 * the list makes a root, and a parent link that would close a cycle is dropped (each reported).
 */
export function buildOrgTree(list: OrgNode[]): { tree: OrgTree; issues: Issue[] } {
  const issues: Issue[] = [];
  const nodes = new Map<string, OrgNode>();
  for (const node of list) {
    if (nodes.has(node.code)) {
      issues.push(
        issue(
          'E_ORG_DUPLICATE',
          { sheet: SHEET_NAMES.organizations, value: node.code, unit: node.code },
          `Mã tổ chức ${node.code} có mặt hai lần trong cây tổ chức: chỉ dùng lần đầu.`,
        ),
      );
      continue;
    }
    nodes.set(node.code, { ...node });
  }
  for (const node of nodes.values()) {
    if (node.parent !== null && closesCycle(nodes, node)) {
      issues.push(
        issue(
          'E_ORG_CYCLE',
          { sheet: SHEET_NAMES.organizations, value: node.code, unit: node.code },
          `Tổ chức ${node.code} vừa là cấp trên vừa là cấp dưới của ${node.parent}: bỏ liên kết cấp trên này.`,
        ),
      );
      node.parent = null;
    }
  }
  const children = new Map<string, string[]>();
  const roots: string[] = [];
  for (const node of nodes.values()) {
    if (node.parent !== null && nodes.has(node.parent)) {
      const list = children.get(node.parent) ?? [];
      list.push(node.code);
      children.set(node.parent, list);
    } else roots.push(node.code);
  }
  return { tree: { nodes, children, roots }, issues };
}

function closesCycle(nodes: Map<string, OrgNode>, start: OrgNode): boolean {
  const seen = new Set([start.code]);
  for (let at = start.parent; at !== null; at = nodes.get(at)?.parent ?? null) {
    if (seen.has(at)) return true;
    seen.add(at);
  }
  return false;
}

export function childCodes(tree: OrgTree, code: string): string[] {
  return tree.children.get(code) ?? [];
}

export function isUnitNode(tree: OrgTree, code: string): boolean {
  return childCodes(tree, code).length === 0;
}

/** The organization and everything below it, parents before children. */
export function subtreeCodes(tree: OrgTree, code: string): string[] {
  if (!tree.nodes.has(code)) return [];
  const result: string[] = [];
  const visit = (at: string) => {
    result.push(at);
    for (const child of childCodes(tree, at)) visit(child);
  };
  visit(code);
  return result;
}

/** The grassroots units (nodes with nothing below) of a subtree. */
export function unitsBelow(tree: OrgTree, code: string): string[] {
  return subtreeCodes(tree, code).filter((c) => isUnitNode(tree, c));
}

/** Whether `code` is `ancestor` or below it. */
export function isWithin(tree: OrgTree, ancestor: string, code: string): boolean {
  for (let at: string | null = code; at !== null; at = tree.nodes.get(at)?.parent ?? null) {
    if (at === ancestor) return true;
    if (!tree.nodes.has(at)) return false;
  }
  return false;
}

/** The levels (organizations with something below) of a subtree, every one after all the levels below it. */
export function levelsBottomUp(tree: OrgTree, code: string): string[] {
  const result: string[] = [];
  const visit = (at: string) => {
    const below = childCodes(tree, at);
    if (!below.length) return;
    for (const child of below) visit(child);
    result.push(at);
  };
  if (tree.nodes.has(code)) visit(code);
  return result;
}

/** Codes that some organization of the list was formed from: gone this year, never expected to report. */
export function mergedAwayCodes(organizations: Pick<OrganizationIdentity, 'mergedFrom'>[]): Set<string> {
  return new Set(organizations.flatMap((o) => o.mergedFrom ?? []));
}

/**
 * The tree from superior workbooks: each one's `Thông tin` names the organization, its `Tổ chức cơ sở` lists
 * the organizations directly below it (with their group and mergers).
 */
export function treeFromSuperiors(levels: DistrictData[]): { tree: OrgTree; issues: Issue[] } {
  const list: OrgNode[] = [];
  const listed = new Set<string>();
  for (const level of levels) {
    const parent = level.info?.code ?? null;
    for (const org of level.organizations) {
      listed.add(org.code);
      list.push({
        code: org.code,
        name: org.name,
        kind: org.kind,
        group: org.group,
        mergedFrom: org.mergedFrom,
        parent,
      });
    }
  }
  for (const level of levels) {
    const code = level.info?.code;
    if (code && !listed.has(code)) list.push({ code, name: level.info?.name ?? code, parent: null });
  }
  // A level listed by the one above it comes after it in `list`; its own entry is the listed one.
  return buildOrgTree(list);
}
