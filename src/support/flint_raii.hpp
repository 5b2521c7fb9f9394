#pragma once
/// \file flint_raii.hpp
/// The one set of RAII owners of the FLINT types cogo's .cpp files use (fmpz, fmpq, fmpz_poly, fmpq_poly,
/// strings FLINT allocates). Include only from .cpp files: FLINT headers stay out of the public headers.
/// (The certificate checker keeps its own independent arithmetic on purpose.)
///
/// Each owner initialises in its constructor and clears in its destructor; moves leave a valid zero
/// behind. Fmpz and Fmpq are also copyable; the polynomial owners are not. `get()` gives the FLINT pointer
/// for the C calls.
#include <flint/flint.h>
#include <flint/fmpq.h>
#include <flint/fmpq_poly.h>
#include <flint/fmpz.h>
#include <flint/fmpz_poly.h>

#include <string>

namespace cogo::flint {

/// A string FLINT allocated (fmpz_get_str(nullptr, ...) and friends), copied out and freed.
[[nodiscard]] inline std::string take_string(char* s) {
    std::string out(s);
    flint_free(s);
    return out;
}

/// An owned fmpz_t (zero on construction).
class Fmpz {
public:
    Fmpz() { fmpz_init(v_); }
    explicit Fmpz(long x) { fmpz_init_set_si(v_, x); }
    Fmpz(const Fmpz& o) { fmpz_init_set(v_, o.v_); }
    Fmpz(Fmpz&& o) noexcept {
        fmpz_init(v_);
        fmpz_swap(v_, o.v_);
    }
    Fmpz& operator=(Fmpz o) noexcept {
        fmpz_swap(v_, o.v_);
        return *this;
    }
    ~Fmpz() { fmpz_clear(v_); }
    [[nodiscard]] fmpz* get() { return v_; }
    [[nodiscard]] const fmpz* get() const { return v_; }
    /// Decimal text, e.g. "-12".
    [[nodiscard]] std::string str() const { return take_string(fmpz_get_str(nullptr, 10, v_)); }

private:
    fmpz_t v_;
};

/// An owned fmpq_t, always canonical (zero on construction).
class Fmpq {
public:
    Fmpq() { fmpq_init(v_); }
    explicit Fmpq(long x) {
        fmpq_init(v_);
        fmpq_set_si(v_, x, 1);
    }
    Fmpq(const Fmpq& o) {
        fmpq_init(v_);
        fmpq_set(v_, o.v_);
    }
    Fmpq(Fmpq&& o) noexcept {
        fmpq_init(v_);
        fmpq_swap(v_, o.v_);
    }
    Fmpq& operator=(Fmpq o) noexcept {
        fmpq_swap(v_, o.v_);
        return *this;
    }
    ~Fmpq() { fmpq_clear(v_); }
    [[nodiscard]] fmpq* get() { return v_; }
    [[nodiscard]] const fmpq* get() const { return v_; }
    /// "p" or "p/q" in lowest terms, e.g. "-3/4".
    [[nodiscard]] std::string str() const { return take_string(fmpq_get_str(nullptr, 10, v_)); }

private:
    fmpq_t v_;
};

/// An owned fmpz_poly (initialised to 0).
class FmpzPoly {
public:
    FmpzPoly() { fmpz_poly_init(v_); }
    ~FmpzPoly() { fmpz_poly_clear(v_); }
    FmpzPoly(FmpzPoly&& o) noexcept {
        fmpz_poly_init(v_);
        fmpz_poly_swap(v_, o.v_);
    }
    FmpzPoly& operator=(FmpzPoly&& o) noexcept {
        fmpz_poly_swap(v_, o.v_);
        return *this;
    }
    FmpzPoly(const FmpzPoly&) = delete;
    FmpzPoly& operator=(const FmpzPoly&) = delete;
    [[nodiscard]] fmpz_poly_struct* get() { return v_; }
    [[nodiscard]] const fmpz_poly_struct* get() const { return v_; }

private:
    fmpz_poly_t v_;
};

/// An owned fmpq_poly (initialised to 0).
class FmpqPoly {
public:
    FmpqPoly() { fmpq_poly_init(v_); }
    ~FmpqPoly() { fmpq_poly_clear(v_); }
    FmpqPoly(FmpqPoly&& o) noexcept {
        fmpq_poly_init(v_);
        fmpq_poly_swap(v_, o.v_);
    }
    FmpqPoly& operator=(FmpqPoly&& o) noexcept {
        fmpq_poly_swap(v_, o.v_);
        return *this;
    }
    FmpqPoly(const FmpqPoly&) = delete;
    FmpqPoly& operator=(const FmpqPoly&) = delete;
    [[nodiscard]] fmpq_poly_struct* get() { return v_; }
    [[nodiscard]] const fmpq_poly_struct* get() const { return v_; }

private:
    fmpq_poly_t v_;
};

}  // namespace cogo::flint
