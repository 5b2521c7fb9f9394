/// \file theorem1_patterns.cpp
/// Theorem 1 for every finite Abelian group by finitely many frequency patterns (see theorem1_patterns.hpp).
///
/// Coefficients are exact Laurent monomials r * n^e (r rational): every contribution below is one, and a
/// sum of them is 0 for every n iff the rational parts of each power of n cancel.
#include "verify/theorem1_patterns.hpp"

#include <algorithm>
#include <array>
#include <cstdlib>
#include <map>
#include <numeric>
#include <set>
#include <stdexcept>
#include <utility>

#include "support/error.hpp"

namespace cogo::theorem1 {
namespace {

// ---------------------------------------------------------------- small exact rationals

long checked_mul(long a, long b) {
    long r;
    if (__builtin_mul_overflow(a, b, &r)) throw Error("theorem1 patterns: rational overflow");
    return r;
}
long checked_add(long a, long b) {
    long r;
    if (__builtin_add_overflow(a, b, &r)) throw Error("theorem1 patterns: rational overflow");
    return r;
}

struct Rat {
    long num = 0, den = 1;
    Rat() = default;
    Rat(long p, long q = 1) : num(p), den(q) {
        if (den == 0) throw Error("theorem1 patterns: zero denominator");
        if (den < 0) num = -num, den = -den;
        const long g = std::gcd(num, den);
        if (g > 1) num /= g, den /= g;
    }
    friend Rat operator+(Rat a, Rat b) {
        return Rat(checked_add(checked_mul(a.num, b.den), checked_mul(b.num, a.den)), checked_mul(a.den, b.den));
    }
    friend Rat operator*(Rat a, Rat b) { return Rat(checked_mul(a.num, b.num), checked_mul(a.den, b.den)); }
    [[nodiscard]] std::string str() const { return den == 1 ? std::to_string(num) : std::to_string(num) + "/" + std::to_string(den); }
};

/// r * n^e.
struct Mono {
    Rat r;
    int e = 0;
};
Mono operator*(Mono a, Mono b) { return {a.r * b.r, a.e + b.e}; }
const Mono kN{Rat(1), 1};  // n
Mono rat(long p, long q = 1) { return {Rat(p, q), 0}; }

/// A Laurent polynomial in n: power -> rational coefficient (zeros dropped).
using Laurent = std::map<int, Rat>;
void add_to(Laurent& l, const Mono& m) {
    Rat& slot = l[m.e];
    slot = slot + m.r;
    if (slot.num == 0) l.erase(m.e);
}
std::string laurent_str(const Laurent& l) {
    if (l.empty()) return "0";
    std::string s;
    for (const auto& [e, r] : l) s += (s.empty() ? "" : " + ") + r.str() + " n^" + std::to_string(e);
    return s;
}

// ---------------------------------------------------------------- linear forms and contributions

constexpr int kPositions = 6;  // k1, k2, k5 (node j), k3, k4, k6 (node j')
using Form = std::array<int, kPositions>;

Form unit(int i) {
    Form f{};
    f[static_cast<std::size_t>(i)] = 1;
    return f;
}
Form operator+(Form a, const Form& b) {
    for (int i = 0; i < kPositions; ++i) a[i] += b[i];
    return a;
}
Form operator-(Form a) {
    for (int& v : a) v = -v;
    return a;
}
Form operator-(const Form& a, const Form& b) { return a + (-b); }
bool is_zero_form(const Form& f) {
    return std::all_of(f.begin(), f.end(), [](int v) { return v == 0; });
}
/// The sign-normalised form (first non-zero coefficient positive): [f = 0] iff [canon(f) = 0].
Form canon(const Form& f) {
    for (int v : f)
        if (v != 0) return v > 0 ? f : -f;
    return f;
}
std::string form_str(const Form& f) {
    static const char* names[kPositions] = {"k1", "k2", "k5", "k3", "k4", "k6"};
    std::string s;
    for (int i = 0; i < kPositions; ++i) {
        if (f[i] == 0) continue;
        if (f[i] > 0 && !s.empty()) s += "+";
        if (f[i] == -1) s += "-";
        else if (f[i] != 1) s += std::to_string(f[i]);
        s += names[i];
    }
    return s.empty() ? "0" : s;
}

/// [form = 0] (zero = true) or [form != 0] (zero = false).
struct Indicator {
    Form form;
    bool zero;
};

/// coefficient * product of indicators.
struct Contribution {
    Mono coef;
    std::vector<Indicator> indicators;
};

/// Input types of one node's quadratic factor.
enum class Type { aa = 0, ab = 1, bb = 2 };
const char* type_name(Type t) { return t == Type::aa ? "aa" : t == Type::ab ? "ab" : "bb"; }
constexpr Type kTypes[] = {Type::aa, Type::ab, Type::bb};

/// The x- and y-frequency of the character product of type t with input indices at positions u, v:
/// aa: chi_{k_u + k_v}(x); ab: chi_{k_u}(x) chi_{k_v}(y); bb: chi_{k_u + k_v}(y).
Form x_freq(Type t, int u, int v) {
    return t == Type::aa ? unit(u) + unit(v) : t == Type::ab ? unit(u) : Form{};
}
Form y_freq(Type t, int u, int v) {
    return t == Type::bb ? unit(u) + unit(v) : t == Type::ab ? unit(v) : Form{};
}
/// Multiplicity of the type in (A + B)^2 = A^2 + 2AB + B^2.
long multiplicity(Type t) { return t == Type::ab ? 2 : 1; }

/// sum over a group variable of a character with frequency f: n [f = 0].
Contribution& orth(Contribution& c, const Form& f) {
    c.coef = c.coef * kN;
    c.indicators.push_back({f, true});
    return c;
}

/// A template: a constant, a linear one (type t1 on positions 0, 1, 2) or a quadratic one (t1 on 0, 1, 2,
/// t2 on 3, 4, 5), with its contributions on each side.
struct Template {
    int degree = 0;  // 0 const, 1 linear, 2 quadratic
    Type t1 = Type::aa, t2 = Type::aa;
    std::vector<Contribution> direct, fourier;
    [[nodiscard]] std::string name() const {
        if (degree == 0) return "const";
        if (degree == 1) return type_name(t1);
        return std::string(type_name(t1)) + "." + type_name(t2);
    }
};

// ---------------------------------------------------------------- the direct side (docs/theory.md section 1)
//
// l = (1/n^2) sum_{x,y} ( sum_m o[m]^2 - (1/n) (sum_m o[m])^2 - 2 o[x+y] + (2/n) sum_m o[m] + ||P e||^2 ),
// from ||P(o - e)||^2 = ||P o||^2 - 2 <o, P e> + ||P e||^2 and <o, P e> = o[x+y] - (1/n) sum_m o[m].
// o[m] = sum_j sum_{k5} (1/2n) z_c[k5, j] chi_{-k5}(m) * sum_T mult_T * (type-T product at node j, with its
// characters in x and y).

/// The direct side's quadratic contributions of the ordered type pair (t1 on node j, t2 on node j').
std::vector<Contribution> direct_quadratic(Type t1, Type t2) {
    const Form x1 = x_freq(t1, 0, 1), y1 = y_freq(t1, 0, 1), w1 = unit(2);
    const Form x2 = x_freq(t2, 3, 4), y2 = y_freq(t2, 3, 4), w2 = unit(5);
    const Mono pre = rat(1) * rat(multiplicity(t1) * multiplicity(t2), 4) * Mono{Rat(1), -2} * Mono{Rat(1), -2};
    // (1/n^2) sum_{x,y,m} o[m] o[m]: the m-characters are chi_{-k5}(m) chi_{-k6}(m)
    Contribution a{pre, {}};
    orth(orth(orth(a, x1 + x2), y1 + y2), -(w1 + w2));
    // -(1/n^3) sum_{x,y} (sum_m o[m]) (sum_m' o[m'])
    Contribution b{pre * rat(-1) * Mono{Rat(1), -1}, {}};
    orth(orth(orth(orth(b, x1 + x2), y1 + y2), -w1), -w2);
    return {a, b};
}

/// The direct side's linear contributions of type t (node j, positions 0, 1, 2).
std::vector<Contribution> direct_linear(Type t) {
    const Form x = x_freq(t, 0, 1), y = y_freq(t, 0, 1), w = unit(2);
    const Mono pre = rat(multiplicity(t), 2) * Mono{Rat(1), -1} * Mono{Rat(1), -2};
    // -(2/n^2) sum_{x,y} o[x+y]: chi_{-k5}(x+y) = chi_{-k5}(x) chi_{-k5}(y)
    Contribution c{pre * rat(-2), {}};
    orth(orth(c, x - w), y - w);
    // +(2/n^3) sum_{x,y} sum_m o[m]
    Contribution d{pre * rat(2) * Mono{Rat(1), -1}, {}};
    orth(orth(orth(d, x), y), -w);
    return {c, d};
}

/// (1/n^2) sum_{x,y} ||P e_{x+y}||^2 = sum_m (e[m] - 1/n)^2 = (1 - 1/n)^2 + (n - 1)/n^2.
std::vector<Contribution> direct_constant() {
    return {{rat(1), {}}, {Mono{Rat(-2), -1}, {}}, {Mono{Rat(1), -2}, {}},       // (1 - 1/n)^2
            {Mono{Rat(1), -1}, {}}, {Mono{Rat(-1), -2}, {}}};                     // (n - 1)/n^2
}

// ---------------------------------------------------------------- the Fourier side (docs/theory.md section 3)
//
// l = (n-1)/n + (1/n) sum_{k != 0} l_k,  l_k = -2 Re r_kkk + sum over four position regions R of
// sum_{(s,t) in R} |E_R(s,t,k)|^2, E_R a sum of half-terms w * sum_{k1,k2} [pos_T(k1,k2) = (s,t)] (type T
// at node j, output k), pos_ab = (k1, k2) (r_{s,t,k}), pos_aa = (k1 + k2, 0) (sum_k' r_{a,k',s-k',k}),
// pos_bb = (0, k1 + k2):
//   general form:   R1 = {s,t != 0}: r_{s,t,k};  R2 = {s != 0, t = 0}: 1/2 sum r_a + r_{s,0,k};
//                   R3 = {s = 0, t != 0}: 1/2 sum r_b + r_{0,t,k};  R4 = {(0,0)}: 1/2 sum (r_a + r_b) + r_{0,0,k};
//   zero-mean form: R1 the same; R2: 1/2 sum r_a;  R3: 1/2 sum r_b;  R4: 1/2 sum (r_a + r_b).
// (1/4 |S|^2 = |S/2|^2.) |E(s,t,k)|^2 = E(s,t,k) E(-s,-t,-k) for real weights.

struct HalfTerm {
    Type type;
    Rat weight;
};
struct Region {
    bool s_zero, t_zero;  // R1: (false, false), R2: (false, true), R3: (true, false), R4: (true, true)
    std::vector<HalfTerm> half_terms;
};

std::vector<Region> regions(Formula f) {
    const Rat half(1, 2);
    if (f == Formula::general)
        return {{false, false, {{Type::ab, Rat(1)}}},
                {false, true, {{Type::aa, half}, {Type::ab, Rat(1)}}},
                {true, false, {{Type::bb, half}, {Type::ab, Rat(1)}}},
                {true, true, {{Type::aa, half}, {Type::bb, half}, {Type::ab, Rat(1)}}}};
    return {{false, false, {{Type::ab, Rat(1)}}},
            {false, true, {{Type::aa, half}}},
            {true, false, {{Type::bb, half}}},
            {true, true, {{Type::aa, half}, {Type::bb, half}}}};
}

/// The Fourier side's quadratic contributions of the ordered pair (t1 on node j, t2 on node j'):
/// (1/n) sum_{k != 0} sum_R sum_{(s,t) in R} w1 w2 [pos_t1(k1,k2) = (s,t)] [k5 = k] [pos_t2(k3,k4) = (-s,-t)]
/// [k6 = -k]; the sum over (s, t, k) in G^3 sets s = X1, t = Y1, k = k5.
std::vector<Contribution> fourier_quadratic(Formula f, Type t1, Type t2) {
    const Form x1 = x_freq(t1, 0, 1), y1 = y_freq(t1, 0, 1), w1 = unit(2);
    const Form x2 = x_freq(t2, 3, 4), y2 = y_freq(t2, 3, 4), w2 = unit(5);
    std::vector<Contribution> out;
    for (const Region& r : regions(f))
        for (const HalfTerm& h1 : r.half_terms)
            for (const HalfTerm& h2 : r.half_terms) {
                if (h1.type != t1 || h2.type != t2) continue;
                Contribution c{Mono{h1.weight * h2.weight, -1}, {}};
                c.indicators = {{w1, false},        // k != 0
                                {x2 + x1, true},    // pos_t2 = (-s, .)
                                {y2 + y1, true},    // pos_t2 = (., -t)
                                {w2 + w1, true},    // k6 = -k
                                {x1, r.s_zero},     // s in R
                                {y1, r.t_zero}};    // t in R
                out.push_back(std::move(c));
            }
    return out;
}

/// -(1/n) sum_{k != 0} (r_{k,k,k} + r_{-k,-k,-k}) (only type ab): [k1 = k][k2 = k][k5 = k], k = k5, and the
/// conjugate with k = -k5.
std::vector<Contribution> fourier_linear(Type t) {
    if (t != Type::ab) return {};
    const Form x = x_freq(t, 0, 1), y = y_freq(t, 0, 1), w = unit(2);
    std::vector<Contribution> out;
    for (int sign : {1, -1}) {
        // r_{sk, sk, sk} with s = sign: k5 = s k, so k = s k5 (non-zero iff k5 is) and k1 = k2 = k5
        const Form k = sign > 0 ? w : -w;
        out.push_back({Mono{Rat(-1), -1}, {{k, false}, {x - w, true}, {y - w, true}}});
    }
    return out;
}

std::vector<Contribution> fourier_constant() { return {{rat(1), {}}, {Mono{Rat(-1), -1}, {}}}; }  // (n-1)/n

// ---------------------------------------------------------------- templates, symmetries, canonical order

/// Positions swap of the two nodes: (0,1,2) <-> (3,4,5).
Form swap_blocks(const Form& f) { return {f[3], f[4], f[5], f[0], f[1], f[2]}; }

/// The ten templates with both sides' contributions; an ordered pair (t1, t2) with t1 > t2 is mapped to
/// (t2, t1) by swapping the nodes (j, j' both run over all nodes, so the sum is unchanged).
std::vector<Template> build_templates(Formula f) {
    std::vector<Template> ts;
    Template c;
    c.degree = 0;
    c.direct = direct_constant();
    c.fourier = fourier_constant();
    ts.push_back(c);
    for (Type t : kTypes) {
        Template l;
        l.degree = 1;
        l.t1 = t;
        l.direct = direct_linear(t);
        l.fourier = fourier_linear(t);
        ts.push_back(l);
    }
    std::map<std::pair<int, int>, Template> quad;
    for (Type t1 : kTypes)
        for (Type t2 : kTypes) {
            const bool swap = static_cast<int>(t1) > static_cast<int>(t2);
            const Type u1 = swap ? t2 : t1, u2 = swap ? t1 : t2;
            Template& q = quad[{static_cast<int>(u1), static_cast<int>(u2)}];
            q.degree = 2;
            q.t1 = u1;
            q.t2 = u2;
            auto add = [&](std::vector<Contribution>& dst, std::vector<Contribution> src) {
                for (Contribution& k : src) {
                    if (swap)
                        for (Indicator& i : k.indicators) i.form = swap_blocks(i.form);
                    dst.push_back(std::move(k));
                }
            };
            add(q.direct, direct_quadratic(t1, t2));
            add(q.fourier, fourier_quadratic(f, t1, t2));
        }
    for (auto& [key, q] : quad) ts.push_back(std::move(q));
    return ts;
}

using Perm = std::array<int, kPositions>;  // new position of each old one

/// The permutations of positions that leave the template's monomial unchanged: swapping the two equal
/// input factors of an aa or bb node, and swapping the nodes when both have the same type.
std::vector<Perm> symmetries(const Template& t) {
    std::vector<Perm> gens;
    auto transposition = [](int i, int j) {
        Perm p{0, 1, 2, 3, 4, 5};
        std::swap(p[i], p[j]);
        return p;
    };
    if (t.degree >= 1 && t.t1 != Type::ab) gens.push_back(transposition(0, 1));
    if (t.degree == 2 && t.t2 != Type::ab) gens.push_back(transposition(3, 4));
    if (t.degree == 2 && t.t1 == t.t2) gens.push_back(Perm{3, 4, 5, 0, 1, 2});
    std::set<Perm> group{Perm{0, 1, 2, 3, 4, 5}};
    bool grew = true;
    while (grew) {
        grew = false;
        for (const Perm& p : std::vector<Perm>(group.begin(), group.end()))
            for (const Perm& g : gens) {
                Perm q{};
                for (int i = 0; i < kPositions; ++i) q[i] = g[p[i]];
                grew |= group.insert(q).second;
            }
    }
    return {group.begin(), group.end()};
}

/// The form L composed with the position permutation: (L o sigma)(k) = L(sigma k), (sigma k)[p[i]] = k[i].
Form permute(const Form& f, const Perm& p) {
    Form g{};
    for (int i = 0; i < kPositions; ++i) g[i] = f[p[i]];
    return g;
}

// ---------------------------------------------------------------- closed patterns

/// An integer lattice in Z^6 in row echelon form (pivot columns increasing, positive pivots).
class Lattice {
public:
    [[nodiscard]] bool contains(Form v) const {
        for (const Form& r : rows_) {
            const int p = pivot(r);
            for (int c = 0; c < p; ++c)
                if (v[c] != 0) return false;
            if (v[p] % r[p] != 0) return false;
            const int m = v[p] / r[p];
            for (int c = 0; c < kPositions; ++c) v[c] = static_cast<int>(checked_add(v[c], -checked_mul(m, r[c])));
        }
        return is_zero_form(v);
    }
    void add(const Form& v) {
        rows_.push_back(v);
        echelon();
    }

private:
    static int pivot(const Form& r) {
        for (int c = 0; c < kPositions; ++c)
            if (r[c] != 0) return c;
        return kPositions;
    }
    void echelon() {
        std::vector<Form> rest = rows_, done;
        for (int col = 0; col < kPositions; ++col) {
            while (true) {
                // the row with the smallest non-zero |entry| in col among the rows still undecided
                int best = -1;
                for (int i = 0; i < static_cast<int>(rest.size()); ++i)
                    if (rest[i][col] != 0 && (best < 0 || std::abs(rest[i][col]) < std::abs(rest[best][col]))) best = i;
                if (best < 0) break;
                bool others = false;
                for (int i = 0; i < static_cast<int>(rest.size()); ++i) {
                    if (i == best || rest[i][col] == 0) continue;
                    const int m = rest[i][col] / rest[best][col];
                    for (int c = 0; c < kPositions; ++c)
                        rest[i][c] = static_cast<int>(checked_add(rest[i][c], -checked_mul(m, rest[best][c])));
                    others |= rest[i][col] != 0;
                }
                if (!others) {
                    Form r = rest[best];
                    if (r[col] < 0) r = -r;
                    done.push_back(r);
                    rest.erase(rest.begin() + best);
                    break;
                }
            }
        }
        rows_ = std::move(done);
    }
    std::vector<Form> rows_;
};

/// Every subset S of atoms with span_Z(S) n atoms = S (every pattern {atoms vanishing at k} is one).
void closed_patterns(const std::vector<Form>& atoms, std::size_t i, const Lattice& lat, std::vector<bool>& in,
                     std::vector<std::vector<bool>>& out) {
    if (i == atoms.size()) {
        out.push_back(in);
        return;
    }
    if (lat.contains(atoms[i])) {  // forced: a combination of vanishing forms vanishes
        in[i] = true;
        closed_patterns(atoms, i + 1, lat, in, out);
        return;
    }
    in[i] = false;
    closed_patterns(atoms, i + 1, lat, in, out);
    Lattice bigger = lat;
    bigger.add(atoms[i]);
    for (std::size_t j = 0; j < i; ++j)
        if (!in[j] && bigger.contains(atoms[j])) return;  // would make an excluded atom vanish
    in[i] = true;
    closed_patterns(atoms, i + 1, bigger, in, out);
    in[i] = false;
}

/// The value of sum_c coef(c) prod indicators on the pattern (atom -> vanishes).
Laurent evaluate(const std::vector<Contribution>& cs, const std::map<Form, bool>& vanishes, const Perm& p,
                 const Rat& scale) {
    Laurent l;
    for (const Contribution& c : cs) {
        bool holds = true;
        for (const Indicator& ind : c.indicators) {
            const Form f = canon(permute(ind.form, p));
            const bool zero = is_zero_form(f) ? true : vanishes.at(f);
            if (zero != ind.zero) {
                holds = false;
                break;
            }
        }
        if (holds) add_to(l, Mono{c.coef.r * scale, c.coef.e});
    }
    return l;
}

}  // namespace

std::vector<TemplateReport> check_patterns(const Claim& claim) {
    std::vector<TemplateReport> reports;
    for (const Template& t : build_templates(claim.formula)) {
        TemplateReport rep;
        rep.name = t.name();
        const std::vector<Perm> syms = symmetries(t);
        // atoms: every indicator form under every symmetry, and the input frequencies themselves
        std::set<Form> atom_set;
        for (const auto* side : {&t.direct, &t.fourier})
            for (const Contribution& c : *side)
                for (const Indicator& i : c.indicators)
                    for (const Perm& p : syms) {
                        const Form f = canon(permute(i.form, p));
                        if (!is_zero_form(f)) atom_set.insert(f);
                    }
        std::vector<int> inputs;
        if (t.degree >= 1) inputs = {0, 1};
        if (t.degree == 2) inputs = {0, 1, 3, 4};
        for (int i : inputs) atom_set.insert(unit(i));
        const std::vector<Form> atoms(atom_set.begin(), atom_set.end());
        rep.atoms = atoms.size();
        std::vector<std::vector<bool>> patterns;
        std::vector<bool> in(atoms.size(), false);
        closed_patterns(atoms, 0, Lattice{}, in, patterns);
        const Rat scale(1, static_cast<long>(syms.size()));
        for (const std::vector<bool>& pat : patterns) {
            std::map<Form, bool> vanishes;
            for (std::size_t i = 0; i < atoms.size(); ++i) vanishes[atoms[i]] = pat[i];
            if (claim.zero_mean_inputs) {
                bool dc = false;
                for (int i : inputs) dc |= vanishes.at(unit(i));
                if (dc) continue;  // the monomial contains a DC input entry, which is 0 by hypothesis
            }
            ++rep.patterns;
            Laurent diff;
            for (const Perm& p : syms) {
                for (const auto& [e, r] : evaluate(t.direct, vanishes, p, scale)) add_to(diff, Mono{r, e});
                for (const auto& [e, r] : evaluate(t.fourier, vanishes, p, scale)) add_to(diff, Mono{r * Rat(-1), e});
            }
            if (!diff.empty()) {
                if (rep.failures++ == 0) {
                    std::string zs, nzs;
                    for (std::size_t i = 0; i < atoms.size(); ++i)
                        (pat[i] ? zs : nzs) += (pat[i] ? zs : nzs).empty() ? form_str(atoms[i]) : ", " + form_str(atoms[i]);
                    rep.first_failure = "vanishing {" + zs + "}, non-zero {" + nzs + "}: direct - fourier = " +
                                        laurent_str(diff);
                }
            }
        }
        reports.push_back(std::move(rep));
    }
    return reports;
}

Cyclotomic evaluate_templates(Side side, Formula formula, const Element<Cyclotomic>& z) {
    const AbelianGroup& g = z.group();
    const std::size_t n = g.order();
    if (n > 12) throw InvalidInput("theorem1 templates: the O(n^6) evaluation is limited to |G| <= 12");
    // F_T[k1][k2][k5] = sum_j p1[k1, j] p2[k2, j] c[k5, j]
    std::vector<std::vector<Cyclotomic>> dense_a, dense_b, dense_c;
    for (const Node<Cyclotomic>& node : z.nodes()) {
        auto dense = [n](const FourierRow<Cyclotomic>& row) {
            std::vector<Cyclotomic> v(n);
            for (const auto& [k, val] : row) v[k] = val;
            return v;
        };
        dense_a.push_back(dense(node.a));
        dense_b.push_back(dense(node.b));
        dense_c.push_back(dense(node.c));
    }
    std::array<std::vector<Cyclotomic>, 3> table;
    for (Type t : kTypes) {
        std::vector<Cyclotomic>& f = table[static_cast<int>(t)];
        f.assign(n * n * n, Cyclotomic{});
        for (std::size_t j = 0; j < z.order(); ++j) {
            const auto& p1 = t == Type::bb ? dense_b[j] : dense_a[j];
            const auto& p2 = t == Type::aa ? dense_a[j] : dense_b[j];
            for (std::size_t k1 = 0; k1 < n; ++k1)
                for (std::size_t k2 = 0; k2 < n; ++k2) {
                    if (is_zero(p1[k1]) || is_zero(p2[k2])) continue;
                    const Cyclotomic pp = p1[k1] * p2[k2];
                    for (std::size_t k5 = 0; k5 < n; ++k5)
                        if (!is_zero(dense_c[j][k5])) f[(k1 * n + k2) * n + k5] += pp * dense_c[j][k5];
                }
        }
    }
    // addition and small-multiple tables (the forms' coefficients are small integers)
    constexpr int kMaxCoef = 4;
    std::vector<std::size_t> add_tab(n * n), mul_tab((2 * kMaxCoef + 1) * n);
    for (std::size_t x = 0; x < n; ++x) {
        for (std::size_t y = 0; y < n; ++y) add_tab[x * n + y] = g.add(x, y);
        for (int c = -kMaxCoef; c <= kMaxCoef; ++c) mul_tab[(c + kMaxCoef) * n + x] = g.mul(c, x);
    }
    auto value = [&](const Form& f, const std::array<std::size_t, kPositions>& k) {
        std::size_t s = 0;
        for (int i = 0; i < kPositions; ++i) {
            if (f[i] == 0) continue;
            const std::size_t m = std::abs(f[i]) <= kMaxCoef ? mul_tab[(f[i] + kMaxCoef) * n + k[i]] : g.mul(f[i], k[i]);
            s = add_tab[s * n + m];
        }
        return s;
    };
    auto holds = [&](const Contribution& c, const std::array<std::size_t, kPositions>& k) {
        for (const Indicator& ind : c.indicators)
            if ((value(ind.form, k) == 0) != ind.zero) return false;
        return true;
    };
    auto coef_value = [&](const Mono& m) {
        Cyclotomic v = Cyclotomic::rational(m.r.num, m.r.den);
        const Cyclotomic nn = Cyclotomic::rational(static_cast<long>(n), 1);
        const Cyclotomic inv = Cyclotomic::rational(1, static_cast<long>(n));
        for (int e = 0; e < std::abs(m.e); ++e) v *= m.e > 0 ? nn : inv;
        return v;
    };
    Cyclotomic total;
    for (const Template& t : build_templates(formula)) {
        const std::vector<Contribution>& cs = side == Side::direct ? t.direct : t.fourier;
        std::vector<Cyclotomic> coefs;
        for (const Contribution& c : cs) coefs.push_back(coef_value(c.coef));
        std::array<std::size_t, kPositions> k{};
        const std::size_t free_positions = t.degree == 0 ? 0 : t.degree == 1 ? 3 : 6;
        std::size_t count = 1;
        for (std::size_t i = 0; i < free_positions; ++i) count *= n;
        for (std::size_t idx = 0; idx < count; ++idx) {
            std::size_t rest = idx;
            for (std::size_t i = 0; i < free_positions; ++i) {
                k[i] = rest % n;
                rest /= n;
            }
            Cyclotomic coef;
            bool any = false;
            for (std::size_t c = 0; c < cs.size(); ++c)
                if (holds(cs[c], k)) {
                    coef += coefs[c];
                    any = true;
                }
            if (!any || is_zero(coef)) continue;
            if (t.degree == 0) total += coef;
            else if (t.degree == 1) total += coef * table[static_cast<int>(t.t1)][(k[0] * n + k[1]) * n + k[2]];
            else
                total += coef * table[static_cast<int>(t.t1)][(k[0] * n + k[1]) * n + k[2]] *
                         table[static_cast<int>(t.t2)][(k[3] * n + k[4]) * n + k[5]];
        }
    }
    return total;
}

}  // namespace cogo::theorem1
