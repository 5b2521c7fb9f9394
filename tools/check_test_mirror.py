#!/usr/bin/env python3
"""check_test_mirror.py: the tests mirror src/ (the rule the README states), enforced as the meson test
`test_mirror`.

The rule. A unit is a file stem of src/C/ (src/C/X.hpp and/or src/C/X.cpp). Every unit has
* its own test tests/C/test_X.cpp, or
* an entry in COVERED below: the tests (tests/... or proofs/...) that exercise it, each of which must
  #include its header unless the reason starts with "through " (exercised through another unit or the
  executable), and the reason it has no test of its own.
Every tests/C/test_Y.cpp is either the mirror of a unit Y of src/C/ or listed in CROSS_UNIT (a test of
several units, or of one property across units), and is registered in tests/meson.build. An entry of
COVERED for a unit that has its own test, or of either table for a file that does not exist, is an error
too, so the tables stay exact. Prints one line per problem and exits 1 if there is any; 0 otherwise.

Usage: check_test_mirror.py [--root DIR] [--list]   (--list: print every unit and what tests it)
"""
import argparse
import os
import re
import sys

# unit -> (the tests that exercise it, why it has no test of its own)
COVERED = {
    'scalar/arb_raii': (['tests/scalar/test_number_field.cpp', 'tests/analyze/test_algebraic_recognition.cpp'],
                        'through the embeddings (number_field) and refinements (algebraic_recognition) that own Arb balls with it'),
    'analyze/group_domain': (['tests/analyze/test_named_roundtrip.cpp', 'tests/analyze/test_crosscheck_symmetries.cpp'],
                             'the whole-network rounding of z_M, through the round trip of the named constructions'),
    'analyze/polynomial_scalar': (['tests/analyze/test_number_field_blocks.cpp'],
                                  'the conditions as polynomials in the unknowns, through the number-field blocks'),
    'algebra/direct_loss': (['proofs/theorem1.cpp', 'proofs/theorem1_all.cpp'],
                            'the brute-force loss is the reference side of the Theorem 1 proofs'),
    'algebra/random_weights': (['tests/cli/test_theorem1_command.cpp', 'proofs/theorem1_all.cpp'],
                               'the random networks of theorem1, checked through the command'),
    'algebra/semiring': (['tests/algebra/test_element.cpp', 'proofs/ring_laws.cpp'],
                         'the ring operations, with the element and as proved identities'),
    'algebra/symbolic_element': (['proofs/ring_laws.cpp', 'proofs/homomorphism.cpp'],
                                 'generic symbolic elements exist for the proofs'),
    'algebra/transforms': (['tests/algebra/test_real_weights.cpp', 'proofs/theorem1.cpp'],
                           'the Fourier transform, with the real-weight layout'),
    'analyze/assignment': (['tests/analyze/test_crosscheck.cpp'], 'phase 1 of the cross-check'),
    'analyze/factorize': (['tests/analyze/test_classify.cpp'], 'through analyze/classify, which runs it'),
    'analyze/gauge': (['tests/analyze/test_output_solve.cpp'], 'the gauge estimate of the output solve'),
    'analyze/joint_outputs': (['tests/analyze/test_crosscheck.cpp'], 'through the cross-check (bias-cancelling outputs)'),
    'analyze/rounding': (['tests/analyze/test_classify.cpp'], 'the snapping the classifier uses'),
    'analyze/small_order_blocks': (['tests/analyze/test_crosscheck.cpp'], 'through the cross-check (order-3/4 blocks)'),
    'cli/norm_command': (['tests/cli/test_main.cpp'], 'through the executable (`cogo norm`)'),
    'cli/path_command': (['tests/dynamics/test_zero_loss_path.cpp'], 'with the path it reports'),
    'cli/symbol_options': (['tests/cli/test_symbolic_verify.cpp'], 'through `cogo verify --symbol`'),
    'construct/element_cost': (['tests/cli/test_limit_options.cpp', 'tests/construct/test_expression.cpp'],
                               'the cost estimates behind --max-terms / --max-memory'),
    'construct/kill_table': (['tests/cli/test_kills_command.cpp'], 'the tables `cogo kills` prints'),
    'group/character': (['tests/group/test_abelian_group.cpp'], 'the characters of the group'),
    'io/pickle': (['tests/io/test_torch_checkpoint.cpp'], 'the pickle subset of PyTorch checkpoints'),
    'scalar/cyclotomic_flint': (['tests/scalar/test_cyclotomic.cpp'], 'through Cyclotomic (its FLINT access)'),
    'scalar/number_field_flint': (['tests/scalar/test_number_field.cpp'], 'through NumberField (its antic access)'),
    'scalar/scalar': (['tests/scalar/test_field_axioms.cpp'], 'the concepts, checked by the axiom harness'),
    'search/pinning': (['tests/search/test_exact_rounding.cpp'], 'pinning before the exact rounding'),
    'support/error': (['tests/cli/test_exit_codes.cpp'], 'the hierarchy, with the exit codes it maps to'),
    'support/flint_raii': (['tests/scalar/test_number_field.cpp'], 'through NumberField (FLINT RAII wrappers)'),
    'support/interrupt': (['tests/cli/test_main.cpp'], 'through the executable (SIGINT handling)'),
    'support/matrix': (['tests/algebra/test_linear_algebra.cpp'], 'the dense matrix of the linear algebra'),
    'train/kernels_avx2': (['tests/train/test_kernels.cpp'], 'one implementation of train/kernels.hpp'),
    'train/kernels_baseline': (['tests/train/test_kernels.cpp'], 'one implementation of train/kernels.hpp'),
    'train/kernels_impl': (['tests/train/test_kernels.cpp'], 'through train/kernels (code both implementations share)'),
    'train/run_identity': (['tests/train/test_sweep.cpp'], 'the keys of sweep runs'),
    'train/seeded_random': (['tests/train/test_initial_weights.cpp'], 'through the initialisation (its seeded streams)'),
    'verify/certificate_writer': (['tests/verify/test_certificate_roundtrip.cpp'], 'written, then re-checked'),
    'verify/number_field_certificate_checker': (['tests/verify/test_number_field_certificate.cpp'],
                                                'writer and checker of the number-field format together'),
    'verify/number_field_certificate_writer': (['tests/verify/test_number_field_certificate.cpp'],
                                               'writer and checker of the number-field format together'),
    'verify/symbolic_certificate': (['tests/cli/test_symbolic_verify.cpp'], 'through `cogo verify --certificate` and check-cert'),
    'verify/symbolic_certificate_checker': (['tests/cli/test_symbolic_verify.cpp'],
                                            'through check-cert (implements verify/symbolic_certificate.hpp)'),
    'verify/theorem1_patterns': (['proofs/theorem1_all.cpp'], 'the patterns of the Theorem 1 proof'),
}

