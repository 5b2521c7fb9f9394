// Tests for cogo::Cyclotomic (src/scalar/cyclotomic.hpp): field axioms on random elements (same and mixed
// fields), conjugation, inverses, cyclotomic identities, lifts, to_complex against a double evaluation of
// the unreduced input, string round trips and the documented exceptions.
#include <doctest/doctest.h>

#include <climits>
#include <cmath>
#include <complex>
#include <numbers>
#include <numeric>
#include <random>
#include <string>
#include <thread>
#include <vector>

#include "scalar/cyclotomic.hpp"
#include "support/error.hpp"
#include "harness/random.hpp"

using cogo::Cyclotomic;
namespace ct = cogo::testing;

namespace {

const std::vector<unsigned long> kOrders = {1, 3, 4, 5, 8, 12, 15, 21};

/// A random element together with its (unreduced) input, so tests can evaluate it independently.
struct Sample {
    unsigned long N;
    std::vector<long> num;  ///< coefficient numerators, value = sum num[i]/den[i] zeta_N^i
    std::vector<long> den;
    Cyclotomic value;
};

/// Random element of Q(zeta_N): up to 2N coefficients (so reduction mod Phi_N and the fold mod x^N - 1
/// are exercised), small numerators, denominators in 1..6, some coefficients zero.
Sample random_sample(std::mt19937_64& g, unsigned long N) {
    Sample s{N, {}, {}, {}};
    const long len = ct::uniform(g, 1, 2 * static_cast<long>(N));
    std::vector<std::string> text;
    for (long i = 0; i < len; ++i) {
        const long n = ct::uniform(g, 0, 3) == 0 ? 0 : ct::uniform(g, -9, 9);
        const long d = ct::uniform(g, 1, 6);
        s.num.push_back(n);
        s.den.push_back(d);
        text.push_back(std::to_string(n) + "/" + std::to_string(d));
    }
    s.value = Cyclotomic::from_coefficients(N, text);
    return s;
}

Cyclotomic random_element(std::mt19937_64& g, unsigned long N) { return random_sample(g, N).value; }

unsigned long random_order(std::mt19937_64& g) {
    return kOrders[static_cast<std::size_t>(ct::uniform(g, 0, static_cast<long>(kOrders.size()) - 1))];
}

std::complex<double> polar_root(unsigned long N, long k) {
    const long n = static_cast<long>(N);
    const long r = ((k % n) + n) % n;
    return std::polar(1.0, 2.0 * std::numbers::pi * static_cast<double>(r) / static_cast<double>(n));
}

/// Double evaluation of the unreduced input of a sample, and the scale sum |c_i| for a relative bound.
std::complex<double> evaluate(const Sample& s, double* scale) {
    std::complex<double> z = 0.0;
    double sc = 0.0;
    for (std::size_t i = 0; i < s.num.size(); ++i) {
        const double c = static_cast<double>(s.num[i]) / static_cast<double>(s.den[i]);
        z += c * polar_root(s.N, static_cast<long>(i));
        sc += std::abs(c);
    }
    *scale = sc;
    return z;
}

bool close(std::complex<double> a, std::complex<double> b, double scale, double rel = 1e-12) {
    return std::abs(a - b) <= rel * std::max(scale, 1.0);
}

}  // namespace

TEST_CASE("cyclotomic: basic values and canonical form") {
    CHECK(Cyclotomic().is_zero());
    CHECK(Cyclotomic().field_order() == 1);
    CHECK(Cyclotomic(0).is_zero());
    CHECK_FALSE(Cyclotomic(3).is_zero());
    CHECK(Cyclotomic(3) == Cyclotomic::rational(6, 2));
    CHECK(Cyclotomic::rational(-4, -6) == Cyclotomic::rational(2, 3));
    CHECK(Cyclotomic::rational(4, -6) == Cyclotomic::rational(-2, 3));
    CHECK(Cyclotomic::rational(4, -6).coefficients() == std::vector<std::string>{"-2/3"});
    CHECK(Cyclotomic::rational("-10/4") == Cyclotomic::rational(-5, 2));
    CHECK(Cyclotomic::rational("+7") == Cyclotomic(7));
    CHECK(Cyclotomic::rational(LONG_MIN, -1).coefficients() == std::vector<std::string>{"9223372036854775808"});
    const std::string big = "123456789012345678901234567890/987654321098765432109876543211";
    CHECK(Cyclotomic::rational(big).coefficients() == std::vector<std::string>{big});
    CHECK(Cyclotomic::zeta(7).field_order() == 7);
    CHECK(Cyclotomic::zeta(7).coefficients() == std::vector<std::string>{"0", "1"});
    CHECK(Cyclotomic().coefficients().empty());
    // the default constructor is the zero of Q, equal to the zero of any field
    CHECK(Cyclotomic() == Cyclotomic::zeta(5) - Cyclotomic::zeta(5));
    CHECK((Cyclotomic::zeta(5) - Cyclotomic::zeta(5)).coefficients().empty());
}

