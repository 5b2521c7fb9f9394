#!/usr/bin/python3
"""check_layers.py: refuses an #include that goes against the layer table of the components.

Usage: check_layers.py [--root DIR]   (DIR: the checkout, default: this script's parent directory)

Every `#include "x/..."` in src/, tests/, proofs/ and examples/ is checked against LAYERS below, the same table
src/meson.build links the component libraries by (docs/architecture.md draws it):

* src/C/...       may include C and the components C depends on (transitively);
* tests/C/...     the same, plus tests/harness/ headers whose own includes are allowed for C, plus the
                  test headers of tests/D/ for D allowed for C; a test that unit_test_extra_components in
                  tests/meson.build declares (and links) with more components may include those too;
* tests/harness/  any component (a harness header is charged to the tests that include it);
* proofs/..., examples/...  what `verify` may include (they link the exact library, cogo_dep), and
                  harness headers within that.

An include naming no component, or a file that does not exist, is an error too. Prints one line per
violation (file:line: what and why) and exits 1 if there is any, else prints a summary and exits 0.
"""
import argparse
import os
import re
import sys

# component -> the components it includes directly (its declared dependencies in src/meson.build)
LAYERS = {
    'support': [],
    'scalar': ['support'],
    'group': ['scalar'],
    'algebra': ['group'],
    'io': ['algebra'],
    'construct': ['io'],
    'verify': ['construct'],
    'analyze': ['verify'],
    'dynamics': ['analyze'],
    'search': ['analyze'],
    'train': ['io'],
    'cli': ['dynamics', 'search', 'train'],
}
# what the proofs link (cogo_dep in src/meson.build)
PROOFS_LINK = 'verify'
HARNESS = 'harness'
INCLUDE = re.compile(r'^\s*#\s*include\s+"([^"]+)"')
SUFFIXES = ('.hpp', '.cpp', '.h')


def closure(component, layers=LAYERS):
    """The components `component` may include: itself and everything below it."""
    seen, todo = set(), [component]
    while todo:
        c = todo.pop()
        if c not in seen:
            seen.add(c)
            todo.extend(layers[c])
    return seen


def includes(path):
    """(line number, included path) of every quoted #include of the file."""
    out = []
    with open(path, encoding='utf-8', errors='replace') as f:
        for number, line in enumerate(f, 1):
            m = INCLUDE.match(line)
            if m:
                out.append((number, m.group(1)))
    return out


def source_files(root, top):
    base = os.path.join(root, top)
    for directory, _, names in os.walk(base):
        for name in sorted(names):
            if name.endswith(SUFFIXES):
                yield os.path.join(directory, name)


MESON_ENTRY = re.compile(r"^\s*'([^']+)'\s*:\s*(.+?),?\s*$")


def meson_dict(text, name):
    """The entries 'key' : value of the meson dictionary `name = { ... }` (values as written)."""
    m = re.search(r'^%s\s*=\s*\{(.*?)^\}' % re.escape(name), text, re.S | re.M)
    out = {}
    if m:
        for line in m.group(1).splitlines():
            e = MESON_ENTRY.match(line)
            if e:
                out[e.group(1)] = e.group(2).rstrip(',').strip()
    return out


def declared_extras(root):
    """tests/<file> -> the extra components tests/meson.build declares (and links) for that test."""
    path = os.path.join(root, 'tests', 'meson.build')
    if not os.path.isfile(path):
        return {}
    with open(path, encoding='utf-8') as f:
        text = f.read()
    sources = {k: v.strip("'") for k, v in meson_dict(text, 'unit_tests').items()}
    out = {}
    for name, value in meson_dict(text, 'unit_test_extra_components').items():
        components = re.findall(r"'([^']+)'", value)
        if name in sources:
            out[os.path.join('tests', sources[name])] = components
    return out


