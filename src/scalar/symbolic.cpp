/// \file symbolic.cpp
/// Symbolic scalars on GiNaC: a value is (GiNaC::ex e, N) where the interned symbol "zeta" means zeta_N.
///
/// Arithmetic is lazy (it only builds GiNaC trees; mixed N are lifted to the lcm by zeta -> zeta^(M/N)).
/// All deciding happens in canon() / decide_zero() below, which every zero test, canonical(),
/// to_cyclotomic(), to_string() and substitute() go through:
///
///  1. Laurent fast path. If every negative power in the tree has a plain symbol as its base (the only
///     denominators are monomials: unit parameters u^-k, zeta^-k, ...), the value is a Laurent polynomial.
///     The Expander expands the tree itself (sparse polynomials over CLN rationals, dense exponent vectors,
///     zeta exponents taken mod N as they arise since zeta^N = 1); no GiNaC expand(), no normal(), no gcd.
///  2. Otherwise GiNaC numer_denom() (normal(), treating zeta as an ordinary symbol) gives num/den with
///     num, den in Q[zeta, symbols]; both go through the Expander.
///  Then, for every monomial in the symbols other than zeta, its coefficient polynomial in zeta is read as
///  an element of Q(zeta_N) by cogo::Cyclotomic, the one Q(zeta_N) engine (FLINT; it reduces modulo Phi_N
///  with its cached per-N field data). The value is zero iff no monomial survives: Phi_N is the minimal
///  polynomial of zeta_N, the symbols are algebraically independent over Q(zeta_N) (see symbolic.hpp for
///  units and x, x'), and the denominator is never zero in Q(zeta_N)[symbols] (every constructor and
///  operation keeps it so: division and inverse check their argument, substitute() checks the substituted
///  denominator and the poles of negative powers).
///
/// Canonical form: on the Laurent path the result is the unique Laurent polynomial with coefficients
/// sum_{i < phi(N)} c_i zeta^i. On the rational path, a denominator that is a single monomial is divided
/// out (back to a Laurent polynomial; its Q(zeta_N) coefficient is inverted by Cyclotomic::inverse),
/// otherwise the denominator is scaled so that its first monomial has coefficient 1, and a numerator that
/// is a Q(zeta_N) multiple of the denominator is replaced by that constant. Rational functions are thus
/// not fully canonical (GiNaC cannot cancel common factors that exist only over Q(zeta_N)), but constants
/// always come out as constants, so to_cyclotomic() is complete.
///
/// substitute(): the caller must make sure the value has the kind of the symbol it replaces: |value| = 1 for
/// a unit parameter (otherwise conj(u) = 1/u no longer holds and a "proof" about the result means nothing),
/// a real value for a real variable. This is not checked (it is not decidable for symbolic values in
/// general); only a zero at a negative power and a vanishing denominator are refused (DivisionByZero).
///
/// Limits: a symbol exponent above 2^20 or a power of a sum above 2^10 throws ResourceLimit. GiNaC is not
/// thread-safe, so neither is this class; the symbol registry is behind a mutex anyway (zero tests take no
/// lock: the Q(zeta_N) field data is Cyclotomic's, fronted by a thread-local cache).
#include "scalar/symbolic.hpp"

#include <cln/integer.h>
#include <cln/rational.h>

#include <algorithm>
#include <cassert>
#include <cstdint>
#include <memory>
#include <mutex>
#include <numeric>
#include <sstream>
#include <unordered_map>
#include <utility>
#include <vector>

#include "scalar/cyclotomic_flint.hpp"
#include "support/flint_raii.hpp"
#include "support/error.hpp"