TEST_CASE("cyclotomic: identities between roots of unity") {
    const Cyclotomic one(1);
    CHECK(Cyclotomic::zeta(6) == -(Cyclotomic::zeta(3) * Cyclotomic::zeta(3)));
    CHECK(Cyclotomic::zeta(4) * Cyclotomic::zeta(4) == Cyclotomic(-1));
    CHECK(Cyclotomic::zeta(8) * Cyclotomic::zeta(8) == Cyclotomic::zeta(4));
    CHECK(Cyclotomic::zeta(2) == Cyclotomic(-1));
    CHECK(Cyclotomic::zeta(1) == one);
    CHECK(one + Cyclotomic::zeta(3) + Cyclotomic::zeta(3, 2) == Cyclotomic(0));
    CHECK((one + Cyclotomic::zeta(3) + Cyclotomic::zeta(3, 2)).is_zero());
    const Cyclotomic s = Cyclotomic::zeta(8) + Cyclotomic::zeta(8, -1);
    CHECK(s * s == Cyclotomic(2));
    CHECK(s.is_real());
    CHECK_FALSE(s.is_rational());
    CHECK((s * s).is_rational());
    // golden ratio: (zeta5 + zeta5^-1)^2 + (zeta5 + zeta5^-1) - 1 = 0
    const Cyclotomic t = Cyclotomic::zeta(5) + Cyclotomic::zeta(5, 4);
    CHECK(t * t + t - one == Cyclotomic(0));
    // i * i = -1 across fields: zeta(12)^3 is zeta(4)
    CHECK(Cyclotomic::zeta(12, 3) == Cyclotomic::zeta(4));
    CHECK(Cyclotomic::zeta(12, 4) == Cyclotomic::zeta(3));
    for (unsigned long N : {1UL, 2UL, 3UL, 4UL, 5UL, 6UL, 7UL, 8UL, 9UL, 12UL, 15UL, 16UL, 30UL, 105UL, 210UL}) {
        CAPTURE(N);
        Cyclotomic sum;
        for (unsigned long k = 0; k < N; ++k) sum += Cyclotomic::zeta(N, static_cast<long>(k));
        if (N == 1)
            CHECK(sum == one);
        else
            CHECK(sum.is_zero());
        // zeta^N = 1 and zeta^k has multiplicative order N
        Cyclotomic power(1);
        for (unsigned long k = 1; k <= N; ++k) {
            power *= Cyclotomic::zeta(N);
            if (k < N) CHECK_FALSE(power == one);
        }
        CHECK(power == one);
        // negative k and k >= N
        for (long k : {-1L, -2L, -static_cast<long>(N), -3 * static_cast<long>(N) - 1, static_cast<long>(N),
                       static_cast<long>(N) + 1, 5 * static_cast<long>(N) + 2, LONG_MIN, LONG_MAX}) {
            CAPTURE(k);
            const long n = static_cast<long>(N);
            CHECK(Cyclotomic::zeta(N, k) == Cyclotomic::zeta(N, ((k % n) + n) % n));
            CHECK(Cyclotomic::zeta(N, k) * Cyclotomic::zeta(N, -(k % n)) == one);
        }
    }
}

