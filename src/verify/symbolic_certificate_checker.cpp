/// \file symbolic_certificate_checker.cpp
/// The independent checker of symbolic certificates (symbolic_certificate_format.md). Its arithmetic is its
/// own: polynomials are parsed with GiNaC's parser (a strict symbol table: the declared parameters and
/// "zeta", no functions), validated (rational numbers, symbols, sums, products, integer powers), multiplied
/// out with GiNaC's expand(), and reduced to a canonical form here: every term is split into its monomial in
/// the parameters and its power of zeta, the zeta exponent is taken mod N (zeta^N = 1) and each monomial's
/// coefficient vector is reduced modulo Phi_N, computed here as (x^N - 1) / prod_{d | N, d < N} Phi_d. A
/// value is zero iff nothing survives (Phi_N is the minimal polynomial of zeta_N; Laurent monomials in unit
/// parameters are linearly independent functions on the torus, monomials in real parameters on R^m).
/// Nothing of cogo::Symbolic, cogo::Cyclotomic or src/algebra is used.
#include <algorithm>
#include <array>
#include <cctype>
#include <map>
#include <numeric>
#include <set>
#include <sstream>
#include <tuple>

#include <ginac/ginac.h>
#include <nlohmann/json.hpp>

#include "io/bounded_read.hpp"
#include "support/error.hpp"
#include "verify/symbolic_certificate.hpp"

namespace cogo {

namespace {

namespace gi = GiNaC;

constexpr std::uint64_t kMaxField = 4096;
constexpr std::uint64_t kMaxGroupOrder = 100'000;
constexpr std::size_t kMaxExpressionChars = 100'000;
constexpr long kMaxPower = 4096;

/// A rejection: the certificate does not establish its claim.
struct Reject {
    std::string reason;
};

[[noreturn]] void reject(const std::string& why) { throw Reject{why}; }

using Vec = std::vector<gi::numeric>;
using Canon = std::map<gi::ex, Vec, gi::ex_is_less>;

class Arithmetic {
public:
    Arithmetic(std::uint64_t N, const std::vector<std::pair<std::string, bool>>& symbols) : N_(N) {
        table_["zeta"] = zeta_;
        for (const auto& [name, unit_modulus] : symbols) {
            const gi::symbol s(name);
            table_[name] = s;
            unit_modulus_[name] = unit_modulus;
            syms_.push_back(s);
        }
        phi_ = cyclotomic(N_);
    }

    const gi::symbol& zeta() const { return zeta_; }
    std::uint64_t field() const { return N_; }
    gi::ex symbol(const std::string& name) const { return table_.at(name); }

    /// Parses and validates one polynomial text.
    gi::ex parse(const nlohmann::json& j, const std::string& where) const {
        if (!j.is_string()) reject(where + ": expected a polynomial as a string");
        const std::string text = j.get<std::string>();
        if (text.size() > kMaxExpressionChars)
            throw ResourceLimit(where + ": expression of " + std::to_string(text.size()) + " characters (at most " +
                                std::to_string(kMaxExpressionChars) + ")");
        int depth = 0;
        for (char c : text) {
            depth += c == '(' ? 1 : c == ')' ? -1 : 0;
            if (depth > 200) reject(where + ": nesting deeper than 200");
        }
        gi::ex e;
        try {
            gi::parser reader(table_, true, gi::prototype_table());
            e = reader(text);
        } catch (const std::exception& ex) {
            reject(where + ": not a polynomial in the declared symbols and zeta (" + std::string(ex.what()).substr(0, 200) + ")");
        }
        validate(e, where);
        return e;
    }