namespace cogo {
namespace {

namespace gi = GiNaC;

// ---------------------------------------------------------------------------------------------------------
// Symbol registry

enum class Kind { unit_modulus, complex, complex_conjugate, real };

const char* kind_name(Kind k) {
    switch (k) {
        case Kind::unit_modulus: return "a unit parameter";
        case Kind::complex: return "a complex variable";
        case Kind::complex_conjugate: return "the conjugate of a complex variable";
        case Kind::real: return "a real variable";
    }
    return "?";
}

struct Entry {
    Kind kind;
    gi::symbol sym;
    gi::symbol partner;  ///< complex: its conjugate x'; complex_conjugate: x; otherwise unused
};

struct Registry {
    std::mutex mu;
    std::map<std::string, Entry> by_name;
    gi::exmap conj_map;  ///< u -> 1/u, x -> x', x' -> x (zeta is added per call)
};

/// Leaked on purpose: symbols must outlive every static Symbolic value.
Registry& registry() {
    static Registry* r = new Registry;
    return *r;
}

gi::symbol intern(const std::string& name, Kind kind) {
    if (name.empty() || name == "zeta" || name.rfind("zeta_", 0) == 0 || name.find('\'') != std::string::npos)
        throw InvalidInput("invalid symbol name '" + name +
                           "' (must be non-empty, not 'zeta' or 'zeta_*', and contain no apostrophe)");
    Registry& r = registry();
    std::lock_guard<std::mutex> lock(r.mu);
    if (auto it = r.by_name.find(name); it != r.by_name.end()) {
        if (it->second.kind != kind)
            throw InvalidInput("symbol '" + name + "' is already " + kind_name(it->second.kind) +
                               ", cannot reuse it as " + kind_name(kind));
        return it->second.sym;
    }
    gi::symbol s(name);
    switch (kind) {
        case Kind::unit_modulus:
            r.by_name.emplace(name, Entry{kind, s, s});
            r.conj_map[s] = gi::pow(s, -1);
            break;
        case Kind::complex: {
            gi::symbol p(name + "'");
            r.by_name.emplace(name, Entry{Kind::complex, s, p});
            r.by_name.emplace(name + "'", Entry{Kind::complex_conjugate, p, s});
            r.conj_map[s] = p;
            r.conj_map[p] = s;
            break;
        }
        case Kind::real:
        case Kind::complex_conjugate:  // never requested directly
            r.by_name.emplace(name, Entry{kind, s, s});
            break;
    }
    return s;
}

// ---------------------------------------------------------------------------------------------------------
// Numbers: GiNaC's (CLN) <-> FLINT's, digit-free (32-bit chunks for integers beyond a machine word)

namespace fl = cogo::flint;

/// out = x (exact, any size).
void set_fmpz(fmpz_t out, const cln::cl_I& x) {
    if (cln::integer_length(x) < 63) {
        fmpz_set_si(out, cln::cl_I_to_long(x));
        return;
    }
    const cln::cl_I a = cln::abs(x);
    const uintptr_t bits = cln::integer_length(a);
    fmpz_zero(out);
    for (uintptr_t pos = (bits + 31) / 32 * 32; pos > 0;) {
        pos -= 32;
        fmpz_mul_2exp(out, out, 32);
        fmpz_add_ui(out, out, cln::cl_I_to_ulong(cln::ldb(a, cln::cl_byte(32, pos))));
    }
    if (cln::minusp(x)) fmpz_neg(out, out);
}

/// x as a CLN integer (exact, any size).
cln::cl_I to_cl(const fmpz_t x) {
    if (fmpz_fits_si(x)) return cln::cl_I(static_cast<long>(fmpz_get_si(x)));
    fl::Fmpz a, chunk;
    fmpz_abs(a.get(), x);
    const ulong bits = fmpz_bits(a.get());
    cln::cl_I r = 0;
    for (ulong pos = (bits + 31) / 32 * 32; pos > 0;) {
        pos -= 32;
        fmpz_fdiv_q_2exp(chunk.get(), a.get(), pos);
        fmpz_fdiv_r_2exp(chunk.get(), chunk.get(), 32);
        r = cln::ash(r, 32) + cln::cl_I(static_cast<unsigned long>(fmpz_get_ui(chunk.get())));
    }
    return fmpz_sgn(x) < 0 ? -r : r;
}

/// Terms sum c zeta^i (exponents in [0, N), any order, no repeats) as the element of Q(zeta_N).
using ZTerms = std::vector<std::pair<long, cln::cl_RA>>;

Cyclotomic to_field(unsigned long N, const ZTerms& terms) {
    fl::FmpqPoly p;
    if (!terms.empty()) {
        long len = 0;
        for (const auto& t : terms) len = std::max(len, t.first + 1);
        fl::Fmpz L(1), t, d;
        for (const auto& [i, c] : terms) {
            set_fmpz(d.get(), cln::denominator(c));
            fmpz_lcm(L.get(), L.get(), d.get());
        }
        fmpq_poly_fit_length(p.get(), len);
        fmpz* num = fmpq_poly_numref(p.get());
        for (const auto& [i, c] : terms) {
            set_fmpz(d.get(), cln::denominator(c));
            fmpz_divexact(t.get(), L.get(), d.get());
            set_fmpz(d.get(), cln::numerator(c));
            fmpz_mul(num + i, d.get(), t.get());
        }
        fmpz_set(fmpq_poly_denref(p.get()), L.get());
        _fmpq_poly_set_length(p.get(), len);
        _fmpq_poly_normalise(p.get());
        fmpq_poly_canonicalise(p.get());
    }
    return detail::CyclotomicAccess::from_poly(N, p.get());
}

/// The coefficient c_i of zeta^i in the canonical form of c (stored in Q(zeta_N)) as GiNaC numbers.
template <class F>
void for_each_coefficient(const Cyclotomic& c, F f) {
    const fmpq_poly_struct* p = detail::CyclotomicAccess::poly(c);
    const slong len = fmpq_poly_length(p);
    if (len == 0) return;
    const cln::cl_I den = to_cl(fmpq_poly_denref(p));
    const fmpz* num = fmpq_poly_numref(p);
    for (slong i = 0; i < len; ++i)
        if (!fmpz_is_zero(num + i)) f(static_cast<long>(i), gi::numeric(cln::cl_N(to_cl(num + i) / den)));
}

/// c stored in Q(zeta_N) (c lives in a subfield: its own N divides N).
Cyclotomic in_field(const Cyclotomic& c, unsigned long N) { return c.field_order() == N ? c : c.lift(N); }

// ---------------------------------------------------------------------------------------------------------
// Laurent polynomials over Q(zeta_N): monomial in the non-zeta symbols -> its non-zero coefficient

using LaurentPoly = std::map<gi::ex, Cyclotomic, gi::ex_is_less>;

const gi::symbol& zeta_sym() { return Symbolic::zeta_symbol(); }

cln::cl_RA to_rational(const gi::ex& x) {
    const auto& n = gi::ex_to<gi::numeric>(x);
    if (!n.is_rational()) throw InvalidInput("symbolic value with a non-rational numeric coefficient");
    return cln::the<cln::cl_RA>(n.to_cl_N());
}

long exponent_mod(const gi::ex& k, unsigned long N) {
    const auto& n = gi::ex_to<gi::numeric>(k);
    const cln::cl_I ki = cln::the<cln::cl_I>(n.to_cl_N());
    return cln::cl_I_to_long(cln::mod(ki, cln::cl_I(static_cast<long>(N))));
}

bool is_integer_numeric(const gi::ex& x) {
    return gi::is_exactly_a<gi::numeric>(x) && gi::ex_to<gi::numeric>(x).is_integer();
}

/// The expansion engine: sparse multivariate Laurent polynomials over Q in the symbols of an expression,
/// with the exponent of zeta kept mod N. A monomial is a dense exponent vector (one slot per symbol seen by
/// scan(), the last slot is the zeta exponent in [0, N)). This replaces GiNaC's expand(), which is several
/// times slower on large products, and never builds intermediate GiNaC objects.
class Expander {
public:
    using Key = std::vector<int>;
    struct KeyHash {
        std::size_t operator()(const Key& k) const noexcept {
            std::uint64_t h = 1469598103934665603ULL;
            for (int x : k) {
                h ^= static_cast<std::uint32_t>(x);
                h *= 1099511628211ULL;
            }
            return static_cast<std::size_t>(h ^ (h >> 29));
        }
    };
    using Poly = std::unordered_map<Key, cln::cl_RA, KeyHash>;
    /// symbol exponents (zeta slot dropped) -> non-zero coefficient in Q(zeta_N)
    using Grouped = std::map<std::vector<int>, Cyclotomic>;

