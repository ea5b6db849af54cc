#!/usr/bin/env python3
"""Import cycles between a crate's modules, at a chosen folder depth.

Usage: import_cycles.py SRC_DIR [--depth N]... [--info] [--edges]

Every `.rs` file under SRC_DIR is a module (`a/mod.rs` and `a.rs` are `a`). Each `crate::`,
`super::` and `self::` path, in `use` trees (braces expanded) and inline, is an edge from the
file's module to the deepest known module it names; both ends are then cut to the first N
folder levels (`--depth 2` turns `domain/catalog/options` into `domain/catalog`). Edges
between a module and its own ancestor or descendant are not counted: a folder's `mod.rs`
re-exporting its children is no cycle. Test-only code may import anything, so it is skipped:
files declared `#[cfg(test)] mod x;` (or `#[cfg(all(test, ...))]`), with everything under
them, and `#[cfg(test)]` items inside a file. Comments and string literals are ignored.

Prints each strongly connected component with its edges and one `file:line` that makes each
edge, then the number of cycles. Exits 1 when there is a cycle at any depth checked, unless
`--info` (print only). Without `--depth`, every depth from 1 to the deepest module is checked.
"""
import argparse
import re
import sys
from pathlib import Path

TEST_CFG = r'#\[cfg\((?:test|all\(test\b[^\]]*\)|all\([^\]]*\btest\)[^\]]*)\)\]'


def strip_comments_and_strings(text):
    """Blank out comments and string/char literals, keeping line numbers and offsets."""
    out = []
    i, n = 0, len(text)
    while i < n:
        c = text[i]
        if text.startswith('//', i):
            j = text.find('\n', i)
            j = n if j < 0 else j
            out.append(' ' * (j - i))
            i = j
        elif text.startswith('/*', i):
            depth, j = 1, i + 2
            while j < n and depth:
                if text.startswith('/*', j):
                    depth, j = depth + 1, j + 2
                elif text.startswith('*/', j):
                    depth, j = depth - 1, j + 2
                else:
                    j += 1
            out.append(re.sub(r'[^\n]', ' ', text[i:j]))
            i = j
        elif c == 'r' and re.match(r'r#*"', text[i:i + 10]) and not (i and (text[i - 1].isalnum() or text[i - 1] == '_')):
            hashes = re.match(r'r(#*)"', text[i:]).group(1)
            end = text.find('"' + hashes, i + len(hashes) + 2)
            j = n if end < 0 else end + 1 + len(hashes)
            out.append(re.sub(r'[^\n]', ' ', text[i:j]))
            i = j
        elif c == '"':
            j = i + 1
            while j < n and text[j] != '"':
                j += 2 if text[j] == '\\' else 1
            out.append(re.sub(r'[^\n]', ' ', text[i:j + 1]))
            i = j + 1
        elif c == "'" and re.match(r"'(\\.[^']*|[^\\'])'", text[i:i + 12]):
            m = re.match(r"'(\\.[^']*|[^\\'])'", text[i:i + 12])
            out.append(' ' * len(m.group(0)))
            i += len(m.group(0))
        else:
            out.append(c)
            i += 1
    return ''.join(out)


def item_end(text, start):
    """End of the item starting at `start`: its matching `}` or its `;`, whichever comes first."""
    depth = 0
    for j in range(start, len(text)):
        ch = text[j]
        if ch == '{':
            depth += 1
        elif ch == '}':
            depth -= 1
            if depth == 0:
                return j + 1
        elif ch == ';' and depth == 0:
            return j + 1
    return len(text)


def blank_test_items(text):
    """Blank every `#[cfg(test)]` item (inline test modules, test-only uses and helpers)."""
    for m in reversed(list(re.finditer(TEST_CFG, text))):
        end = item_end(text, m.end())
        text = text[:m.start()] + re.sub(r'[^\n]', ' ', text[m.start():end]) + text[end:]
    return text


def expand_use_tree(tree):
    """`a::{b, c::{d, e}}` -> [a::b, a::c::d, a::c::e] (`self` and globs kept as segments)."""
    tree = re.sub(r'\s+', '', tree)
    brace = tree.find('{')
    if brace < 0:
        return [re.sub(r'as\w+$', '', tree)] if tree else []
    head, body = tree[:brace], tree[brace + 1:tree.rfind('}')]
    parts, depth, cur = [], 0, ''
    for ch in body:
        if ch == ',' and depth == 0:
            parts.append(cur)
            cur = ''
            continue
        depth += ch == '{'
        depth -= ch == '}'
        cur += ch
    parts.append(cur)
    out = []
    for p in parts:
        for sub in expand_use_tree(p):
            out.append(head[:-2] if sub == 'self' else head + sub)
    return out


