#!/usr/bin/python3
"""test_check_layers.py: plants includes in a scratch tree and checks that check_layers.py catches each
upward one (and accepts the downward ones). Exit 0 when every case behaves, 1 otherwise."""
import os
import shutil
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import check_layers  # noqa: E402

TESTS_MESON = """unit_tests = {
  'scalar/thing' : 'scalar/test_thing.cpp',
  'group/group' : 'group/test_group.cpp',
}
unit_test_extra_components = {
  'group/group' : ['algebra'],
}
"""


def tree(files):
    """A scratch checkout holding `files` (path -> text); returns its root."""
    root = tempfile.mkdtemp(prefix='check_layers_')
    for path, text in files.items():
        full = os.path.join(root, path)
        os.makedirs(os.path.dirname(full), exist_ok=True)
        with open(full, 'w') as f:
            f.write(text)
    return root


BASE = {
    'src/support/error.hpp': '#pragma once\n',
    'src/scalar/thing.hpp': '#pragma once\n#include "support/error.hpp"\n#include <vector>\n',
    'src/algebra/element.hpp': '#pragma once\n#include "scalar/thing.hpp"\n',
    'src/cli/main.cpp': '#include "algebra/element.hpp"\n#include "support/error.hpp"\n',
    'tests/harness/random.hpp': '#pragma once\n',
    'tests/harness/random_scalar.hpp': '#pragma once\n#include "harness/random.hpp"\n#include "scalar/thing.hpp"\n',
    'tests/harness/random_element.hpp': '#pragma once\n#include "algebra/element.hpp"\n',
    'tests/scalar/test_thing.cpp': '#include "scalar/thing.hpp"\n#include "harness/random_scalar.hpp"\n',
    'tests/group/test_group.cpp': '#include "algebra/element.hpp"\n',  # declared extra: allowed
    'tests/meson.build': TESTS_MESON,
    'proofs/lemma.cpp': '#include "algebra/element.hpp"\n#include "proof_support.hpp"\n',
}

CASES = [
    # (name, extra files, expected number of violations, a word every message must contain)
    ('clean tree', {}, 0, ''),
    ('src upward include', {'src/scalar/bad.hpp': '#include "algebra/element.hpp"\n'}, 1, 'scalar may not include algebra'),
    ('src includes the harness', {'src/scalar/bad.hpp': '#include "harness/random.hpp"\n'}, 1, 'harness'),
    ('unknown component', {'src/scalar/bad.hpp': '#include "nowhere/x.hpp"\n'}, 1, 'no component'),
    ('missing file', {'src/scalar/bad.hpp': '#include "support/missing.hpp"\n'}, 1, 'no such file'),
    ('test upward include', {'tests/scalar/test_bad.cpp': '#include "cli/main.cpp"\n'}, 1, 'tests/scalar may not include cli'),
    ('test through a harness header', {'tests/scalar/test_bad.cpp': '#include "harness/random_element.hpp"\n'}, 1,
     'the harness header includes algebra'),
    ('proof above verify', {'proofs/bad.cpp': '#include "cli/main.cpp"\n'}, 1, 'proofs may not include cli'),
    ('two violations in one file',
     {'src/support/bad.hpp': '#include "scalar/thing.hpp"\n  #  include "algebra/element.hpp"\n'}, 2, 'support may not include'),
]


def main():
    failures = 0
    for name, extra, expected, word in CASES:
        files = dict(BASE)
        files.update(extra)
        root = tree(files)
        try:
            problems, _ = check_layers.check(root)
        finally:
            shutil.rmtree(root)
        ok = len(problems) == expected and all(word in p for p in problems)
        print('%s: %s (%d violation(s) found, %d expected)' % ('ok' if ok else 'FAILED', name, len(problems), expected))
        for p in problems:
            print('    ' + p)
        failures += not ok
    # the real checkout must be clean as well (the test `layers` says where, if not)
    root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    problems, counted = check_layers.check(root)
    print('%s: this checkout (%d files, %d violation(s))' % ('ok' if not problems else 'FAILED', counted, len(problems)))
    failures += bool(problems)
    print('%d of %d cases failed' % (failures, len(CASES) + 1))
    return 1 if failures else 0


if __name__ == '__main__':
    sys.exit(main())