    explicit Expander(unsigned long N) : N_(N) {}

    /// Register the symbols of e. Returns false if e is not a Laurent expression (it has a negative power
    /// of something other than a symbol), i.e. if it needs normal(). Throws on foreign objects.
    bool scan(const gi::ex& e) {
        if (gi::is_exactly_a<gi::numeric>(e)) {
            (void)to_rational(e);
            return true;
        }
        if (gi::is_exactly_a<gi::symbol>(e)) {
            if (!e.is_equal(zeta_sym()) && index_.find(e) == index_.end()) {
                index_.emplace(e, static_cast<int>(syms_.size()));
                syms_.push_back(e);
            }
            return true;
        }
        if (gi::is_exactly_a<gi::add>(e) || gi::is_exactly_a<gi::mul>(e)) {
            for (std::size_t i = 0; i < e.nops(); ++i)
                if (!scan(e.op(i))) return false;
            return true;
        }
        if (gi::is_exactly_a<gi::power>(e)) {
            const gi::ex& expo = e.op(1);
            if (!is_integer_numeric(expo)) throw InvalidInput("symbolic value with a non-integer exponent");
            if (gi::ex_to<gi::numeric>(expo).is_negative() && !gi::is_exactly_a<gi::symbol>(e.op(0))) return false;
            return scan(e.op(0));
        }
        std::ostringstream os;
        os << e;
        throw InvalidInput("symbolic value outside the supported class: " + os.str());
    }

