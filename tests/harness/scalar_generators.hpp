#pragma once
/// \file scalar_generators.hpp
/// Random scalars biased to edge cases, for the field-axiom harness and the differential tests:
/// 0, 1, -1, roots of unity, large coefficients (beyond 64 bits, numerator and denominator), and sums of
/// roots of unity of different orders (so operations mix fields and lift to the lcm).
#include <complex>
#include <random>
#include <string>

#include "harness/random.hpp"
#include "scalar/cyclotomic.hpp"
#include "scalar/symbolic.hpp"

namespace cogo::testing {

/// Field orders mixed by the generators (lcm 120 at most, so products stay fast).
inline constexpr unsigned long mixed_orders[] = {1, 2, 3, 4, 5, 6, 8, 12};

/// A random order from mixed_orders.
inline unsigned long random_order(std::mt19937_64& g) {
    return mixed_orders[uniform(g, 0, static_cast<long>(std::size(mixed_orders)) - 1)];
}

/// A random exact cyclotomic number, biased to edge cases.
inline Cyclotomic edge_cyclotomic(std::mt19937_64& g) {
    switch (uniform(g, 0, 9)) {
        case 0: return Cyclotomic(0);
        case 1: return Cyclotomic(1);
        case 2: return Cyclotomic(-1);
        case 3: {
            const unsigned long N = random_order(g);
            return Cyclotomic::zeta(N, uniform(g, -static_cast<long>(N), 2 * static_cast<long>(N)));
        }
        case 4:  // coefficients beyond 64 bits
            return Cyclotomic::rational(std::string(uniform(g, 0, 1) ? "-" : "") +
                                        "1234567890123456789012345678901/98765432109876543210987") *
                   Cyclotomic::zeta(random_order(g), uniform(g, 0, 11));
        case 5: return Cyclotomic::rational(uniform(g, -9, 9), uniform(g, 1, 9));
        default: {  // sum of roots of unity of mixed orders
            Cyclotomic s;
            const long terms = uniform(g, 1, 4);
            for (long t = 0; t < terms; ++t)
                s += Cyclotomic::rational(uniform(g, -5, 5), uniform(g, 1, 4)) *
                     Cyclotomic::zeta(random_order(g), uniform(g, 0, 11));
            return s;
        }
    }
}

/// A random symbolic value, biased to edge cases: constants from edge_cyclotomic, unit parameters,
/// complex variables and their conjugates, a real variable, short sums and products, and quotients by
/// sums (which take the rational-function path of the zero test).
inline Symbolic edge_symbolic(std::mt19937_64& g) {
    auto atom = [&]() -> Symbolic {
        switch (uniform(g, 0, 6)) {
            case 0: return Symbolic::unit_modulus("u");
            case 1: return Symbolic::unit_modulus("u").conj();
            case 2: return Symbolic::complex_variable("x");
            case 3: return Symbolic::complex_variable("x").conj();
            case 4: return Symbolic::real_variable("t");
            default: return Symbolic::from_cyclotomic(edge_cyclotomic(g));
        }
    };
    switch (uniform(g, 0, 7)) {
        case 0: return Symbolic(0);
        case 1: return Symbolic(1);
        case 2: return Symbolic(-1);
        case 3: return atom() + atom();
        case 4: return atom() * atom();
        case 5: {  // a quotient by a sum that is never zero: 2 + u (|u| = 1)
            return atom() / (Symbolic(2) + Symbolic::unit_modulus("u"));
        }
        default: return atom();
    }
}

/// A random complex<double>, biased to edge cases (0, +-1, roots of unity, large and small moduli).
inline std::complex<double> edge_complex(std::mt19937_64& g) {
    switch (uniform(g, 0, 7)) {
        case 0: return 0.0;
        case 1: return 1.0;
        case 2: return -1.0;
        case 3: return std::polar(1.0, 2.0 * 3.141592653589793 * static_cast<double>(uniform(g, 0, 11)) / 12.0);
        case 4: return {1e6 * static_cast<double>(uniform(g, -9, 9)), static_cast<double>(uniform(g, -9, 9))};
        default: {
            std::uniform_real_distribution<double> u(-3.0, 3.0);
            return {u(g), u(g)};
        }
    }
}

}  // namespace cogo::testing