TEST_CASE("cyclotomic: field axioms on random elements of one field") {
    auto g = ct::rng(101);
    for (unsigned long N : kOrders) {
        CAPTURE(N);
        for (int rep = 0; rep < ct::cases(6); ++rep) {
            const Cyclotomic a = random_element(g, N), b = random_element(g, N), c = random_element(g, N);
            CHECK(a.field_order() == N);
            CHECK(a + b == b + a);
            CHECK(a * b == b * a);
            CHECK((a + b) + c == a + (b + c));
            CHECK((a * b) * c == a * (b * c));
            CHECK(a * (b + c) == a * b + a * c);
            CHECK(a + Cyclotomic(0) == a);
            CHECK(a * Cyclotomic(1) == a);
            CHECK((a - a).is_zero());
            CHECK(a + (-a) == Cyclotomic(0));
            CHECK(a - b == a + (-b));
            CHECK(-(-a) == a);
            CHECK((a * Cyclotomic(0)).is_zero());
            if (!a.is_zero()) {
                CHECK(a * a.inverse() == Cyclotomic(1));
                CHECK(a.inverse().inverse() == a);
                CHECK((b / a) * a == b);
                if (!b.is_zero()) CHECK((a * b).inverse() == a.inverse() * b.inverse());
            }
            // canonical form: at most phi(N) coefficients, last one nonzero
            const auto co = a.coefficients();
            if (!co.empty()) CHECK(co.back() != "0");
        }
    }
}

TEST_CASE("cyclotomic: field axioms with mixed fields lift to the lcm") {
    auto g = ct::rng(202);
    for (int rep = 0; rep < ct::cases(40); ++rep) {
        const unsigned long N1 = random_order(g), N2 = random_order(g), N3 = random_order(g);
        CAPTURE(N1);
        CAPTURE(N2);
        CAPTURE(N3);
        const Cyclotomic a = random_element(g, N1), b = random_element(g, N2), c = random_element(g, N3);
        CHECK((a + b).field_order() == std::lcm(N1, N2));
        CHECK((a * b).field_order() == std::lcm(N1, N2));
        CHECK(a + b == b + a);
        CHECK(a * b == b * a);
        CHECK((a + b) + c == a + (b + c));
        CHECK((a * b) * c == a * (b * c));
        CHECK(a * (b + c) == a * b + a * c);
        CHECK((a + b) - b == a);
        const unsigned long M = std::lcm(std::lcm(N1, N2), N3);
        CHECK(a.lift(M) * b.lift(M) == a * b);
        CHECK((a.lift(M) * b.lift(M)).field_order() == M);
        if (!b.is_zero()) {
            CHECK((a / b) * b == a);
            CHECK(b * b.inverse() == Cyclotomic(1));
        }
        // the product evaluates to the product of the evaluations
        const std::complex<double> za = a.to_complex(), zb = b.to_complex(), zab = (a * b).to_complex();
        CHECK(std::abs(zab - za * zb) <= 1e-9 * std::max(1.0, std::abs(za) * std::abs(zb)));
    }
}

TEST_CASE("cyclotomic: conj is an involutive field automorphism") {
    auto g = ct::rng(303);
    for (int rep = 0; rep < ct::cases(40); ++rep) {
        const unsigned long N1 = random_order(g), N2 = random_order(g);
        CAPTURE(N1);
        CAPTURE(N2);
        const Cyclotomic a = random_element(g, N1), b = random_element(g, N2);
        CHECK(a.conj().conj() == a);
        CHECK(a.conj().field_order() == N1);
        CHECK((a + b).conj() == a.conj() + b.conj());
        CHECK((a * b).conj() == a.conj() * b.conj());
        CHECK((-a).conj() == -a.conj());
        if (!a.is_zero()) CHECK(a.inverse().conj() == a.conj().inverse());
        // a + conj a is real, a * conj a is real, a - conj a is real only if zero
        CHECK((a + a.conj()).is_real());
        CHECK((a * a.conj()).is_real());
        CHECK((a - a.conj()).is_real() == (a - a.conj()).is_zero());
        CHECK(a.is_real() == (a == a.conj()));
        // numeric agreement
        const std::complex<double> z = a.to_complex(), zc = a.conj().to_complex();
        CHECK(std::abs(zc - std::conj(z)) <= 1e-12 * std::max(1.0, std::abs(z)) + 1e-12);
    }
    for (unsigned long N : kOrders) {
        for (long k = -3; k < static_cast<long>(N) + 3; ++k) {
            CAPTURE(N);
            CAPTURE(k);
            CHECK(Cyclotomic::zeta(N, k).conj() == Cyclotomic::zeta(N, -k));
            CHECK(Cyclotomic::zeta(N, k).conj() * Cyclotomic::zeta(N, k) == Cyclotomic(1));
        }
    }
    CHECK(Cyclotomic::zeta(4).is_real() == false);
    CHECK(Cyclotomic::zeta(2).is_real());
    CHECK(Cyclotomic::rational(3, 7).is_real());
    CHECK((Cyclotomic::zeta(12) + Cyclotomic::zeta(12, 11)).is_real());
}