    /// Expand a scanned expression, group by symbol monomial and read every zeta polynomial in Q(zeta_N)
    /// (cogo::Cyclotomic reduces it mod Phi_N); monomials whose coefficient vanishes are dropped (so the
    /// value is zero iff the result is empty).
    Grouped collect(const gi::ex& e) {
        Grouped out;
        for (auto& [exps, t] : group_terms(expand(e))) {
            Cyclotomic c = to_field(N_, t);
            if (!c.is_zero()) out.emplace_hint(out.end(), exps, std::move(c));
        }
        return out;
    }

    /// collect(e).empty(), decided without building values where none is needed: a monomial whose zeta
    /// polynomial has degree < phi(N) (and non-zero coefficients) is already reduced, hence non-zero.
    bool collects_to_zero(const gi::ex& e) {
        const long phi = detail::CyclotomicAccess::degree(N_);
        const Poly p = expand(e);
        if (p.empty()) return true;
        // the common case, without grouping: every zeta exponent below phi, so every group is reduced
        if (std::all_of(p.begin(), p.end(), [&](const auto& term) { return term.first.back() < phi; })) return false;
        const auto groups = group_terms(p);
        for (const auto& [exps, t] : groups) {
            long top = 0;
            for (const auto& term : t) top = std::max(top, term.first);
            if (top < phi) return false;
        }
        for (const auto& [exps, t] : groups)
            if (!to_field(N_, t).is_zero()) return false;
        return true;
    }

    /// Grouped -> GiNaC monomials.
    LaurentPoly to_laurent(Grouped&& g) const {
        LaurentPoly out;
        gi::exvector factors;
        for (auto& [exps, zp] : g) {
            factors.clear();
            for (std::size_t i = 0; i < exps.size(); ++i)
                if (exps[i] != 0) factors.push_back(gi::pow(syms_[i], exps[i]));
            gi::ex key = factors.empty() ? gi::ex(1)
                         : factors.size() == 1 ? factors[0]
                                               : gi::ex(gi::dynallocate<gi::mul>(factors));
            out.emplace(std::move(key), std::move(zp));
        }
        return out;
    }

private:
    std::size_t width() const { return syms_.size() + 1; }

    /// Terms grouped by their symbol monomial (the zeta slot dropped); exponents within a group are
    /// distinct (Poly keys are) and the coefficients non-zero.
    static std::map<std::vector<int>, ZTerms> group_terms(const Poly& p) {
        std::map<std::vector<int>, ZTerms> terms;
        std::vector<int> sym_part;
        for (const auto& [k, c] : p) {
            sym_part.assign(k.begin(), k.end() - 1);
            terms[sym_part].emplace_back(k.back(), c);
        }
        return terms;
    }

    Poly constant(const cln::cl_RA& c) const {
        Poly p;
        if (!cln::zerop(c)) p.emplace(Key(width(), 0), c);
        return p;
    }

