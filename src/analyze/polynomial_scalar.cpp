#include "analyze/polynomial_scalar.hpp"

#include <cmath>
#include <limits>
#include <sstream>

#include "support/error.hpp"

namespace cogo::analyze {

namespace {

void trim(std::vector<unsigned>& e) {
    while (!e.empty() && e.back() == 0) e.pop_back();
}

void add_term(RealTerms& p, const std::vector<unsigned>& e, const fmpq* c) {
    if (fmpq_is_zero(c)) return;
    auto [it, inserted] = p.try_emplace(e);
    fmpq_add(it->second.get(), it->second.get(), c);
    if (fmpq_is_zero(it->second.get())) p.erase(it);
}

RealTerms sum(const RealTerms& a, const RealTerms& b, bool negate_b) {
    RealTerms out = a;
    flint::Fmpq t;
    for (const auto& [e, c] : b) {
        if (negate_b) fmpq_neg(t.get(), c.get());
        else fmpq_set(t.get(), c.get());
        add_term(out, e, t.get());
    }
    return out;
}

RealTerms negated(const RealTerms& a) {
    RealTerms out;
    for (const auto& [e, c] : a) {
        flint::Fmpq t;
        fmpq_neg(t.get(), c.get());
        out.emplace(e, std::move(t));
    }
    return out;
}

RealTerms product(const RealTerms& a, const RealTerms& b) {
    RealTerms out;
    flint::Fmpq t;
    for (const auto& [ea, ca] : a)
        for (const auto& [eb, cb] : b) {
            std::vector<unsigned> e(std::max(ea.size(), eb.size()), 0);
            for (std::size_t i = 0; i < ea.size(); ++i) e[i] += ea[i];
            for (std::size_t i = 0; i < eb.size(); ++i) e[i] += eb[i];
            trim(e);
            fmpq_mul(t.get(), ca.get(), cb.get());
            add_term(out, e, t.get());
        }
    return out;
}

double constant_value(const RealTerms& p) {
    if (p.empty()) return 0;
    if (p.size() != 1 || !p.begin()->first.empty()) return std::numeric_limits<double>::quiet_NaN();
    return fmpq_get_d(p.begin()->second.get());
}

std::string text(const RealTerms& p) {
    if (p.empty()) return "0";
    std::ostringstream o;
    bool first = true;
    for (const auto& [e, c] : p) {
        if (!first) o << " + ";
        first = false;
        o << c.str();
        for (std::size_t i = 0; i < e.size(); ++i)
            if (e[i] != 0) o << "*x" << i << (e[i] > 1 ? "^" + std::to_string(e[i]) : "");
    }
    return o.str();
}

}  // namespace

ComplexPolynomial ComplexPolynomial::rational(long num, long den) {
    if (den == 0) throw DivisionByZero("polynomial scalar: rational with denominator 0");
    ComplexPolynomial p;
    flint::Fmpq c;
    fmpq_set_si(c.get(), num, static_cast<ulong>(std::labs(den)));
    if (den < 0) fmpq_neg(c.get(), c.get());
    add_term(p.re_, {}, c.get());
    return p;
}

ComplexPolynomial ComplexPolynomial::variable(unsigned index) {
    ComplexPolynomial p;
    std::vector<unsigned> e(index + 1, 0);
    e[index] = 1;
    p.re_.emplace(std::move(e), flint::Fmpq(1));
    return p;
}

ComplexPolynomial ComplexPolynomial::complex_variable(unsigned re, unsigned im) {
    return variable(re) + i() * variable(im);
}

ComplexPolynomial ComplexPolynomial::i() {
    ComplexPolynomial p;
    p.im_.emplace(std::vector<unsigned>{}, flint::Fmpq(1));
    return p;
}

bool ComplexPolynomial::is_constant() const {
    for (const RealTerms* part : {&re_, &im_})
        for (const auto& [e, c] : *part)
            if (!e.empty()) return false;
    return true;
}

ComplexPolynomial ComplexPolynomial::conj() const {
    ComplexPolynomial p;
    p.re_ = re_;
    p.im_ = negated(im_);
    return p;
}

ComplexPolynomial ComplexPolynomial::inverse() const {
    if (is_zero()) throw DivisionByZero("polynomial scalar: inverse of 0");
    if (!is_constant()) throw InvalidInput("polynomial scalar: only constants can be inverted");
    // 1 / (x + i y) = (x - i y) / (x^2 + y^2)
    const ComplexPolynomial n = *this * conj();
    flint::Fmpq inv;
    fmpq_inv(inv.get(), n.re_.begin()->second.get());
    ComplexPolynomial s;
    s.re_.emplace(std::vector<unsigned>{}, std::move(inv));
    return conj() * s;
}

std::complex<double> ComplexPolynomial::to_complex() const { return {constant_value(re_), constant_value(im_)}; }

std::string ComplexPolynomial::to_string() const { return "(" + text(re_) + ") + i (" + text(im_) + ")"; }

ComplexPolynomial operator+(const ComplexPolynomial& a, const ComplexPolynomial& b) {
    ComplexPolynomial p;
    p.re_ = sum(a.re_, b.re_, false);
    p.im_ = sum(a.im_, b.im_, false);
    return p;
}

ComplexPolynomial operator-(const ComplexPolynomial& a, const ComplexPolynomial& b) {
    ComplexPolynomial p;
    p.re_ = sum(a.re_, b.re_, true);
    p.im_ = sum(a.im_, b.im_, true);
    return p;
}

ComplexPolynomial operator*(const ComplexPolynomial& a, const ComplexPolynomial& b) {
    ComplexPolynomial p;
    p.re_ = sum(product(a.re_, b.re_), product(a.im_, b.im_), true);
    p.im_ = sum(product(a.re_, b.im_), product(a.im_, b.re_), false);
    return p;
}

ComplexPolynomial operator-(const ComplexPolynomial& a) {
    ComplexPolynomial p;
    p.re_ = negated(a.re_);
    p.im_ = negated(a.im_);
    return p;
}

bool operator==(const ComplexPolynomial& a, const ComplexPolynomial& b) { return (a - b).is_zero(); }

RealPolynomial to_real_polynomial(const RealTerms& p) {
    RealPolynomial out;
    for (const auto& [e, c] : p) out.push_back({c.str(), e});
    return out;
}

double evaluate(const RealTerms& p, const std::vector<double>& x, std::vector<double>* gradient) {
    if (gradient) gradient->assign(x.size(), 0.0);
    double value = 0;
    for (const auto& [e, c] : p) {
        const double coef = fmpq_get_d(c.get());
        double term = coef;
        for (std::size_t i = 0; i < e.size(); ++i)
            if (e[i] != 0) term *= i < x.size() ? std::pow(x[i], static_cast<double>(e[i])) : 0.0;
        value += term;
        if (!gradient) continue;
        for (std::size_t v = 0; v < e.size() && v < x.size(); ++v) {
            if (e[v] == 0) continue;
            double d = coef * static_cast<double>(e[v]);
            for (std::size_t i = 0; i < e.size(); ++i) {
                const unsigned power = i == v ? e[i] - 1 : e[i];
                if (power != 0) d *= i < x.size() ? std::pow(x[i], static_cast<double>(power)) : 0.0;
            }
            (*gradient)[v] += d;
        }
    }
    return value;
}

}  // namespace cogo::analyze

namespace cogo {

analyze::ComplexPolynomial scalar_traits<analyze::ComplexPolynomial>::root_of_unity(unsigned long order, long power) {
    if (order == 0 || 4 % order != 0)
        throw InvalidInput("polynomial scalar: only the roots of unity of order 1, 2 and 4 are rational over Q(i)");
    const long p = ((power * static_cast<long>(4 / order)) % 4 + 4) % 4;
    switch (p) {
        case 0: return analyze::ComplexPolynomial::rational(1, 1);
        case 1: return analyze::ComplexPolynomial::i();
        case 2: return analyze::ComplexPolynomial::rational(-1, 1);
        default: return -analyze::ComplexPolynomial::i();
    }
}

}  // namespace cogo