# tests/C/test_Y.cpp without a unit Y: what they test
CROSS_UNIT = {
    'tests/analyze/test_realfreq_blocks.cpp': 'real-frequency blocks and their bias helpers through the cross-check (block_solve, output_solve)',
    'tests/analyze/test_named_roundtrip.cpp': 'every named construction cross-checked back to PROVED',
    'tests/cli/test_symbolic_reproduces_proofs.cpp': 'the statements of proofs/ as verify --symbol / kills queries',
    'tests/algebra/test_regressions.cpp': 'regressions across the algebra',
    'tests/analyze/test_crosscheck_symmetries.cpp': 'the cross-check under network symmetries',
    'tests/cli/test_check_cert_command.cpp': '`cogo check-cert` (cli/verify_command)',
    'tests/scalar/test_differential.cpp': 'the scalar types against each other',
    'tests/scalar/test_field_axioms.cpp': 'the field axioms of every scalar type',
    'tests/scalar/test_regressions.cpp': 'regressions across the scalars',
    'tests/verify/test_certificate_roundtrip.cpp': 'writer and checker of certificates together',
    'tests/verify/test_global_verification.cpp': 'verify_global_optimum on the named solutions',
    'tests/verify/test_number_field_certificate.cpp': 'number-field certificates, writer and checker',
    'tests/verify/test_partial_certificate.cpp': 'PARTIAL certificates, writer and checker',
}