    Poly monomial(const gi::ex& sym, const gi::ex& expo) const {
        Key k(width(), 0);
        if (sym.is_equal(zeta_sym())) {
            k.back() = static_cast<int>(exponent_mod(expo, N_));
        } else {
            const auto& n = gi::ex_to<gi::numeric>(expo);
            if (cln::abs(cln::the<cln::cl_I>(n.to_cl_N())) > cln::cl_I(1L << 20))
                throw ResourceLimit("exponent too large in a symbolic expression");
            k[static_cast<std::size_t>(index_.at(sym))] = static_cast<int>(n.to_int());
        }
        Poly p;
        p.emplace(std::move(k), cln::cl_RA(1));
        return p;
    }

    static void drop_zeros(Poly& p) {
        for (auto it = p.begin(); it != p.end();) {
            if (cln::zerop(it->second)) it = p.erase(it);
            else ++it;
        }
    }

    Poly multiply(const Poly& a, const Poly& b) const {
        if (a.empty() || b.empty()) return {};
        const Poly& small = a.size() <= b.size() ? a : b;
        const Poly& large = a.size() <= b.size() ? b : a;
        Poly r;
        r.reserve(std::min<std::size_t>(small.size() * large.size(), 1u << 22));
        const std::size_t w = width();
        const int N = static_cast<int>(N_);
        Key k(w);
        for (const auto& [ks, cs] : small) {
            for (const auto& [kl, cl] : large) {
                for (std::size_t i = 0; i + 1 < w; ++i) k[i] = ks[i] + kl[i];
                const int z = ks[w - 1] + kl[w - 1];
                k[w - 1] = z >= N ? z - N : z;
                auto it = r.find(k);
                if (it == r.end()) r.emplace(k, cs * cl);
                else it->second = it->second + cs * cl;
            }
        }
        drop_zeros(r);
        return r;
    }

    static void accumulate(Poly& into, Poly&& from) {
        if (into.size() < from.size()) std::swap(into, from);
        for (auto& [k, c] : from) {
            auto it = into.find(k);
            if (it == into.end()) into.emplace(k, std::move(c));
            else it->second = it->second + c;
        }
    }

    Poly expand(const gi::ex& e) const {
        if (gi::is_exactly_a<gi::numeric>(e)) return constant(to_rational(e));
        if (gi::is_exactly_a<gi::symbol>(e)) return monomial(e, gi::ex(1));
        if (gi::is_exactly_a<gi::add>(e)) {
            Poly sum;
            for (std::size_t i = 0; i < e.nops(); ++i) accumulate(sum, expand(e.op(i)));
            drop_zeros(sum);
            return sum;
        }
        if (gi::is_exactly_a<gi::mul>(e)) {
            std::vector<Poly> fs;
            fs.reserve(e.nops());
            for (std::size_t i = 0; i < e.nops(); ++i) fs.push_back(expand(e.op(i)));
            std::sort(fs.begin(), fs.end(), [](const Poly& x, const Poly& y) { return x.size() < y.size(); });
            Poly prod = std::move(fs[0]);
            for (std::size_t i = 1; i < fs.size(); ++i) prod = multiply(prod, fs[i]);
            return prod;
        }
        if (gi::is_exactly_a<gi::power>(e)) {
            const gi::ex& base = e.op(0);
            if (gi::is_exactly_a<gi::symbol>(base)) return monomial(base, e.op(1));
            const auto& n = gi::ex_to<gi::numeric>(e.op(1));
            if (!n.is_nonneg_integer()) throw Error("internal: negative power of a sum in Expander");
            if (n > gi::numeric(1L << 10)) throw ResourceLimit("exponent too large in a symbolic expression");
            long m = n.to_long();
            Poly b = expand(base), r = constant(1);
            while (m > 0) {
                if (m & 1) r = multiply(r, b);
                m >>= 1;
                if (m > 0) b = multiply(b, b);
            }
            return r;
        }
        throw Error("internal: unexpected object in Expander");
    }