TEST_CASE("cyclotomic: lifts") {
    auto g = ct::rng(404);
    for (int rep = 0; rep < ct::cases(30); ++rep) {
        const unsigned long N = random_order(g);
        const unsigned long f = static_cast<unsigned long>(ct::uniform(g, 1, 12));
        CAPTURE(N);
        CAPTURE(f);
        const Sample s = random_sample(g, N);
        const Cyclotomic l = s.value.lift(N * f);
        CHECK(l.field_order() == N * f);
        CHECK(l == s.value);
        CHECK(s.value == l);
        CHECK(l.lift(N * f * 2) == s.value);
        // the lifted element evaluates the same
        double scale = 0.0;
        const std::complex<double> z = evaluate(s, &scale);
        CHECK(close(l.to_complex(), z, scale));
        // round trip: lifting zeta_N^k gives zeta_{Nf}^{kf}
        const long k = ct::uniform(g, -20, 20);
        CHECK(Cyclotomic::zeta(N, k).lift(N * f) == Cyclotomic::zeta(N * f, k * static_cast<long>(f)));
        // a lifted rational stays rational, a genuine element of the subfield does not look rational
        CHECK(Cyclotomic::rational(5, 3).lift(N * f).is_rational());
        CHECK(l.is_rational() == s.value.is_rational());
        // lifted coefficients read back into the big field give the same value
        CHECK(Cyclotomic::from_coefficients(N * f, l.coefficients()) == s.value);
    }
    CHECK(Cyclotomic::zeta(5).lift(5) == Cyclotomic::zeta(5));
    CHECK(Cyclotomic::zeta(5).lift(5).field_order() == 5);
    // unequal elements of different fields
    CHECK_FALSE(Cyclotomic::zeta(3) == Cyclotomic::zeta(4));
    CHECK_FALSE(Cyclotomic::zeta(3) == Cyclotomic(1));
    CHECK_FALSE(Cyclotomic(1) == Cyclotomic::zeta(5));
    CHECK(Cyclotomic::zeta(4, 2) == Cyclotomic::zeta(6, 3));
}

TEST_CASE("cyclotomic: to_complex") {
    for (unsigned long N : {1UL, 2UL, 3UL, 4UL, 5UL, 7UL, 8UL, 12UL, 15UL, 21UL, 60UL, 97UL, 360UL}) {
        for (long k = -2 * static_cast<long>(N); k <= 2 * static_cast<long>(N); k += std::max(1L, static_cast<long>(N) / 7)) {
            CAPTURE(N);
            CAPTURE(k);
            CHECK(std::abs(Cyclotomic::zeta(N, k).to_complex() - polar_root(N, k)) <= 1e-13);
        }
    }
    CHECK(Cyclotomic::rational(-5, 3).to_complex() == std::complex<double>(-5.0 / 3.0, 0.0));
    CHECK(Cyclotomic().to_complex() == std::complex<double>(0.0, 0.0));
    // huge numerator and denominator: no overflow, ratio correct
    const std::string huge_num = "1" + std::string(400, '0');
    const std::string huge_den = "3" + std::string(400, '0');
    CHECK(std::abs(Cyclotomic::rational(huge_num + "/" + huge_den).to_complex().real() - 1.0 / 3.0) <= 1e-15);
    CHECK(std::abs(Cyclotomic::from_coefficients(4, {"0", huge_num + "/" + huge_den}).to_complex() -
                   std::complex<double>(0.0, 1.0 / 3.0)) <= 1e-15);
    auto g = ct::rng(505);
    for (int rep = 0; rep < ct::cases(60); ++rep) {
        const unsigned long N = random_order(g);
        CAPTURE(N);
        const Sample s = random_sample(g, N);
        double scale = 0.0;
        const std::complex<double> z = evaluate(s, &scale);
        CHECK(close(s.value.to_complex(), z, scale));
    }
}

