#pragma once
/// \file number_field_flint.hpp
/// Private: the FLINT/antic/Arb representation of a NumberField and its elements, for the .cpp files of
/// src/scalar and src/analyze that build fields or evaluate elements (number_field.cpp, the
/// recognition code). Include only from .cpp files.
#include <acb.h>
#include <antic/nf.h>
#include <antic/nf_elem.h>
#include <flint/fmpq.h>
#include <flint/fmpq_poly.h>
#include <flint/fmpz_poly.h>

#include <mutex>
#include <string>

#include "scalar/number_field.hpp"

namespace cogo {

struct NumberField::Impl {
    Impl(const fmpq_poly_t p);
    ~Impl();
    Impl(const Impl&) = delete;
    Impl& operator=(const Impl&) = delete;

    long n = 0;           ///< degree
    fmpq_poly_t poly;     ///< the monic defining polynomial p
    fmpz_poly_t zpoly;    ///< its primitive integer multiple (same roots), for root isolation
    nf_t nf;              ///< antic's context
    nf_elem_t sigma;      ///< sigma(theta)
    unsigned long zeta_order = 0;
    nf_elem_t zeta;       ///< zeta_M (when zeta_order = M > 0)

    /// An isolating ball of theta with radius below 2^-bits (refined on demand, cached; thread-safe).
    void theta_ball(acb_t out, long bits) const;
    /// Sets the isolating ball (creation): the root of zpoly nearest to `hint`, isolated.
    void choose_root(const acb_t root_ball, long prec);

private:
    mutable std::mutex mutex_;
    mutable acb_t theta_;   ///< current isolating ball
    mutable long theta_bits_ = 0;
};

/// A value: the rational q (field null) or the element e of field.
struct NumberFieldScalar::Rep {
    explicit Rep(NumberFieldPtr f) : field(std::move(f)) {
        fmpq_init(q);
        if (field) nf_elem_init(e, field->impl().nf);
    }
    ~Rep() {
        if (field) nf_elem_clear(e, field->impl().nf);
        fmpq_clear(q);
    }
    Rep(const Rep&) = delete;
    Rep& operator=(const Rep&) = delete;
    NumberFieldPtr field;  ///< null: the rational q
    fmpq_t q;
    nf_elem_t e;
};

namespace nfdetail {
/// res = f(x) for a rational polynomial f, in ball arithmetic at `prec` bits.
void evaluate(acb_t res, const fmpq_poly_t f, const acb_t x, long prec);
/// res = f(y) in K for a rational polynomial f and y in K (Horner).
void compose(nf_elem_t res, const fmpq_poly_t f, const nf_elem_t y, const nf_t nf);
/// The rational "p" or "p/q" (strict; InvalidInput naming `where`).
void parse_rational(fmpq_t out, const std::string& text, const char* where);
/// The value of an element at the embedding: ball with radius below about 2^-bits (relative to 1).
void element_ball(acb_t out, const NumberFieldScalar& x, long bits);
}  // namespace nfdetail

}  // namespace cogo