    /// The canonical form of e (see the file comment).
    Canon canon(const gi::ex& e) const {
        Canon out;
        const gi::ex x = e.expand();
        auto term = [&](const gi::ex& t) {
            gi::numeric c = 1;
            long z = 0;
            gi::ex key = 1;
            auto factor = [&](const gi::ex& f) {
                if (gi::is_exactly_a<gi::numeric>(f)) c *= gi::ex_to<gi::numeric>(f);
                else if (f.is_equal(zeta_)) z += 1;
                else if (gi::is_exactly_a<gi::power>(f) && f.op(0).is_equal(zeta_)) z += gi::ex_to<gi::numeric>(f.op(1)).to_long();
                else key = key * f;
            };
            if (gi::is_exactly_a<gi::mul>(t))
                for (std::size_t i = 0; i < t.nops(); ++i) factor(t.op(i));
            else factor(t);
            const long n = static_cast<long>(N_);
            z = ((z % n) + n) % n;
            Vec& v = out[key];
            if (v.empty()) v.assign(N_, 0);
            v[static_cast<std::size_t>(z)] += c;
        };
        if (gi::is_exactly_a<gi::add>(x))
            for (std::size_t i = 0; i < x.nops(); ++i) term(x.op(i));
        else if (!x.is_zero()) term(x);
        for (auto it = out.begin(); it != out.end();) {
            reduce(it->second);
            bool zero = std::all_of(it->second.begin(), it->second.end(), [](const gi::numeric& q) { return q.is_zero(); });
            it = zero ? out.erase(it) : std::next(it);
        }
        return out;
    }

    bool is_zero(const gi::ex& e) const { return canon(e).empty(); }

    /// e with zeta -> zeta_L^(L/N) and x -> zeta_L^(L/M j), in Q(zeta_L): is it zero?
    bool vanishes_at_root(const gi::ex& e, const gi::ex& x, std::uint64_t M, std::uint64_t j) const {
        const std::uint64_t L = std::lcm(N_, M);
        if (L > kMaxField) throw FieldTooLarge("root zeta_" + std::to_string(M) + ": field beyond Q(zeta_" + std::to_string(kMaxField) + ")");
        const gi::symbol w("w");
        gi::exmap m;
        m[zeta_] = gi::pow(w, static_cast<long>(L / N_));
        m[x] = gi::pow(w, static_cast<long>((L / M) * j));
        gi::ex s = e.subs(m, gi::subs_options::no_pattern);
        std::vector<std::pair<std::string, bool>> none;
        Arithmetic a(L, none);
        gi::exmap back;
        back[w] = a.zeta_;
        return a.is_zero(s.subs(back, gi::subs_options::no_pattern));
    }

    /// The lowest power of x in e (e expanded; Laurent in x).
    static long low_degree(const gi::ex& e, const gi::ex& x) { return e.expand().ldegree(x); }

private:
    void validate(const gi::ex& e, const std::string& where) const {
        if (gi::is_exactly_a<gi::numeric>(e)) {
            if (!gi::ex_to<gi::numeric>(e).is_rational()) reject(where + ": a number that is not rational");
            return;
        }
        if (gi::is_exactly_a<gi::symbol>(e)) return;  // the strict parser admits only declared names
        if (gi::is_exactly_a<gi::add>(e) || gi::is_exactly_a<gi::mul>(e)) {
            for (std::size_t i = 0; i < e.nops(); ++i) validate(e.op(i), where);
            return;
        }
        if (gi::is_exactly_a<gi::power>(e)) {
            const gi::ex& exponent = e.op(1);
            if (!gi::is_exactly_a<gi::numeric>(exponent) || !gi::ex_to<gi::numeric>(exponent).is_integer())
                reject(where + ": a power with a non-integer exponent");
            const long n = gi::ex_to<gi::numeric>(exponent).to_long();
            const gi::ex& base = e.op(0);
            if (gi::is_exactly_a<gi::symbol>(base)) {
                if (n > kMaxPower || n < -kMaxPower) throw ResourceLimit(where + ": a power beyond " + std::to_string(kMaxPower));
                if (n < 0 && !base.is_equal(zeta_)) {
                    const auto it = unit_modulus_.find(gi::ex_to<gi::symbol>(base).get_name());
                    if (it == unit_modulus_.end() || !it->second) reject(where + ": a negative power of a real symbol");
                }
                return;
            }
            if (n < 0 || n > 64) reject(where + ": a power of a sum must have exponent 0..64");
            validate(base, where);
            return;
        }
        reject(where + ": not a polynomial (only numbers, symbols, +, *, integer powers)");
    }

