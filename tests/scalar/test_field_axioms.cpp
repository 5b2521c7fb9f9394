// The field-axiom harness (tests/harness/field_axioms.hpp) on every scalar model: Cyclotomic, its
// rationals, Symbolic and complex<double> (with a tolerance).
#include "harness/field_axioms.hpp"

#include <doctest/doctest.h>

#include <complex>

#include "harness/random.hpp"
#include "harness/scalar_generators.hpp"
#include "scalar/cyclotomic.hpp"
#include "scalar/float.hpp"
#include "scalar/symbolic.hpp"

using cogo::Cyclotomic;
using cogo::Symbolic;
namespace ct = cogo::testing;

TEST_CASE("field axioms: Cyclotomic (edge cases, mixed fields, large coefficients)") {
    ct::FieldModel<Cyclotomic> m{"Cyclotomic", ct::edge_cyclotomic, ct::exact_equal<Cyclotomic>,
                                 [](const Cyclotomic& a) { return a.is_zero(); }};
    ct::check_field_axioms(m, ct::cases(60), 0xF1E1D01);
}

namespace {
/// A random rational, biased to 0, +-1 and a numerator beyond 128 bits.
Cyclotomic edge_rational(std::mt19937_64& g) {
    switch (ct::uniform(g, 0, 4)) {
        case 0: return Cyclotomic(0);
        case 1: return Cyclotomic(ct::uniform(g, 0, 1) ? 1 : -1);
        case 2: return Cyclotomic::rational("-340282366920938463463374607431768211457/3");
        default: return Cyclotomic::rational(ct::uniform(g, -99, 99), ct::uniform(g, 1, 99));
    }
}
}  // namespace

TEST_CASE("field axioms: rationals (Cyclotomic in Q)") {
    ct::FieldModel<Cyclotomic> m{"Rational", edge_rational, ct::exact_equal<Cyclotomic>,
                                 [](const Cyclotomic& a) { return a.is_zero(); }, {1, 2}};
    ct::check_field_axioms(m, ct::cases(60), 0xF1E1D02);
}

TEST_CASE("field axioms: Symbolic (parameters, variables, quotients)") {
    ct::FieldModel<Symbolic> m{"Symbolic", ct::edge_symbolic, ct::exact_equal<Symbolic>,
                               [](const Symbolic& a) { return a.is_zero(); },
                               {1, 2, 3, 4, 5, 6, 8, 12}};
    ct::check_field_axioms(m, ct::cases(25), 0xF1E1D03);
}

TEST_CASE("field axioms: complex<double> (tolerance 1e-6 relative: operands reach 1e7)") {
    ct::FieldModel<std::complex<double>> m{"complex<double>", ct::edge_complex,
                                           [](const std::complex<double>& a, const std::complex<double>& b) {
                                               return ct::near_equal(a, b, 1e-6);
                                           },
                                           [](const std::complex<double>& a) { return std::abs(a) < 1e-9; }};
    ct::check_field_axioms(m, ct::cases(200), 0xF1E1D04);
}