TEST_CASE("cyclotomic: coefficients and from_coefficients round trip") {
    auto g = ct::rng(606);
    for (int rep = 0; rep < ct::cases(40); ++rep) {
        const unsigned long N = random_order(g);
        CAPTURE(N);
        const Cyclotomic a = random_element(g, N);
        const auto co = a.coefficients();
        const Cyclotomic b = Cyclotomic::from_coefficients(N, co);
        CHECK(b == a);
        CHECK(b.coefficients() == co);
        CHECK(static_cast<long>(co.size()) <= static_cast<long>(N));
    }
    CHECK(Cyclotomic::from_coefficients(12, {}).is_zero());
    CHECK(Cyclotomic::from_coefficients(12, {"0", "0"}).is_zero());
    // x^2 + x + 1 = 0 in Q(zeta_3)
    CHECK(Cyclotomic::from_coefficients(3, {"1", "1", "1"}).is_zero());
    CHECK(Cyclotomic::from_coefficients(3, {"2/4", "-3/6"}).coefficients() == std::vector<std::string>{"1/2", "-1/2"});
    // very long input folds mod x^N - 1
    std::vector<std::string> many(1000, "1");
    CHECK(Cyclotomic::from_coefficients(5, many).is_zero());  // 200 * (1 + z + ... + z^4) = 0
    many.push_back("7");                                       // + 7 z^1000 = 7
    CHECK(Cyclotomic::from_coefficients(5, many) == Cyclotomic(7));
}

TEST_CASE("cyclotomic: to_string") {
    CHECK(Cyclotomic().to_string() == "0");
    CHECK(Cyclotomic::rational(-5, 3).to_string() == "-5/3");
    CHECK((Cyclotomic::rational(1, 2) + Cyclotomic(3) * Cyclotomic::zeta(12, 2)).to_string() ==
          "1/2 + 3*z12^2 (z12 = zeta_12)");
    CHECK(Cyclotomic::zeta(5).to_string() == "z5 (z5 = zeta_5)");
    CHECK((-Cyclotomic::zeta(5) - Cyclotomic::rational(2, 3) * Cyclotomic::zeta(5, 3)).to_string() ==
          "-z5 - 2/3*z5^3 (z5 = zeta_5)");
    CHECK((Cyclotomic::zeta(4) * Cyclotomic::zeta(4)).to_string() == "-1");
}

TEST_CASE("cyclotomic: errors throw the documented exception types") {
    CHECK_THROWS_AS(Cyclotomic::rational(1, 0), cogo::DivisionByZero);
    CHECK_THROWS_AS(Cyclotomic().inverse(), cogo::DivisionByZero);
    CHECK_THROWS_AS((Cyclotomic::zeta(5) - Cyclotomic::zeta(5)).inverse(), cogo::DivisionByZero);
    CHECK_THROWS_AS(Cyclotomic::zeta(3) / Cyclotomic(0), cogo::DivisionByZero);
    CHECK_THROWS_AS(Cyclotomic(1) / (Cyclotomic(1) + Cyclotomic::zeta(3) + Cyclotomic::zeta(3, 2)),
                    cogo::DivisionByZero);
    for (const std::string bad : {"", "-", "+", "abc", "1/", "/2", "1/0", "-3/00", "1.5", " 1", "1 ", "1 2", "--1",
                                  "0x10", "1/-2", "1/+2", "1//2", "1/2/3", "١", "1e5"}) {
        CAPTURE(bad);
        CHECK_THROWS_AS(Cyclotomic::rational(bad), cogo::InvalidInput);
        CHECK_THROWS_AS(Cyclotomic::from_coefficients(7, {"1", bad}), cogo::InvalidInput);
    }
    CHECK_THROWS_AS(Cyclotomic::from_coefficients(0, {"1"}), cogo::InvalidInput);
    // a field beyond max_field_order is a resource limit (exit code 3), not bad input
    CHECK_THROWS_AS(Cyclotomic::from_coefficients(Cyclotomic::max_field_order + 1, {"1"}), cogo::FieldTooLarge);
    CHECK_THROWS_AS(Cyclotomic::zeta(0), cogo::InvalidInput);
    CHECK_THROWS_AS(Cyclotomic::zeta(Cyclotomic::max_field_order + 1), cogo::FieldTooLarge);
    CHECK_THROWS_AS(Cyclotomic::zeta(3).lift(5), cogo::FieldMismatch);
    CHECK_THROWS_AS(Cyclotomic::zeta(4).lift(6), cogo::FieldMismatch);
    CHECK_THROWS_AS(Cyclotomic::zeta(3).lift(0), cogo::FieldMismatch);
    CHECK_THROWS_AS(Cyclotomic::zeta(3).lift(3 * Cyclotomic::max_field_order), cogo::FieldTooLarge);
    // lcm(1024, 1025) = 1049600 > 2^20: refused for every binary operation and for ==
    const Cyclotomic a = Cyclotomic::zeta(1024), b = Cyclotomic::zeta(1025);
    CHECK(std::lcm(1024UL, 1025UL) > Cyclotomic::max_field_order);
    CHECK_THROWS_AS(a + b, cogo::FieldTooLarge);
    CHECK_THROWS_AS(a - b, cogo::FieldTooLarge);
    CHECK_THROWS_AS(a * b, cogo::FieldTooLarge);
    CHECK_THROWS_AS(a / b, cogo::FieldTooLarge);
    CHECK_THROWS_AS(static_cast<void>(a == b), cogo::FieldTooLarge);
    // FieldTooLarge is a ResourceLimit (exit code 3); FieldMismatch (no embedding) stays an InvalidInput
    CHECK_THROWS_AS(a * b, cogo::ResourceLimit);
    CHECK_THROWS_AS(Cyclotomic::zeta(3).lift(5), cogo::InvalidInput);
    // rationals mix with anything, however large the field
    CHECK((a * Cyclotomic(2)).field_order() == 1024);
    CHECK_FALSE(a == Cyclotomic(2));
}