def module_of(path, root):
    parts = list(path.relative_to(root).with_suffix('').parts)
    if parts[-1] in ('mod', 'lib', 'main'):
        parts = parts[:-1]
    return tuple(parts)


def load(root):
    files = sorted(root.rglob('*.rs'))
    modules = {module_of(f, root): f for f in files}
    test_dirs = set()
    for f in files:
        text = strip_comments_and_strings(f.read_text())
        here = f.parent if f.name in ('mod.rs', 'lib.rs', 'main.rs') else f.parent / f.stem
        for m in re.finditer(TEST_CFG + r'\s*(?:pub(?:\([^)]*\))?\s+)?mod\s+(\w+)\s*;', text):
            test_dirs.add(module_of(here / (m.group(1) + '.rs'), root))

    def is_test(mod):
        return any(mod[:len(t)] == t for t in test_dirs)

    edges = {}
    for f in files:
        mod = module_of(f, root)
        if is_test(mod):
            continue
        text = blank_test_items(strip_comments_and_strings(f.read_text()))
        # `super` of a.rs and of a/mod.rs are both the module above `a`.
        paths = []
        for m in re.finditer(r'\buse\s+([^;]+);', text):
            for p in expand_use_tree(m.group(1)):
                paths.append((p, m.start()))
        text_no_use = re.sub(r'\buse\s+[^;]+;', lambda m: re.sub(r'[^\n]', ' ', m.group(0)), text)
        for m in re.finditer(r'\b(?:crate|super|self)(?:::(?:super|\w+))+', text_no_use):
            paths.append((m.group(0), m.start()))
        for p, offset in paths:
            segs = p.split('::')
            if segs[0] == 'crate':
                base, segs = (), segs[1:]
            elif segs[0] in ('super', 'self'):
                base = mod
                while segs and segs[0] in ('super', 'self'):
                    if segs[0] == 'super':
                        base = base[:-1]
                    segs = segs[1:]
            else:
                continue
            target = base
            for s in segs:
                if target + (s,) in modules:
                    target = target + (s,)
                else:
                    break
            line = text.count('\n', 0, offset) + 1
            edges.setdefault(mod, {}).setdefault(target, (f.relative_to(root), line))
    return edges


def cut(edges, depth):
    out = {}
    for a, targets in edges.items():
        for b, where in targets.items():
            ca, cb = a[:depth], b[:depth]
            if ca[:len(cb)] == cb or cb[:len(ca)] == ca:
                continue
            out.setdefault(ca, {}).setdefault(cb, where)
    return out


def strongly_connected(edges):
    index, low, stack, on, comps = {}, {}, [], set(), []
    counter = [0]
    sys.setrecursionlimit(10000)

    def visit(v):
        index[v] = low[v] = counter[0]
        counter[0] += 1
        stack.append(v)
        on.add(v)
        for w in sorted(edges.get(v, ())):
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in on:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            comp = []
            while True:
                w = stack.pop()
                on.discard(w)
                comp.append(w)
                if w == v:
                    break
            if len(comp) > 1:
                comps.append(sorted(comp))

    nodes = set(edges) | {w for t in edges.values() for w in t}
    for v in sorted(nodes):
        if v not in index:
            visit(v)
    return comps


def name(mod):
    return '/'.join(mod) or '(crate root)'


def main():
    ap = argparse.ArgumentParser(description=__doc__.split('\n')[0])
    ap.add_argument('src', type=Path)
    ap.add_argument('--depth', type=int, action='append')
    ap.add_argument('--info', action='store_true', help='print cycles but exit 0')
    ap.add_argument('--edges', action='store_true', help='print every edge at each depth')
    args = ap.parse_args()
    edges = load(args.src)
    total = 0
    deepest = max((len(m) for m in edges), default=1)
    for depth in args.depth or range(1, deepest + 1):
        graph = cut(edges, depth)
        comps = strongly_connected(graph)
        print(f'{args.src} at depth {depth}: {len(comps)} cycle(s)')
        if args.edges:
            for a in sorted(graph):
                for b in sorted(graph[a]):
                    f, line = graph[a][b]
                    print(f'    {name(a)} -> {name(b)}  ({f}:{line})')
        for comp in comps:
            print('  CYCLE:', ', '.join(name(c) for c in comp))
            for a in comp:
                for b in sorted(set(graph.get(a, ())) & set(comp)):
                    f, line = graph[a][b]
                    print(f'    {name(a)} -> {name(b)}  ({f}:{line})')
        total += len(comps)
    return 1 if total and not args.info else 0


if __name__ == '__main__':
    sys.exit(main())
