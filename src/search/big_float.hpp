#pragma once
/// \file big_float.hpp
/// A minimal MPFR float with value semantics for the high-precision refinement of number_field_rounding.cpp
/// (numbers only: never a proof). A value takes the precision of the innermost BigFloat::Precision scope of
/// its thread at construction (default 128 bits); arithmetic rounds to nearest at the result's precision,
/// which is the larger of the operands'.
#include <mpfr.h>

#include <string>

namespace cogo::search {

class BigFloat {
public:
    /// Sets the precision new values take in this thread while it lives.
    class Precision {
    public:
        explicit Precision(long bits) : previous_(current()) { current() = bits; }
        ~Precision() { current() = previous_; }
        Precision(const Precision&) = delete;
        Precision& operator=(const Precision&) = delete;

    private:
        long previous_;
    };
    static long& current() {
        thread_local long bits = 128;
        return bits;
    }

    BigFloat() {
        mpfr_init2(v_, current());
        mpfr_set_zero(v_, 1);
    }
    BigFloat(double x) {  // NOLINT(google-explicit-constructor): a double converts like a literal
        mpfr_init2(v_, current());
        mpfr_set_d(v_, x, MPFR_RNDN);
    }
    /// p / q exactly rounded (q != 0).
    static BigFloat ratio(long p, long q) {
        BigFloat out;
        mpfr_set_si(out.v_, p, MPFR_RNDN);
        mpfr_div_si(out.v_, out.v_, q, MPFR_RNDN);
        return out;
    }
    /// A decimal integer or "p/q".
    static BigFloat parse_ratio(const std::string& text) {
        BigFloat out, den(1.0);
        const auto slash = text.find('/');
        mpfr_set_str(out.v_, text.substr(0, slash).c_str(), 10, MPFR_RNDN);
        if (slash != std::string::npos) mpfr_set_str(den.v_, text.substr(slash + 1).c_str(), 10, MPFR_RNDN);
        mpfr_div(out.v_, out.v_, den.v_, MPFR_RNDN);
        return out;
    }
    /// cos and sin of 2 pi num / den.
    static void cos_sin_turn(long num, long den, BigFloat& c, BigFloat& s) {
        BigFloat t;
        mpfr_const_pi(t.v_, MPFR_RNDN);
        mpfr_mul_si(t.v_, t.v_, 2 * num, MPFR_RNDN);
        mpfr_div_si(t.v_, t.v_, den, MPFR_RNDN);
        mpfr_sin_cos(s.v_, c.v_, t.v_, MPFR_RNDN);
    }
    BigFloat(const BigFloat& o) {
        mpfr_init2(v_, mpfr_get_prec(o.v_));
        mpfr_set(v_, o.v_, MPFR_RNDN);
    }
    BigFloat& operator=(const BigFloat& o) {
        if (this != &o) {
            if (mpfr_get_prec(v_) < mpfr_get_prec(o.v_)) mpfr_set_prec(v_, mpfr_get_prec(o.v_));
            mpfr_set(v_, o.v_, MPFR_RNDN);
        }
        return *this;
    }
    ~BigFloat() { mpfr_clear(v_); }

    /// This value at the current precision (a copy).
    [[nodiscard]] BigFloat at_current_precision() const {
        BigFloat out;
        mpfr_set(out.v_, v_, MPFR_RNDN);
        return out;
    }
    explicit operator double() const { return mpfr_get_d(v_, MPFR_RNDN); }
    /// Scientific decimal with `digits` significant digits (e.g. "-1.25e-3"), readable by arb_set_str.
    [[nodiscard]] std::string decimal(long digits) const {
        if (mpfr_zero_p(v_)) return "0";
        mpfr_exp_t e = 0;
        char* s = mpfr_get_str(nullptr, &e, 10, static_cast<std::size_t>(digits), v_, MPFR_RNDN);
        std::string m(s);
        mpfr_free_str(s);
        std::string sign;
        if (!m.empty() && m[0] == '-') {
            sign = "-";
            m.erase(0, 1);
        }
        return sign + m.substr(0, 1) + "." + m.substr(1) + "e" + std::to_string(static_cast<long>(e) - 1);
    }
    /// log2 |x| (a large negative number for 0).
    [[nodiscard]] long log2_abs() const { return mpfr_zero_p(v_) ? -1000000 : static_cast<long>(mpfr_get_exp(v_)); }

    friend BigFloat operator+(const BigFloat& a, const BigFloat& b) { return binary(a, b, mpfr_add); }
    friend BigFloat operator-(const BigFloat& a, const BigFloat& b) { return binary(a, b, mpfr_sub); }
    friend BigFloat operator*(const BigFloat& a, const BigFloat& b) { return binary(a, b, mpfr_mul); }
    friend BigFloat operator/(const BigFloat& a, const BigFloat& b) { return binary(a, b, mpfr_div); }
    friend BigFloat operator-(const BigFloat& a) {
        BigFloat out(a);
        mpfr_neg(out.v_, out.v_, MPFR_RNDN);
        return out;
    }
    BigFloat& operator+=(const BigFloat& b) {
        mpfr_add(v_, v_, b.v_, MPFR_RNDN);
        return *this;
    }
    BigFloat& operator-=(const BigFloat& b) {
        mpfr_sub(v_, v_, b.v_, MPFR_RNDN);
        return *this;
    }
    BigFloat& operator*=(const BigFloat& b) {
        mpfr_mul(v_, v_, b.v_, MPFR_RNDN);
        return *this;
    }
    /// this += a * b (one rounding).
    void add_product(const BigFloat& a, const BigFloat& b) { mpfr_fma(v_, a.v_, b.v_, v_, MPFR_RNDN); }
    friend bool operator<(const BigFloat& a, const BigFloat& b) { return mpfr_less_p(a.v_, b.v_) != 0; }
    friend bool operator>(const BigFloat& a, const BigFloat& b) { return mpfr_greater_p(a.v_, b.v_) != 0; }
    [[nodiscard]] BigFloat abs() const {
        BigFloat out(*this);
        mpfr_abs(out.v_, out.v_, MPFR_RNDN);
        return out;
    }
    [[nodiscard]] BigFloat sqrt() const {
        BigFloat out(*this);
        mpfr_sqrt(out.v_, out.v_, MPFR_RNDN);
        return out;
    }

private:
    template <class F>
    static BigFloat binary(const BigFloat& a, const BigFloat& b, F f) {
        BigFloat out(mpfr_get_prec(a.v_) > mpfr_get_prec(b.v_) ? a : b);
        f(out.v_, a.v_, b.v_, MPFR_RNDN);
        return out;
    }
    mpfr_t v_;
};

}  // namespace cogo::search