TEST_CASE("cyclotomic: values are immutable and copies are independent") {
    Cyclotomic a = Cyclotomic::zeta(7);
    const Cyclotomic b = a;
    a += Cyclotomic(1);
    CHECK(b == Cyclotomic::zeta(7));
    CHECK(a == Cyclotomic::zeta(7) + Cyclotomic(1));
    a *= a;
    CHECK(b == Cyclotomic::zeta(7));
    Cyclotomic moved = std::move(a);
    CHECK(moved == (Cyclotomic::zeta(7) + Cyclotomic(1)) * (Cyclotomic::zeta(7) + Cyclotomic(1)));
    a = b;  // reassigning a moved-from value works
    CHECK(a == b);
}

TEST_CASE("cyclotomic: a larger field (N = 3003, phi = 1440)") {
    auto g = ct::rng(707);
    const unsigned long N = 3003;
    std::vector<std::string> ca, cb;
    for (int i = 0; i < 1440; ++i) {
        ca.push_back(std::to_string(ct::uniform(g, -50, 50)));
        cb.push_back(std::to_string(ct::uniform(g, -50, 50)) + "/" + std::to_string(ct::uniform(g, 1, 4)));
    }
    const Cyclotomic a = Cyclotomic::from_coefficients(N, ca), b = Cyclotomic::from_coefficients(N, cb);
    CHECK(a.coefficients().size() == 1440);
    const Cyclotomic p = a * b;
    CHECK(p == b * a);
    CHECK(p.coefficients().size() <= 1440);
    const std::complex<double> za = a.to_complex(), zb = b.to_complex();
    CHECK(std::abs(p.to_complex() - za * zb) <= 1e-10 * std::max(1.0, std::abs(za) * std::abs(zb)) + 1e-8);
    CHECK(a.conj().conj() == a);
    CHECK((a * b).conj() == a.conj() * b.conj());
    CHECK(Cyclotomic::zeta(N, 2000) * Cyclotomic::zeta(N, 1003) == Cyclotomic(1));
    CHECK(std::abs(Cyclotomic::zeta(N, 1500).to_complex() - polar_root(N, 1500)) <= 1e-13);
}

TEST_CASE("cyclotomic: concurrent use builds each field once and computes the same values") {
    // fields not used elsewhere in this file, first touched from several threads at once
    const std::vector<unsigned long> orders = {4001, 4002, 4003, 4004};
    constexpr int threads = 4;
    std::vector<std::vector<std::string>> results(threads);
    std::vector<std::thread> pool;
    for (int t = 0; t < threads; ++t) {
        pool.emplace_back([&, t] {
            std::vector<std::string> out;
            for (unsigned long N : orders) {
                const Cyclotomic a = Cyclotomic::zeta(N, 17) + Cyclotomic::rational(1, 3);
                const Cyclotomic b = (a * a.conj()) * Cyclotomic::zeta(N, -5);
                out.push_back(b.to_string());
                out.push_back(std::to_string(std::abs(b.to_complex() - (a.to_complex() * std::conj(a.to_complex())) *
                                                                          polar_root(N, -5)) < 1e-12));
            }
            results[static_cast<std::size_t>(t)] = out;
        });
    }
    for (auto& th : pool) th.join();
    for (int t = 1; t < threads; ++t) CHECK(results[static_cast<std::size_t>(t)] == results[0]);
    for (std::size_t i = 1; i < results[0].size(); i += 2) CHECK(results[0][i] == "1");
}
