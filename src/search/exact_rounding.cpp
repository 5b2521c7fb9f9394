/// \file exact_rounding.cpp
/// Gauge fixing, recognition, exact outputs and exact verification of a numerical candidate
/// (see exact_rounding.hpp).
#include "search/exact_rounding.hpp"

#include <algorithm>
#include <cmath>
#include <numbers>
#include <vector>

#include "analyze/output_solve.hpp"
#include "support/error.hpp"
#include "verify/certificate_checker.hpp"
#include "verify/certificate_writer.hpp"
#include "verify/verify.hpp"

namespace cogo::search {
namespace {

/// The best p/den approximation of x with den <= max_den within tol (smallest den), if any.
std::optional<std::pair<long, long>> rational_near(double x, double tol, long max_den) {
    for (long den = 1; den <= max_den; ++den) {
        const double p = std::round(x * static_cast<double>(den));
        if (std::abs(p) > 1e9) return std::nullopt;
        if (std::abs(x - p / static_cast<double>(den)) < tol) return std::make_pair(static_cast<long>(p), den);
    }
    return std::nullopt;
}

}  // namespace

Recognizer cyclotomic_recognizer(unsigned long field_order, long max_den) {
    return [field_order, max_den](std::complex<double> v, double tol) -> std::optional<Cyclotomic> {
        if (std::abs(v) < tol) return Cyclotomic{};
        // r zeta_N^e
        const double turns = std::arg(v) / (2 * std::numbers::pi) * static_cast<double>(field_order);
        const double e = std::round(turns);
        if (std::abs(turns - e) * 2 * std::numbers::pi / static_cast<double>(field_order) * std::abs(v) < tol)
            if (const auto r = rational_near(std::abs(v), tol, max_den)) {
                const Cyclotomic value = Cyclotomic::rational(r->first, r->second) *
                                         Cyclotomic::zeta(field_order, static_cast<long>(e));
                if (std::abs(value.to_complex() - v) < tol) return value;
            }
        // x + i y
        const auto x = rational_near(v.real(), tol, max_den), y = rational_near(v.imag(), tol, max_den);
        if (x && y) {
            const Cyclotomic value = Cyclotomic::rational(x->first, x->second) +
                                     Cyclotomic::rational(y->first, y->second) * Cyclotomic::zeta(4, 1);
            if (std::abs(value.to_complex() - v) < tol) return value;
        }
        return std::nullopt;
    };
}

namespace {

RoundingResult round_once(const AbelianGroup& g, const FloatNetwork& w, const Recognizer& recognize, double tolerance,
                          const std::string& statement, bool normalize) {
    RoundingResult out;
    const std::size_t n = g.order(), q = w.q;
    const double E = static_cast<double>(g.exponent());
    auto chi = [&](std::size_t k, std::size_t x) {
        const double t = 2 * std::numbers::pi * static_cast<double>(g.pairing(k, x)) / E;
        return std::complex<double>(std::cos(t), std::sin(t));
    };
    // 1. Fourier rows (docs/theory.md section 2) and gauge fixing
    std::vector<Node<Cyclotomic>> nodes;
    std::vector<std::vector<std::complex<double>>> trained;
    out.max_snap_error = 0;
    for (std::size_t j = 0; j < q; ++j) {
        std::vector<std::complex<double>> a(n), b(n), c(n);
        for (std::size_t k = 0; k < n; ++k) {
            for (std::size_t x = 0; x < n; ++x) {
                a[k] += w.wa[j * n + x] * std::conj(chi(k, x));
                b[k] += w.wb[j * n + x] * std::conj(chi(k, x));
                c[k] += w.v[x * q + j] * chi(k, x);
            }
            a[k] /= static_cast<double>(n);
            b[k] /= static_cast<double>(n);
            c[k] *= 2.0;
        }
        a[0] += b[0];  // shift gauge: only z_a[0] + z_b[0] matters
        b[0] = 0;
        double big = 0;
        for (std::size_t k = 0; k < n; ++k) big = std::max({big, std::abs(a[k]), std::abs(b[k])});
        if (big < 1e-9) continue;  // a dead node: its pre-activation is 0
        if (!normalize) big = 1;
        for (std::size_t k = 0; k < n; ++k) {
            a[k] /= big;
            b[k] /= big;
            c[k] *= big * big;
        }
        double cmax = 0;
        for (std::size_t k = 1; k < n; ++k) cmax = std::max(cmax, std::abs(c[k]));
        if (cmax < 1e-9) continue;  // no output weight at any k != 0: the node does not enter the loss
        // 2. recognition, conjugate symmetric
        Node<Cyclotomic> node;
        for (auto [row, src] : {std::pair{&node.a, &a}, std::pair{&node.b, &b}}) {
            std::vector<std::optional<Cyclotomic>> exact(n);
            for (std::size_t k = 0; k < n; ++k) {
                const std::size_t mk = g.neg(k);
                if (mk < k) continue;
                const auto v = recognize((*src)[k], tolerance);
                if (!v) {
                    out.failure = "node " + std::to_string(j) + ": the input entry at frequency " + std::to_string(k) +
                                  " (" + std::to_string((*src)[k].real()) + " + " + std::to_string((*src)[k].imag()) +
                                  " i) is not recognised";
                    out.reason = UnknownReason::not_recognised;
                    return out;
                }
                if (mk == k && !(conj(*v) == *v)) {
                    out.failure = "node " + std::to_string(j) + ": the entry at the real frequency " + std::to_string(k) +
                                  " was recognised as a non-real value";
                    out.reason = UnknownReason::not_recognised;
                    return out;
                }
                out.max_snap_error = std::max(out.max_snap_error, std::abs(v->to_complex() - (*src)[k]));
                exact[k] = *v;
                exact[mk] = conj(*v);
            }
            for (std::size_t k = 0; k < n; ++k)
                if (!is_zero(*exact[k])) row->emplace_back(k, *exact[k]);
        }
        nodes.push_back(std::move(node));
        trained.push_back(std::move(c));
    }
    if (nodes.empty()) {
        out.failure = "no live node";
        out.reason = UnknownReason::not_recognised;
        return out;
    }
    // 3. exact outputs
    const OutputSolution sol = solve_outputs(Element<Cyclotomic>(g), nodes, trained, 0.05);
    if (!sol.failure.empty()) {
        out.failure = "exact output solve: " + sol.failure;
        out.reason = UnknownReason::not_rounded;
        return out;
    }
    for (std::size_t j = 0; j < nodes.size(); ++j) nodes[j].c = sol.c[j];
    const Element<Cyclotomic> z(g, std::move(nodes));
    // 4. exact verification and the independent certificate check
    const VerificationResult<Cyclotomic> result = verify_global_optimum(z);
    if (result.verdict != Verdict::proved) {
        out.failure = std::string("exact verification: ") + (result.verdict == Verdict::refuted ? "REFUTED" : "UNKNOWN") +
                      (result.reason.empty() ? "" : " (" + result.reason + ")");
        out.reason = result.verdict == Verdict::refuted ? UnknownReason::condition_fails : result.unknown_reason;
        return out;
    }
    std::string text = certificate_text(z, result, statement);
    const CertificateCheck check = check_certificate(text);
    if (!check.accepted() || check.certified != Verdict::proved) {
        out.failure = std::string("the certificate checker did not accept the certificate as PROVED: ") +
                      check_status_name(check.status) + " " + verdict_name(check.certified) + " (" + check.reason + ")";
        out.reason = check.status == CheckStatus::limit ? UnknownReason::work_limit : UnknownReason::not_decided;
        return out;
    }
    out.proved = true;
    out.element = z;
    out.certificate = std::move(text);
    return out;
}

}  // namespace

RoundingResult round_candidate(const AbelianGroup& g, const FloatNetwork& w, const Recognizer& recognize,
                               double tolerance, const std::string& statement) {
    // as given first (a pinned network is already in a recognisable gauge), then with every node scaled so
    // that its largest input entry has modulus 1
    RoundingResult first = round_once(g, w, recognize, tolerance, statement, false);
    if (first.proved) return first;
    RoundingResult second = round_once(g, w, recognize, tolerance, statement, true);
    if (second.proved) return second;
    second.failure = "as given: " + first.failure + "; normalised: " + second.failure;
    return second;
}

}  // namespace cogo::search
