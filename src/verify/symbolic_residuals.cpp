#include "verify/symbolic_residuals.hpp"

#include <algorithm>
#include <map>
#include <numeric>
#include <set>
#include <sstream>

#include "support/error.hpp"

namespace cogo {

namespace {

namespace gi = GiNaC;

using Poly = CyclotomicPolynomial;

void trim(Poly& p) {
    while (!p.empty() && p.back().is_zero()) p.pop_back();
}

Poly subtract(const Poly& a, const Poly& b) {
    Poly r(std::max(a.size(), b.size()));
    for (std::size_t i = 0; i < r.size(); ++i) {
        if (i < a.size()) r[i] = a[i];
        if (i < b.size()) r[i] = r[i] - b[i];
    }
    trim(r);
    return r;
}

Poly multiply(const Poly& a, const Poly& b) {
    if (a.empty() || b.empty()) return {};
    Poly r(a.size() + b.size() - 1);
    for (std::size_t i = 0; i < a.size(); ++i)
        for (std::size_t j = 0; j < b.size(); ++j) r[i + j] = r[i + j] + a[i] * b[j];
    trim(r);
    return r;
}

/// (quotient, remainder) of a by b != 0.
std::pair<Poly, Poly> divide(Poly a, const Poly& b) {
    const Cyclotomic lead_inv = b.back().inverse();
    Poly q(a.size() >= b.size() ? a.size() - b.size() + 1 : 0);
    while (!a.empty() && a.size() >= b.size()) {
        const std::size_t shift = a.size() - b.size();
        const Cyclotomic c = a.back() * lead_inv;
        q[shift] = c;
        for (std::size_t i = 0; i < b.size(); ++i) a[shift + i] = a[shift + i] - c * b[i];
        a.pop_back();  // the leading coefficient cancels exactly
        trim(a);
    }
    trim(q);
    return {q, a};
}

Poly monic(const Poly& p, Cyclotomic* scale = nullptr) {
    const Cyclotomic inv = p.back().inverse();
    Poly r = p;
    for (Cyclotomic& c : r) c = c * inv;
    if (scale) *scale = inv;
    return r;
}

/// Monic gcd of a and b (not both zero) with s a + t b = gcd.
Poly extended_gcd(const Poly& a, const Poly& b, Poly& s, Poly& t) {
    Poly r0 = a, r1 = b, s0{Cyclotomic(1)}, s1, t0, t1{Cyclotomic(1)};
    while (!r1.empty()) {
        auto [q, r] = divide(r0, r1);
        Poly s2 = subtract(s0, multiply(q, s1)), t2 = subtract(t0, multiply(q, t1));
        r0 = std::move(r1);
        r1 = std::move(r);
        s0 = std::move(s1);
        s1 = std::move(s2);
        t0 = std::move(t1);
        t1 = std::move(t2);
    }
    Cyclotomic scale;
    Poly g = monic(r0, &scale);
    for (Cyclotomic& c : s0) c = c * scale;
    for (Cyclotomic& c : t0) c = c * scale;
    s = s0;
    t = t0;
    return g;
}

Cyclotomic evaluate(const Poly& p, const Cyclotomic& x) {
    Cyclotomic r;
    for (std::size_t i = p.size(); i-- > 0;) r = r * x + p[i];
    return r;
}

Poly derivative(const Poly& p) {
    Poly d;
    for (std::size_t i = 1; i < p.size(); ++i) d.push_back(p[i] * Cyclotomic(static_cast<long>(i)));
    trim(d);
    return d;
}

unsigned long phi(unsigned long n) {
    unsigned long r = n;
    for (unsigned long p = 2; p * p <= n; ++p)
        if (n % p == 0) {
            while (n % p == 0) n /= p;
            r -= r / p;
        }
    if (n > 1) r -= r / n;
    return r;
}

/// The coefficient text of c (without the "(zN = zeta_N)" legend, collected by the caller).
std::string coefficient_text(const Cyclotomic& c, std::set<unsigned long>& legends) {
    std::string s = c.to_string();
    const std::size_t legend = s.find(" (z");
    if (legend != std::string::npos) {
        s = s.substr(0, legend);
        legends.insert(c.field_order());
    }
    return s;
}

std::string ordinal(unsigned long m) {
    const unsigned long t = m % 100, u = m % 10;
    const char* suffix = (t >= 11 && t <= 13) ? "th" : u == 1 ? "st" : u == 2 ? "nd" : u == 3 ? "rd" : "th";
    return std::to_string(m) + suffix;
}

}  // namespace

std::string polynomial_text(const Poly& p, const std::string& x) {
    if (p.empty()) return "0";
    std::set<unsigned long> legends;
    std::string out;
    for (std::size_t i = p.size(); i-- > 0;) {
        const Cyclotomic& c = p[i];
        if (c.is_zero()) continue;
        const std::string power = i == 0 ? "" : i == 1 ? x : x + "^" + std::to_string(i);
        std::string term;
        if (i > 0 && c == Cyclotomic(1)) term = power;
        else if (i > 0 && c == Cyclotomic(-1)) term = "-" + power;
        else {
            std::string t = coefficient_text(c, legends);
            const bool simple = c.is_rational();
            if (i > 0) term = (simple ? t : "(" + t + ")") + "*" + power;
            else term = simple || out.empty() ? t : "(" + t + ")";
        }
        if (out.empty()) out = term;
        else if (term[0] == '-') out += " - " + term.substr(1);
        else out += " + " + term;
    }
    for (unsigned long n : legends) out += " (z" + std::to_string(n) + " = zeta_" + std::to_string(n) + ")";
    return out;
}

std::string ResidualSolution::describe() const {
    const std::string& x = symbol;
    if (no_solution()) return "for no value of " + x;
    std::string equation;
    const std::size_t d = gcd.size() - 1;
    bool binomial = true;
    for (std::size_t i = 1; i < d; ++i) binomial = binomial && gcd[i].is_zero();
    if (binomial) {
        const std::string power = d == 1 ? x : x + "^" + std::to_string(d);
        equation = power + " = " + polynomial_text(Poly{-gcd[0]}, x);
    } else {
        equation = polynomial_text(gcd, x) + " = 0";
    }
    std::string out = "iff " + equation;
    if (unit_modulus && !roots.empty()) {
        std::map<unsigned long, std::vector<unsigned long>> by_order;
        for (const auto& [m, j] : roots) by_order[m].push_back(j);
        std::string list;
        for (const auto& [m, js] : by_order) {
            std::string part;
            if (m == 1) part = x + " = 1";
            else if (m == 2) part = x + " = -1";
            else {
                part = x + " = zeta_" + std::to_string(m) + "^j, j in {";
                for (std::size_t i = 0; i < js.size(); ++i) part += (i ? ", " : "") + std::to_string(js[i]);
                part += "}";
                if (js.size() == phi(m)) part += " (the primitive " + ordinal(m) + " roots of unity)";
            }
            list += (list.empty() ? "" : " or ") + part;
        }
        out += complete ? ", i.e. " + list : "; roots of unity among its roots: " + list;
    }
    if (!unit_modulus && real_root && !real_root->is_real()) out += ", which is not real: for no real value of " + x;
    if (!complete) out += " (" + not_solved + ")";
    return out;
}

std::pair<long, Poly> laurent_coefficients(const Symbolic& v, const std::string& x, bool unit_modulus) {
    const Symbolic c = v.canonical();
    const gi::ex& e = c.expr();
    const gi::ex sym = unit_modulus ? Symbolic::unit_modulus(x).expr() : Symbolic::real_variable(x).expr();
    const gi::ex& zeta = Symbolic::zeta_symbol();
    if (c.is_zero()) return {0, {}};
    // every symbol of e must be x or zeta, and the value a Laurent polynomial (no denominator)
    const gi::ex den = e.numer_denom().op(1);
    if (den.degree(sym) != den.ldegree(sym) || !gi::is_a<gi::numeric>(den.coeff(sym, den.degree(sym))))
        throw InvalidInput("residual " + v.to_string() + " is not a Laurent polynomial in " + x);
    const long lo = e.ldegree(sym), hi = e.degree(sym);
    Poly p;
    for (long n = lo; n <= hi; ++n) {
        const gi::ex cn = e.coeff(sym, n).expand();
        if (cn.has(sym)) throw InvalidInput("residual " + v.to_string() + " is not a Laurent polynomial in " + x);
        const int zd = cn.degree(zeta);
        if (cn.ldegree(zeta) < 0) throw InvalidInput("residual with a negative power of zeta (internal)");
        std::vector<std::string> coeffs;
        for (int i = 0; i <= zd; ++i) {
            const gi::ex ci = cn.coeff(zeta, i);
            if (!gi::is_a<gi::numeric>(ci) || !gi::ex_to<gi::numeric>(ci).is_rational())
                throw InvalidInput("residual " + v.to_string() + " has a parameter other than " + x);
            std::ostringstream os;
            os << ci;
            coeffs.push_back(os.str());
        }
        p.push_back(Cyclotomic::from_coefficients(c.field_order(), coeffs));
    }
    trim(p);
    // drop leading zero coefficients at the low end (lo is exact for a non-zero value)
    return {lo, p};
}

SymbolicVerification verify_symbolic(const Element<Symbolic>& z, const ExpressionSymbols& symbols,
                                     const VerifyLimits& limits) {
    SymbolicVerification out;
    out.result = verify_global_optimum(z, limits);
    if (out.result.verdict == Verdict::unknown) return out;
    for (std::size_t i = 0; i < out.result.conditions.size(); ++i)
        if (!out.result.conditions[i].defect().is_zero()) out.residuals.push_back(i);
    if (out.residuals.empty()) return out;
    const std::size_t count = symbols.unit_modulus.size() + symbols.real.size();
    std::vector<Symbolic> values;
    for (std::size_t i : out.residuals) values.push_back(out.result.conditions[i].defect());
    if (count != 1) {
        out.common_zeros = decide_common_zeros(values, symbols);
        if (out.common_zeros->constant) out.common_zeros->constant = out.residuals[*out.common_zeros->constant];
        out.not_solved = count == 0 ? "no parameter: the residuals are non-zero numbers"
                                    : "not solved: " + std::to_string(count) +
                                          " parameters (the residuals are solved for one parameter only); " +
                                          out.common_zeros->reason;
        return out;
    }
    const bool unit_modulus = !symbols.unit_modulus.empty();
    out.solution = solve_residuals(values, unit_modulus ? symbols.unit_modulus.front() : symbols.real.front(), unit_modulus);
    out.solution->conditions = out.residuals;
    return out;
}

ResidualSolution solve_residuals(const std::vector<Symbolic>& values, const std::string& symbol, bool unit_modulus) {
    if (values.empty()) throw Error("internal: solve_residuals without residuals");
    ResidualSolution s;
    s.unit_modulus = unit_modulus;
    s.symbol = symbol;
    for (const Symbolic& value : values) {
        auto [lo, p] = laurent_coefficients(value, s.symbol, s.unit_modulus);
        if (p.empty()) throw Error("internal: a zero residual");
        s.shifts.push_back(-lo);
        s.numerators.push_back(std::move(p));
    }
    // g = gcd(p_1, ..., p_m) with cofactors, folding left to right
    Poly g = monic(s.numerators[0]);
    std::vector<Poly> u(s.numerators.size());
    u[0] = Poly{s.numerators[0].back().inverse()};
    for (std::size_t i = 1; i < s.numerators.size(); ++i) {
        Poly a, b;
        const Poly next = extended_gcd(g, s.numerators[i], a, b);
        for (std::size_t j = 0; j < i; ++j) u[j] = multiply(a, u[j]);
        u[i] = b;
        g = next;
        if (g.size() == 1) {
            for (std::size_t j = i + 1; j < s.numerators.size(); ++j) u[j] = {};
            break;
        }
    }
    s.gcd = g;
    s.cofactors = u;
    for (const Poly& p : s.numerators) {
        auto [q, r] = divide(p, g);
        if (!r.empty()) throw Error("internal: the gcd does not divide a residual");
        s.quotients.push_back(std::move(q));
    }
    const std::size_t degree = g.size() - 1;
    if (degree == 0) {
        s.complete = true;
        return s;
    }
    const Poly dg = derivative(g);
    Poly a, b;
    const Poly common = extended_gcd(g, dg, a, b);
    s.distinct_roots = degree - (common.size() - 1);
    if (!s.unit_modulus) {
        if (degree == 1) {
            const Cyclotomic root = -g[0];
            s.real_root = root;  // if it is not real, no real value solves the residuals
            s.complete = true;
        } else {
            s.not_solved = "not solved: a real parameter with a polynomial of degree " + std::to_string(degree);
        }
        return s;
    }
    unsigned long N = 1;
    for (const Cyclotomic& c : g) N = std::lcm(N, c.is_rational() ? 1UL : c.field_order());  // rational: Q
    const unsigned long budget = degree * phi(N);
    if (budget > 64) {
        s.not_solved = "not solved: degree " + std::to_string(degree) + " over Q(zeta_" + std::to_string(N) +
                       ") is beyond the root search (deg g * phi(N) <= 64)";
        return s;
    }
    // a root zeta_M^j (j prime to M) has degree phi(lcm(M, N)) / phi(N) <= deg g over Q(zeta_N), and
    // phi(M) >= sqrt(M / 2), so M <= 2 budget^2
    for (unsigned long M = 1; M <= 2 * budget * budget && s.roots.size() < s.distinct_roots; ++M) {
        const unsigned long L = std::lcm(M, N);
        if (phi(L) > budget || L > Cyclotomic::max_field_order) continue;
        for (unsigned long j = 0; j < M; ++j) {
            if (std::gcd(j, M) != 1) continue;
            if (evaluate(g, Cyclotomic::zeta(M, static_cast<long>(j))).is_zero()) s.roots.emplace_back(M, j);
        }
    }
    s.complete = s.roots.size() == s.distinct_roots;
    if (!s.complete)
        s.not_solved = "not solved: " + std::to_string(s.distinct_roots - s.roots.size()) +
                       " root(s) of g are not roots of unity (whether they lie on the unit circle is not decided)";
    return s;
}

}  // namespace cogo