def check(root, layers=LAYERS):
    """The list of violations (strings) of the tree at root."""
    problems = []
    allowed = {c: closure(c, layers) for c in layers}

    def rel(path):
        return os.path.relpath(path, root)

    # The components each harness header needs (its includes, through other harness headers).
    harness_dir = os.path.join(root, 'tests', HARNESS)
    harness_needs = {}

    def needs_of_harness(name, stack=()):
        if name in harness_needs:
            return harness_needs[name]
        need = set()
        path = os.path.join(harness_dir, name)
        for _, inc in includes(path):
            head, _, tail = inc.partition('/')
            if head == HARNESS and tail and tail not in stack:
                if os.path.isfile(os.path.join(harness_dir, tail)):
                    need |= needs_of_harness(tail, stack + (name,))
            elif head in layers:
                need.add(head)
        harness_needs[name] = need
        return need

    def check_file(path, component, may, where):
        """component: the component charged (for messages); may: the set of components allowed."""
        for number, inc in includes(path):
            head, slash, tail = inc.partition('/')
            if not slash:
                continue  # a file next to the includer ("proof_support.hpp")
            spot = '%s:%d: #include "%s"' % (rel(path), number, inc)
            if head == HARNESS:
                if where == 'src':
                    problems.append('%s: src/ may not include the test harness' % spot)
                    continue
                target = os.path.join(harness_dir, tail)
                if not os.path.isfile(target):
                    problems.append('%s: no such file tests/%s' % (spot, inc))
                    continue
                bad = sorted(needs_of_harness(tail) - may)
                if bad:
                    problems.append('%s: the harness header includes %s, above %s (allowed: %s)'
                                    % (spot, ', '.join(bad), component, ', '.join(sorted(may))))
                continue
            if head not in layers:
                problems.append('%s: "%s" is no component (known: %s)' % (spot, head, ', '.join(sorted(layers))))
                continue
            in_src = os.path.isfile(os.path.join(root, 'src', inc))
            in_tests = where != 'src' and os.path.isfile(os.path.join(root, 'tests', inc))
            if not in_src and not in_tests:
                problems.append('%s: no such file (src/%s)' % (spot, inc))
                continue
            if head not in may:
                problems.append('%s: %s may not include %s (allowed: %s)'
                                % (spot, component, head, ', '.join(sorted(may))))

    extras = declared_extras(root)
    counted = 0
    for path in source_files(root, 'src'):
        parts = rel(path).split(os.sep)
        if len(parts) < 3:
            continue  # src/meson.build level files
        component = parts[1]
        if component not in layers:
            problems.append('%s: src/%s is no component of the layer table' % (rel(path), component))
            continue
        check_file(path, component, allowed[component], 'src')
        counted += 1
    for path in source_files(root, 'tests'):
        parts = rel(path).split(os.sep)
        if len(parts) < 3:
            counted += 1
            check_file(path, 'tests', set(), 'tests')  # tests/main.cpp: the doctest main only
            continue
        component = parts[1]
        if component == HARNESS:
            check_file(path, HARNESS, set(layers), 'harness')
        elif component in layers:
            may = set(allowed[component])
            for extra in extras.get(rel(path), []):
                if extra not in layers:
                    problems.append('%s: tests/meson.build declares the unknown component %s' % (rel(path), extra))
                else:
                    may |= allowed[extra]
            check_file(path, 'tests/' + component, may, 'tests')
        else:
            problems.append('%s: tests/%s mirrors no component of src/' % (rel(path), component))
            continue
        counted += 1
    for top in ('proofs', 'examples'):
        for path in source_files(root, top):
            check_file(path, top, allowed[PROOFS_LINK], 'proofs')
            counted += 1
    return problems, counted


def main(argv):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument('--root', default=os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
    args = parser.parse_args(argv)
    if not os.path.isdir(os.path.join(args.root, 'src')):
        print('check_layers.py: %s has no src/ directory' % args.root, file=sys.stderr)
        return 2
    problems, counted = check(args.root)
    for p in problems:
        print(p)
    if problems:
        print('check_layers.py: %d include(s) against the layer table in %d files' % (len(problems), counted))
        return 1
    print('check_layers.py: %d files of src/, tests/, proofs/ and examples/ follow the layer table' % counted)
    return 0


if __name__ == '__main__':
    sys.exit(main(sys.argv[1:]))