    /// Phi_n over Q as coefficients c_0..c_phi (monic); memoised (a divisor chain would otherwise recompute
    /// Phi_d exponentially often).
    static Vec cyclotomic(std::uint64_t n) {
        thread_local std::map<std::uint64_t, Vec> memo;
        if (const auto it = memo.find(n); it != memo.end()) return it->second;
        const gi::symbol x("x");
        gi::ex p = gi::pow(x, static_cast<long>(n)) - 1;
        for (std::uint64_t d = 1; d < n; ++d)
            if (n % d == 0) {
                const Vec c = cyclotomic(d);
                gi::ex q = 0;
                for (std::size_t i = 0; i < c.size(); ++i) q += c[i] * gi::pow(x, static_cast<long>(i));
                p = gi::quo(p, q, x);
            }
        p = p.expand();
        Vec out;
        for (int i = 0; i <= p.degree(x); ++i) out.push_back(gi::ex_to<gi::numeric>(p.coeff(x, i)));
        memo.emplace(n, out);
        return out;
    }

    void reduce(Vec& v) const {
        const std::size_t deg = phi_.size() - 1;
        for (std::size_t e = v.size(); e-- > deg;) {
            if (v[e].is_zero()) continue;
            const gi::numeric c = v[e];
            for (std::size_t i = 0; i <= deg; ++i) v[e - deg + i] -= c * phi_[i];
        }
    }