    unsigned long N_;
    std::map<gi::ex, int, gi::ex_is_less> index_;
    std::vector<gi::ex> syms_;
};

/// sum_i c_i zeta^i for the canonical coefficients of c in Q(zeta_N), times key.
void append_terms(gi::exvector& terms, const Cyclotomic& c, unsigned long N, const gi::ex& key) {
    for_each_coefficient(in_field(c, N), [&](long i, const gi::numeric& ci) {
        terms.push_back(i == 0 ? ci * key : ci * gi::pow(zeta_sym(), i) * key);
    });
}

gi::ex to_ex(const LaurentPoly& lp, unsigned long N) {
    gi::exvector terms;
    for (const auto& [key, c] : lp) append_terms(terms, c, N, key);
    return gi::dynallocate<gi::add>(terms);
}

/// Is key (a monomial) a non-trivial product containing sym^n with n < 0?
bool has_negative_power(const gi::ex& key, const gi::ex& sym) {
    if (gi::is_exactly_a<gi::power>(key))
        return key.op(0).is_equal(sym) && gi::ex_to<gi::numeric>(key.op(1)).is_negative();
    if (gi::is_exactly_a<gi::mul>(key)) {
        for (std::size_t i = 0; i < key.nops(); ++i)
            if (has_negative_power(key.op(i), sym)) return true;
    }
    return false;
}

gi::ex numer_denom_checked(const gi::ex& e) {
    try {
        return e.numer_denom();
    } catch (const gi::pole_error&) {
        throw DivisionByZero("division by zero in a symbolic expression");
    }
}

/// The decided form of a value: num / den (den_one: den == 1; num is then a Laurent polynomial).
struct Parts {
    LaurentPoly num;
    LaurentPoly den;
    bool den_one = true;
};

/// Collect a polynomial GiNaC returned from numer_denom().
LaurentPoly collect_polynomial(const gi::ex& e, unsigned long N) {
    Expander X(N);
    if (!X.scan(e)) throw Error("internal: numer_denom returned a non-polynomial");
    return X.to_laurent(X.collect(e));
}

/// The decided zero test (see the file comment); never builds the canonical expression.
bool decide_zero(const gi::ex& e, unsigned long N) {
    {
        Expander X(N);
        if (X.scan(e)) return X.collects_to_zero(e);
    }
    const gi::ex num = numer_denom_checked(e).op(0);
    Expander X(N);
    if (!X.scan(num)) throw Error("internal: numer_denom returned a non-polynomial");
    return X.collects_to_zero(num);
}

/// See the file comment.
Parts canon(const gi::ex& e, unsigned long N) {
    Parts r;
    {
        Expander X(N);
        if (X.scan(e)) {
            r.num = X.to_laurent(X.collect(e));
            return r;
        }
    }
    const gi::ex nd = numer_denom_checked(e);
    r.num = collect_polynomial(nd.op(0), N);
    if (r.num.empty()) return r;
    LaurentPoly den = collect_polynomial(nd.op(1), N);
    if (den.empty()) throw DivisionByZero("symbolic expression with a zero denominator");
    if (den.size() == 1) {  // monomial denominator: divide it out
        const auto& [m, dp] = *den.begin();
        const Cyclotomic dinv = dp.inverse();
        const gi::ex minv = gi::pow(m, -1);
        LaurentPoly num;
        for (const auto& [key, c] : r.num) num.emplace(key * minv, c * dinv);
        r.num = std::move(num);
        return r;
    }
    // scale so that the first monomial of the denominator has coefficient 1
    const Cyclotomic& d0 = den.begin()->second;
    if (!(d0 == Cyclotomic(1))) {
        const Cyclotomic inv = d0.inverse();
        for (auto& [key, c] : den) c = c * inv;
        for (auto& [key, c] : r.num) c = c * inv;
    }
    // constant value? then num = n0 * den with n0 the numerator coefficient of the first monomial
    if (r.num.size() == den.size()) {
        const auto it0 = r.num.find(den.begin()->first);
        if (it0 != r.num.end()) {
            const Cyclotomic n0 = it0->second;
            bool constant = true;
            for (const auto& [key, c] : den) {
                const auto it = r.num.find(key);
                if (it == r.num.end() || !(it->second == n0 * c)) {
                    constant = false;
                    break;
                }
            }
            if (constant) {
                r.num.clear();
                r.num.emplace(gi::ex(1), n0);
                return r;
            }
        }
    }
    r.den = std::move(den);
    r.den_one = false;
    return r;
}

gi::ex parts_to_ex(const Parts& p, unsigned long N) {
    return p.den_one ? to_ex(p.num, N) : to_ex(p.num, N) / to_ex(p.den, N);
}

unsigned long common_field_order(unsigned long a, unsigned long b) {
    const unsigned long M = std::lcm(a, b);
    if (M > Cyclotomic::max_field_order)
        throw FieldTooLarge("common cyclotomic field Q(zeta_" + std::to_string(M) + ") of Q(zeta_" +
                            std::to_string(a) + ") and Q(zeta_" + std::to_string(b) + ") exceeds the limit " +
                            std::to_string(Cyclotomic::max_field_order));
    return M;
}

}  // namespace

// -------------------------------------------------------------------------------------------------------------
// Construction

Symbolic::Symbolic() : e_(0), N_(1) {}

Symbolic::Symbolic(long n) : e_(n), N_(1) {}

Symbolic Symbolic::rational(long num, long den) {
    if (den == 0) throw DivisionByZero("rational " + std::to_string(num) + "/0");
    return Symbolic(gi::ex(gi::numeric(num) / gi::numeric(den)), 1);
}

Symbolic Symbolic::zeta(unsigned long N, long k) {
    if (N == 0) throw InvalidInput("zeta_0 does not exist (the order must be >= 1)");
    if (N > Cyclotomic::max_field_order)
        throw FieldTooLarge("Q(zeta_" + std::to_string(N) + ") exceeds the limit " +
                            std::to_string(Cyclotomic::max_field_order));
    const long n = static_cast<long>(N);
    const long r = ((k % n) + n) % n;
    return Symbolic(gi::pow(zeta_symbol(), r), N);
}

Symbolic Symbolic::from_cyclotomic(const Cyclotomic& c) {
    const unsigned long N = c.field_order();
    gi::exvector terms;
    append_terms(terms, c, N, gi::ex(1));
    return Symbolic(gi::dynallocate<gi::add>(terms), N);
}

Symbolic Symbolic::unit_modulus(const std::string& name) { return Symbolic(intern(name, Kind::unit_modulus), 1); }

Symbolic Symbolic::complex_variable(const std::string& name) { return Symbolic(intern(name, Kind::complex), 1); }

Symbolic Symbolic::real_variable(const std::string& name) { return Symbolic(intern(name, Kind::real), 1); }

const GiNaC::symbol& Symbolic::zeta_symbol() {
    static const auto* z = new GiNaC::symbol("zeta");  // leaked on purpose (outlives static values)
    return *z;
}

Symbolic Symbolic::lift(unsigned long M) const {
    if (M > Cyclotomic::max_field_order)
        throw FieldTooLarge("cannot lift Q(zeta_" + std::to_string(N_) + ") to Q(zeta_" + std::to_string(M) +
                            "): beyond the limit " + std::to_string(Cyclotomic::max_field_order));
    if (M == 0 || M % N_ != 0)
        throw FieldMismatch("cannot lift Q(zeta_" + std::to_string(N_) + ") to Q(zeta_" + std::to_string(M) + ")");
    if (M == N_) return *this;
    gi::exmap m;
    m[zeta_symbol()] = gi::pow(zeta_symbol(), static_cast<long>(M / N_));
    return Symbolic(e_.subs(m, gi::subs_options::no_pattern), M);
}

// -------------------------------------------------------------------------------------------------------------
// Deciding

Symbolic Symbolic::canonical() const { return Symbolic(parts_to_ex(canon(e_, N_), N_), N_); }

bool Symbolic::is_zero() const { return decide_zero(e_, N_); }

std::optional<Cyclotomic> Symbolic::to_cyclotomic() const {
    const Parts p = canon(e_, N_);
    if (!p.den_one) return std::nullopt;  // constants always come out with den == 1
    if (p.num.empty()) return Cyclotomic(0).lift(N_);
    if (p.num.size() != 1 || !p.num.begin()->first.is_equal(gi::ex(1))) return std::nullopt;
    return in_field(p.num.begin()->second, N_);
}

Symbolic Symbolic::substitute(const std::string& name, const Symbolic& value) const {
    const Entry entry = [&] {
        Registry& r = registry();
        std::lock_guard<std::mutex> lock(r.mu);
        const auto it = r.by_name.find(name);
        if (it == r.by_name.end()) throw InvalidInput("substitute: unknown symbol '" + name + "'");
        return it->second;
    }();
    if (entry.kind == Kind::complex_conjugate)
        throw InvalidInput("substitute: '" + name + "' is a conjugate symbol; substitute its variable instead");
    const unsigned long M = common_field_order(N_, value.N_);
    const Symbolic a = lift(M);
    const Symbolic v = value.lift(M);
    const Parts p = canon(a.e_, M);
    if (p.num.empty()) return Symbolic(gi::ex(0), M);

    gi::exmap m;
    m[entry.sym] = v.e_;
    if (entry.kind == Kind::complex) m[entry.partner] = v.conj().e_;

    // a zero value at a negative power is a pole (the numerator is Laurent; the denominator is polynomial)
    auto negative_power = [&](const LaurentPoly& lp) {
        for (const auto& [key, poly] : lp) {
            if (has_negative_power(key, entry.sym)) return true;
            if (entry.kind == Kind::complex && has_negative_power(key, entry.partner)) return true;
        }
        return false;
    };
    if ((negative_power(p.num) || negative_power(p.den)) && v.is_zero())
        throw DivisionByZero("substitute: " + name + " = 0 at a negative power of " + name);

    try {
        const gi::ex num = to_ex(p.num, M).subs(m, gi::subs_options::no_pattern);
        if (p.den_one) return Symbolic(num, M);
        const gi::ex den = to_ex(p.den, M).subs(m, gi::subs_options::no_pattern);
        if (Symbolic(den, M).is_zero())
            throw DivisionByZero("substitute: the denominator vanishes at " + name + " = " + value.to_string());
        return Symbolic(num / den, M);
    } catch (const gi::pole_error&) {
        throw DivisionByZero("substitute: division by zero at " + name + " = " + value.to_string());
    }
}

// -------------------------------------------------------------------------------------------------------------
// Field operations

Symbolic Symbolic::conj() const {
    gi::exmap m;
    {
        Registry& r = registry();
        std::lock_guard<std::mutex> lock(r.mu);
        m = r.conj_map;
    }
    m[zeta_symbol()] = gi::pow(zeta_symbol(), static_cast<long>(N_) - 1);
    return Symbolic(e_.subs(m, gi::subs_options::no_pattern), N_);
}

Symbolic Symbolic::inverse() const {
    if (is_zero()) throw DivisionByZero("inverse of a symbolic zero");
    return Symbolic(gi::pow(e_, -1), N_);
}

std::complex<double> Symbolic::to_complex() const {
    const auto c = to_cyclotomic();
    if (!c) throw InvalidInput("to_complex: value still has variables or parameters: " + to_string());
    return c->to_complex();
}

std::string Symbolic::to_string() const {
    const gi::ex c = parts_to_ex(canon(e_, N_), N_);
    gi::exmap m;
    m[zeta_symbol()] = gi::symbol("zeta_" + std::to_string(N_));
    std::ostringstream os;
    os << c.subs(m, gi::subs_options::no_pattern);
    return os.str();
}

Symbolic operator+(const Symbolic& a, const Symbolic& b) {
    const unsigned long M = common_field_order(a.N_, b.N_);
    return Symbolic(a.lift(M).e_ + b.lift(M).e_, M);
}

Symbolic operator-(const Symbolic& a, const Symbolic& b) {
    const unsigned long M = common_field_order(a.N_, b.N_);
    return Symbolic(a.lift(M).e_ - b.lift(M).e_, M);
}

Symbolic operator*(const Symbolic& a, const Symbolic& b) {
    const unsigned long M = common_field_order(a.N_, b.N_);
    return Symbolic(a.lift(M).e_ * b.lift(M).e_, M);
}

Symbolic operator/(const Symbolic& a, const Symbolic& b) {
    if (b.is_zero()) throw DivisionByZero("symbolic division by zero");
    const unsigned long M = common_field_order(a.N_, b.N_);
    return Symbolic(a.lift(M).e_ * gi::pow(b.lift(M).e_, -1), M);
}

Symbolic operator-(const Symbolic& a) { return Symbolic(-a.e_, a.N_); }

}  // namespace cogo