def names_unit(path, unit):
    """True if the file includes "unit.hpp" (or, for a unit without a header, names the unit)."""
    with open(path, encoding='utf-8') as f:
        text = f.read()
    return ('#include "%s.hpp"' % unit) in text or re.search(r'\b%s\b' % re.escape(unit.split('/')[1]), text)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split('\n')[0])
    parser.add_argument('--root', default=os.path.join(os.path.dirname(os.path.abspath(__file__)), '..'))
    parser.add_argument('--list', action='store_true')
    args = parser.parse_args()
    root = os.path.abspath(args.root)
    problems = []
    with open(os.path.join(root, 'tests', 'meson.build'), encoding='utf-8') as f:
        registered = set(re.findall(r"'([a-z_]+/test_[a-z0-9_]+\.cpp)'", f.read()))

    units = {}
    src = os.path.join(root, 'src')
    for comp in sorted(os.listdir(src)):
        d = os.path.join(src, comp)
        if not os.path.isdir(d):
            continue
        for name in os.listdir(d):
            stem, ext = os.path.splitext(name)
            if ext in ('.hpp', '.cpp'):
                units.setdefault(comp + '/' + stem, set()).add(ext)

    for unit in sorted(units):
        comp, stem = unit.split('/')
        own = os.path.join('tests', comp, 'test_%s.cpp' % stem)
        has_header = '.hpp' in units[unit]
        if os.path.isfile(os.path.join(root, own)):
            if unit in COVERED:
                problems.append('%s: has its own test %s, remove it from COVERED' % (unit, own))
            if args.list:
                print('%-45s %s' % (unit, own))
            continue
        if unit not in COVERED:
            problems.append('%s: no test %s and no entry in COVERED (tools/check_test_mirror.py)' % (unit, own))
            continue
        tests, why = COVERED[unit]
        for t in tests:
            path = os.path.join(root, t)
            if not os.path.isfile(path):
                problems.append('%s: COVERED names %s, which does not exist' % (unit, t))
            elif has_header and not why.startswith('through ') and not names_unit(path, unit):
                problems.append('%s: COVERED names %s, which does not include "%s.hpp"' % (unit, t, unit))
        if args.list:
            print('%-45s %s (%s)' % (unit, ', '.join(tests), why))
    for unit in sorted(set(COVERED) - set(units)):
        problems.append('%s: in COVERED but no such unit in src/' % unit)

    tests_dir = os.path.join(root, 'tests')
    for comp in sorted(os.listdir(tests_dir)):
        d = os.path.join(tests_dir, comp)
        if not os.path.isdir(d) or comp == 'harness':
            continue
        for name in sorted(os.listdir(d)):
            if not (name.startswith('test_') and name.endswith('.cpp')):
                continue
            rel = 'tests/%s/%s' % (comp, name)
            if comp + '/' + name not in registered:
                problems.append('%s: not registered in tests/meson.build' % rel)
            if comp + '/' + name[len('test_'):-len('.cpp')] not in units and rel not in CROSS_UNIT:
                problems.append('%s: mirrors no unit of src/%s/ and is not in CROSS_UNIT' % (rel, comp))
    for rel in sorted(CROSS_UNIT):
        if not os.path.isfile(os.path.join(root, rel)):
            problems.append('%s: in CROSS_UNIT but does not exist' % rel)

    for p in problems:
        print(p)
    own = sum(1 for u in units if u not in COVERED)
    print('check_test_mirror: %d units, %d with their own test, %d covered by others (listed), %d problem(s)'
          % (len(units), own, len(units) - own, len(problems)))
    return 1 if problems else 0


if __name__ == '__main__':
    sys.exit(main())