    std::uint64_t N_;
    gi::symbol zeta_{"zeta"};
    gi::symtab table_;
    std::map<std::string, bool> unit_modulus_;
    std::vector<gi::symbol> syms_;
    Vec phi_;
};

std::uint64_t get_uint(const nlohmann::json& j, const std::string& what, std::uint64_t max) {
    if (!j.is_number_unsigned() && !(j.is_number_integer() && j.get<std::int64_t>() >= 0))
        reject(what + ": expected a non-negative integer");
    const std::uint64_t v = j.get<std::uint64_t>();
    if (v > max) reject(what + ": " + std::to_string(v) + " exceeds " + std::to_string(max));
    return v;
}

const nlohmann::json& field(const nlohmann::json& j, const char* key, const std::string& where) {
    if (!j.is_object() || !j.contains(key)) reject(where + ": missing \"" + key + "\"");
    return j.at(key);
}

bool identifier(const std::string& s) {
    if (s.empty() || s.size() > 64 || !std::isalpha(static_cast<unsigned char>(s[0]))) return false;
    return std::all_of(s.begin(), s.end(), [](char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '_'; });
}

void check(const nlohmann::json& doc, SymbolicCertificateCheck& out) {
    if (!doc.is_object() || field(doc, "format", "certificate") != "cogo-symbolic-certificate")
        reject("not a cogo-symbolic-certificate");
    if (field(doc, "version", "certificate") != 1) reject("unsupported version (expected 1)");
    if (doc.contains("statement") && doc["statement"].is_string()) out.statement = doc["statement"].get<std::string>();
    const nlohmann::json& verdict = field(doc, "verdict", "certificate");
    if (!verdict.is_string()) reject("verdict: expected a string");
    out.verdict = verdict.get<std::string>();
    if (out.verdict != "PROVED" && out.verdict != "CONDITIONAL" && out.verdict != "REFUTED")
        reject("verdict: expected PROVED, CONDITIONAL or REFUTED");

    // group: mixed radix, last factor fastest
    const nlohmann::json& g = field(doc, "group", "certificate");
    if (!g.is_array() || g.empty()) reject("group: expected a non-empty array of cyclic factors");
    std::uint64_t n = 1;
    for (const auto& d : g) {
        const std::uint64_t di = get_uint(d, "group factor", kMaxGroupOrder);
        if (di < 2) reject("group: every factor must be >= 2");
        out.group.push_back(di);
        n *= di;
        if (n > kMaxGroupOrder) throw ResourceLimit("group order beyond " + std::to_string(kMaxGroupOrder));
    }
    auto add = [&](std::uint64_t x, std::uint64_t y) {
        std::uint64_t r = 0, place = 1;
        for (std::size_t i = out.group.size(); i-- > 0;) {
            const std::uint64_t d = out.group[i];
            r += ((x % d + y % d) % d) * place;
            x /= d;
            y /= d;
            place *= d;
        }
        return r;
    };
    const std::uint64_t N = get_uint(field(doc, "field", "certificate"), "field", ResourceLimits::unlimited);
    if (N == 0) reject("field: must be >= 1");
    if (N > kMaxField) throw FieldTooLarge("field Q(zeta_" + std::to_string(N) + ") beyond the symbolic checker's Q(zeta_4096)");

    std::vector<std::pair<std::string, bool>> symbols;
    std::set<std::string> names;
    const nlohmann::json& js = field(doc, "symbols", "certificate");
    if (!js.is_array() || js.size() > 64) reject("symbols: expected an array of at most 64 symbols");
    for (const auto& s : js) {
        const nlohmann::json& name = field(s, "name", "symbol");
        const nlohmann::json& kind = field(s, "kind", "symbol");
        if (!name.is_string() || !identifier(name.get<std::string>()) || name == "zeta")
            reject("symbols: invalid name");
        if (kind != "unit" && kind != "real") reject("symbols: kind must be \"unit\" or \"real\"");
        if (!names.insert(name.get<std::string>()).second) reject("symbols: '" + name.get<std::string>() + "' twice");
        symbols.emplace_back(name.get<std::string>(), kind == "unit");
    }
    const Arithmetic A(N, symbols);

    // the element
    const nlohmann::json& element = field(doc, "element", "certificate");
    const nlohmann::json& nodes = field(element, "nodes", "element");
    if (!nodes.is_array()) reject("element.nodes: expected an array");
    if (get_uint(field(element, "order", "element"), "element.order", 1'000'000) != nodes.size())
        reject("element.order differs from the number of nodes");
    using Row = std::vector<std::pair<std::uint64_t, gi::ex>>;
    std::vector<std::array<Row, 3>> rows;
    for (std::size_t j = 0; j < nodes.size(); ++j) {
        std::array<Row, 3> r;
        const char* parts[] = {"a", "b", "c"};
        for (int p = 0; p < 3; ++p) {
            const std::string where = "node " + std::to_string(j) + " row " + parts[p];
            const nlohmann::json& jr = field(nodes[j], parts[p], where);
            if (!jr.is_array()) reject(where + ": expected an array");
            for (const auto& e : jr) {
                if (!e.is_array() || e.size() != 2) reject(where + ": expected [k, value] pairs");
                const std::uint64_t k = get_uint(e[0], where + " frequency", n - 1);
                if (!r[p].empty() && k <= r[p].back().first) reject(where + ": frequencies not strictly increasing");
                r[p].emplace_back(k, A.parse(e[1], where + " entry at k = " + std::to_string(k)));
            }
        }
        rows.push_back(std::move(r));
    }
    // T_k(k1, k2) at every structurally non-zero triple, from the supports
    std::map<std::tuple<std::uint64_t, std::uint64_t, std::uint64_t>, gi::ex> T;
    for (const auto& r : rows)
        for (const auto& [k, c] : r[2]) {
            if (k == 0) continue;
            for (const auto& [k1, a] : r[0])
                for (const auto& [k2, b] : r[1])
                    if (k1 != 0 || k2 != 0) T[{k, k1, k2}] += a * b * c;
            for (int p = 0; p < 2; ++p)
                for (const auto& [x, u] : r[p])
                    for (const auto& [y, v] : r[p]) {
                        const std::uint64_t m = add(x, y);
                        T[p == 0 ? std::tuple{k, m, std::uint64_t{0}} : std::tuple{k, std::uint64_t{0}, m}] +=
                            gi::numeric(1, 2) * u * v * c;
                    }
        }
    for (std::uint64_t k = 1; k < n; ++k) T.try_emplace({k, k, k}, gi::ex(0));

    const nlohmann::json& conditions = field(doc, "conditions", "certificate");
    if (!conditions.is_array()) reject("conditions: expected an array");
    out.conditions = conditions.size();
    std::set<std::tuple<std::uint64_t, std::uint64_t, std::uint64_t>> listed;
    std::vector<gi::ex> defects;
    std::vector<std::size_t> residuals;
    for (std::size_t i = 0; i < conditions.size(); ++i) {
        const nlohmann::json& c = conditions[i];
        const std::uint64_t k = get_uint(field(c, "k", "condition"), "k", n - 1), k1 = get_uint(field(c, "k1", "condition"), "k1", n - 1),
                            k2 = get_uint(field(c, "k2", "condition"), "k2", n - 1);
        const std::string where = "condition (k=" + std::to_string(k) + ", k1=" + std::to_string(k1) + ", k2=" + std::to_string(k2) + ")";
        if (k == 0) reject(where + ": k must be non-zero");
        if (!listed.insert({k, k1, k2}).second) reject(where + ": listed twice");
        const int target = (k1 == k && k2 == k) ? 1 : 0;
        if (field(c, "target", where) != target) reject(where + ": wrong target");
        const gi::ex value = A.parse(field(c, "value", where), where + " value");
        const auto it = T.find({k, k1, k2});
        const gi::ex t = it == T.end() ? gi::ex(0) : it->second;
        if (!A.is_zero(value - t)) reject(where + ": claimed value differs from T_k(k1,k2)");
        defects.push_back(value - target);
        if (!A.is_zero(defects.back())) residuals.push_back(i);
    }
    for (const auto& [key, value] : T)
        if (listed.count(key) == 0)
            reject("condition (k=" + std::to_string(std::get<0>(key)) + ", k1=" + std::to_string(std::get<1>(key)) +
                   ", k2=" + std::to_string(std::get<2>(key)) + ") has a non-zero term but is not listed");
    out.residuals = residuals.size();
    const nlohmann::json& claimed = field(doc, "residuals", "certificate");
    if (!claimed.is_array() || claimed.size() != residuals.size()) reject("residuals: not the failing conditions");
    for (std::size_t i = 0; i < residuals.size(); ++i)
        if (get_uint(claimed[i], "residual", conditions.size()) != residuals[i]) reject("residuals: not the failing conditions");

    if (residuals.empty()) {
        if (out.verdict != "PROVED") reject("verdict: every condition holds identically, so the verdict is PROVED");
        out.established = "l(z) = 0 for ALL values of the parameters";
        return;
    }
    if (out.verdict == "PROVED") reject("verdict PROVED but " + std::to_string(residuals.size()) + " residual(s) are non-zero");
    const nlohmann::json& solution = field(doc, "solution", "certificate");
    if (solution.is_null()) {
        if (out.verdict == "REFUTED") {
            // a residual without any declared symbol is a non-zero constant: no value works
            for (std::size_t i : residuals) {
                bool constant = true;
                for (const auto& [name, unit_modulus] : symbols) constant = constant && !defects[i].has(A.symbol(name));
                if (constant) {
                    out.established = "l(z) != 0 for EVERY value of the parameters (the residual of condition " +
                                      std::to_string(i) + " is a non-zero constant)";
                    return;
                }
            }
            reject("verdict REFUTED needs a solution or a constant residual showing that no value works");
        }
        if (out.verdict != "CONDITIONAL") reject("verdict REFUTED needs a solution showing that no value works");
        out.established = "l(z) = 0 exactly where the " + std::to_string(residuals.size()) + " listed residuals vanish";
        return;
    }
    if (symbols.size() != 1) reject("solution: needs exactly one symbol");
    const nlohmann::json& sym = field(solution, "symbol", "solution");
    if (sym != symbols[0].first) reject("solution: not the certificate's symbol");
    const bool unit_modulus = symbols[0].second;
    const gi::ex x = A.symbol(symbols[0].first);
    const gi::ex gcd = A.parse(field(solution, "gcd", "solution"), "solution.gcd");
    const nlohmann::json& shifts = field(solution, "shifts", "solution");
    const nlohmann::json& cof = field(solution, "cofactors", "solution");
    const nlohmann::json& quo = field(solution, "quotients", "solution");
    if (!shifts.is_array() || !cof.is_array() || !quo.is_array() || shifts.size() != residuals.size() ||
        cof.size() != residuals.size() || quo.size() != residuals.size())
        reject("solution: shifts, cofactors and quotients need one entry per residual");
    if (A.is_zero(gcd)) reject("solution.gcd: zero");
    if (Arithmetic::low_degree(gcd, x) < 0) reject("solution.gcd: not a polynomial in " + symbols[0].first);
    gi::ex combination = 0;
    for (std::size_t i = 0; i < residuals.size(); ++i) {
        const std::string where = "solution, residual " + std::to_string(i);
        const std::uint64_t s = get_uint(shifts[i], where + " shift", static_cast<std::uint64_t>(kMaxPower));
        if (!unit_modulus && s != 0) reject(where + ": a real parameter takes no shift");
        const gi::ex p = (gi::pow(x, static_cast<long>(s)) * defects[residuals[i]]).expand();
        if (Arithmetic::low_degree(p, x) < 0) reject(where + ": x^shift times the residual is not a polynomial");
        const gi::ex q = A.parse(quo[i], where + " quotient");
        const gi::ex u = A.parse(cof[i], where + " cofactor");
        if (Arithmetic::low_degree(q, x) < 0 || Arithmetic::low_degree(u, x) < 0) reject(where + ": cofactor or quotient not a polynomial");
        if (!A.is_zero(p - q * gcd)) reject(where + ": the residual is not quotient * gcd");
        combination += u * p;
    }
    if (!A.is_zero(combination - gcd)) reject("solution: the cofactors do not combine the residuals to the gcd");
    const int degree = gcd.expand().degree(x);
    // the claimed roots of unity
    const nlohmann::json& roots = field(solution, "roots", "solution");
    if (!roots.is_array() || roots.size() > 4096) reject("solution.roots: expected an array");
    std::set<std::pair<std::uint64_t, std::uint64_t>> distinct;
    std::string root_text;
    for (const auto& r : roots) {
        if (!unit_modulus) reject("solution.roots: only for a unit symbol");
        if (!r.is_array() || r.size() != 2) reject("solution.roots: expected [M, j] pairs");
        const std::uint64_t M = get_uint(r[0], "root order", kMaxField), j = get_uint(r[1], "root exponent", kMaxField);
        if (M == 0 || j >= M || std::gcd(M, j) != 1) reject("solution.roots: [M, j] needs 0 <= j < M, gcd(j, M) = 1");
        if (!distinct.insert({M, j}).second) reject("solution.roots: a root listed twice");
        if (!A.vanishes_at_root(gcd, x, M, j))
            reject("solution.roots: zeta_" + std::to_string(M) + "^" + std::to_string(j) + " is not a root of the gcd");
        root_text += (root_text.empty() ? "" : ", ") + ("zeta_" + std::to_string(M) + "^" + std::to_string(j));
    }
    const nlohmann::json& complete = field(solution, "complete", "solution");
    if (!complete.is_boolean()) reject("solution.complete: expected a boolean");
    if (complete.get<bool>() && static_cast<int>(distinct.size()) != degree)
        reject("solution.complete: " + std::to_string(distinct.size()) + " roots listed for a gcd of degree " + std::to_string(degree));
    std::ostringstream gcd_text;
    gcd_text << gcd;
    if (degree == 0) {
        if (out.verdict != "REFUTED") reject("verdict: the gcd is a non-zero constant, so no value works (REFUTED)");
        out.established = "l(z) != 0 for EVERY value of " + symbols[0].first;
        return;
    }
    if (out.verdict != "CONDITIONAL") reject("verdict: the gcd has degree " + std::to_string(degree) + ", so CONDITIONAL");
    out.established = "l(z) = 0 iff " + gcd_text.str() + " = 0 (zeta = zeta_" + std::to_string(N) + ")";
    if (!root_text.empty())
        out.established += complete.get<bool>() ? ", i.e. " + symbols[0].first + " in {" + root_text + "}"
                                                : "; roots of unity among the solutions: " + root_text;
}

}  // namespace

SymbolicCertificateCheck check_symbolic_certificate(const std::string& json_text) {
    check_json_depth(json_text, "symbolic certificate");  // the JSON library recurses on deep nesting
    const nlohmann::json doc = nlohmann::json::parse(json_text, nullptr, false);
    if (doc.is_discarded()) throw InvalidInput("symbolic certificate: not JSON");
    SymbolicCertificateCheck out;
    try {
        check(doc, out);
        // CONDITIONAL: l = 0 only for the parameter values established, so the claim "for all" is refuted
        out.accept(out.verdict == "PROVED" ? Verdict::proved : Verdict::refuted);
    } catch (const Reject& r) {
        out.fail(CheckStatus::rejected, r.reason);
        out.established.clear();
    } catch (const nlohmann::json::exception& e) {
        out.fail(CheckStatus::rejected, std::string("malformed certificate: ") + e.what());
        out.established.clear();
    } catch (const ResourceLimit& e) {
        out.fail(CheckStatus::limit, e.what());
        out.established.clear();
    }
    return out;
}

}  // namespace cogo
