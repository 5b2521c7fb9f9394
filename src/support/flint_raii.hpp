#pragma once
/// \file flint_raii.hpp
/// Small RAII owners of FLINT's exact integers and rationals, for .cpp files only (this header includes
/// FLINT; public headers of cogo never do). Copyable, movable; the raw pointer is for FLINT calls.
#include <flint/fmpq.h>
#include <flint/fmpz.h>

#include <string>

namespace cogo::flint {

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
    [[nodiscard]] std::string str() const {
        char* s = fmpz_get_str(nullptr, 10, v_);
        std::string out(s);
        flint_free(s);
        return out;
    }

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
    [[nodiscard]] std::string str() const {
        char* s = fmpq_get_str(nullptr, 10, v_);
        std::string out(s);
        flint_free(s);
        return out;
    }

private:
    fmpq_t v_;
};

}  // namespace cogo::flint
