/// \file certificate_checker.cpp
/// Independent certificate checker: own JSON reading, own group arithmetic, own arithmetic modulo primes.
/// The bound and prime-count argument is documented in certificate_checker.hpp.
#include "verify/certificate_checker.hpp"
#include "verify/number_field_certificate_checker.hpp"

#include "io/bounded_read.hpp"
#include "support/error.hpp"
#include "support/flint_raii.hpp"

#include <flint/fmpz.h>
#include <flint/ulong_extras.h>

#include <nlohmann/json.hpp>

#include <algorithm>
#include <compare>
#include <fstream>
#include <optional>
#include <sstream>
#include <utility>
#include <vector>

namespace cogo {
namespace {

__extension__ using UInt128 = unsigned __int128;  // a GCC/Clang extension (exact work and size bounds)

using json = nlohmann::json;
using u64 = std::uint64_t;

constexpr u64 kMaxField = u64{1} << 32;        ///< larger fields -> ResourceLimit
constexpr u64 kMaxGroupOrder = u64{1} << 62;   ///< larger groups cannot have a complete condition list
constexpr u64 kPrimeFloor = u64{1} << 61;      ///< every prime used is > 2^61 ...
constexpr u64 kPrimeCeiling = u64{1} << 62;    ///< ... and < 2^62
constexpr u64 kBitsPerPrime = 61;              ///< so each prime contributes more than 61 bits
constexpr u64 kMaxPrimes = 100000;             ///< more primes needed -> ResourceLimit

/// The limits of the check in progress (check_certificate is not re-entrant across threads otherwise:
/// thread_local keeps concurrent checks independent).
thread_local CertificateLimits active_limits;

// ---------------------------------------------------------------------------------------------
// Internal rejection: a false or malformed claim. Caught in check_certificate, never escapes.
struct Rejected {
    std::string reason;
};

[[noreturn]] void reject(std::string reason) { throw Rejected{std::move(reason)}; }

// The owner of a FLINT integer: support/flint_raii.hpp's (only the RAII owner is shared; the arithmetic
// below is the checker's own).
using Fmpz = cogo::flint::Fmpz;

// ---------------------------------------------------------------------------------------------
// The finite Abelian group Z_{d_1} x ... x Z_{d_m}, elements as flat mixed-radix indices (last fastest).
struct Group {
    std::vector<u64> factors;
    u64 order = 1;

    /// x + y, componentwise modulo the factors.
    u64 add(u64 x, u64 y) const {
        if (factors.size() == 1) {
            const u64 s = x + y;
            return s >= order ? s - order : s;
        }
        u64 result = 0, weight = 1;
        for (auto it = factors.rbegin(); it != factors.rend(); ++it) {
            const u64 d = *it;
            u64 s = x % d + y % d;
            if (s >= d) s -= d;
            result += s * weight;
            weight *= d;
            x /= d;
            y /= d;
        }
        return result;
    }
};

// ---------------------------------------------------------------------------------------------
// Exact numbers of Q(zeta_N): (1/den) * sum_t num_t zeta^(e_t) with integer num_t != 0, 0 <= e_t < N,
// den > 0, stored sparsely (a coefficient c_i of the JSON array becomes the term at e = i mod N).
struct NumberStore {
    u64 field = 1;
    std::vector<u64> exponents;                              // flat, per term
    std::vector<Fmpz> numerators;                            // flat, per term
    std::vector<std::pair<std::size_t, std::size_t>> spans;  // (offset, term count) per number
    std::vector<Fmpz> denominators;                          // per number
    u64 max_exponent = 0;

    std::size_t size() const { return spans.size(); }
};

/// Parses "p" or "p/q" (optional '-', decimal digits, q > 0, at most max_digits digits each; not
/// necessarily in lowest terms). Returns an empty string on success, otherwise what is wrong with the text.
std::string parse_rational(const std::string& s, Fmpz& num, Fmpz& den) {
    const std::size_t slash = s.find('/');
    const std::string p = s.substr(0, slash);
    const std::string q = slash == std::string::npos ? std::string("1") : s.substr(slash + 1);
    auto digits_only = [](const std::string& t, std::size_t from) {
        if (t.size() <= from) return false;
        return std::all_of(t.begin() + static_cast<std::ptrdiff_t>(from), t.end(),
                           [](char ch) { return ch >= '0' && ch <= '9'; });
    };
    if (!digits_only(p, p.starts_with('-') ? 1 : 0) || !digits_only(q, 0)) return "malformed rational coefficient";
    // bounded before any arithmetic: the number of primes grows with the size of the numbers
    if (p.size() - (p.starts_with('-') ? 1 : 0) > active_limits.max_digits || q.size() > active_limits.max_digits)
        return "rational coefficient with more than " + std::to_string(active_limits.max_digits) + " digits";
    if (fmpz_set_str(num.get(), p.c_str(), 10) != 0 || fmpz_set_str(den.get(), q.c_str(), 10) != 0)
        return "malformed rational coefficient";
    if (fmpz_sgn(den.get()) <= 0) return "malformed rational coefficient (zero denominator)";
    return {};
}

/// Reads a JSON number array into the store; returns its id. `where` names it in rejection reasons.
std::size_t parse_number(const json& j, NumberStore& store, const std::string& where) {
    if (!j.is_array()) reject(where + ": a number must be an array of rational strings");
    std::vector<Fmpz> nums(j.size()), dens(j.size());
    Fmpz common(1);
    for (std::size_t i = 0; i < j.size(); ++i) {
        if (!j[i].is_string()) reject(where + ": malformed rational coefficient " + j[i].dump().substr(0, 80));
        const std::string problem = parse_rational(j[i].get<std::string>(), nums[i], dens[i]);
        if (!problem.empty()) {
            const std::string text = j[i].get<std::string>();
            reject(where + ": " + problem + " \"" + text.substr(0, 40) + (text.size() > 40 ? "...\" (" + std::to_string(text.size()) + " characters)" : "\""));
        }
        fmpz_lcm(common.get(), common.get(), dens[i].get());
    }
    const std::size_t offset = store.numerators.size();
    Fmpz factor;
    for (std::size_t i = 0; i < j.size(); ++i) {
        if (fmpz_is_zero(nums[i].get())) continue;
        fmpz_divexact(factor.get(), common.get(), dens[i].get());
        fmpz_mul(nums[i].get(), nums[i].get(), factor.get());
        const u64 e = static_cast<u64>(i) % store.field;
        store.exponents.push_back(e);
        store.numerators.push_back(std::move(nums[i]));
        store.max_exponent = std::max(store.max_exponent, e);
    }
    store.spans.emplace_back(offset, store.numerators.size() - offset);
    store.denominators.push_back(std::move(common));
    return store.size() - 1;
}

/// An integer upper bound of the 1-norm sum_i |c_i| of number id (hence of |sigma(x)| for every complex
/// embedding sigma): ceil(sum |num_t| / den).
Fmpz one_norm_ceiling(const NumberStore& store, std::size_t id) {
    Fmpz sum, a;
    const auto [offset, count] = store.spans[id];
    for (std::size_t i = 0; i < count; ++i) {
        fmpz_abs(a.get(), store.numerators[offset + i].get());
        fmpz_add(sum.get(), sum.get(), a.get());
    }
    fmpz_cdiv_q(sum.get(), sum.get(), store.denominators[id].get());
    return sum;
}

// ---------------------------------------------------------------------------------------------
// The certificate, as read.
struct Row {
    std::vector<u64> freq;       // strictly increasing
    std::vector<std::size_t> id; // number ids

    /// The number id stored at frequency f, if any.
    std::optional<std::size_t> find(u64 f) const {
        const auto it = std::lower_bound(freq.begin(), freq.end(), f);
        if (it == freq.end() || *it != f) return std::nullopt;
        return id[static_cast<std::size_t>(it - freq.begin())];
    }
};

/// A node as the certificate stores it: the number ids of its a-, b- and c-rows (not algebra/element.hpp's
/// Node: the checker shares no types with the verifier).
struct CertNode {
    Row a, b, c;
};

struct Triple {
    u64 k = 0, k1 = 0, k2 = 0;
    auto operator<=>(const Triple&) const = default;
};

struct Condition {
    Triple at;
    std::size_t value = 0;  // number id
    int target = 0;
};

struct Certificate {
    Group group;
    u64 field = 1;
    NumberStore numbers;
    std::vector<CertNode> nodes;
    std::vector<Condition> conditions;
    std::vector<Triple> listed;  // conditions[i].at, sorted strictly (checked)
    std::string verdict;
    std::size_t loss = 0;  // number id
    std::vector<u64> proven;  // PARTIAL: the output frequencies whose every condition holds (sorted)
    std::optional<std::size_t> counterexample;  // index into conditions
    std::size_t counterexample_value = 0;       // number id (when counterexample)
};

std::string name(const Triple& t) {
    return "(k=" + std::to_string(t.k) + ", k1=" + std::to_string(t.k1) + ", k2=" + std::to_string(t.k2) + ")";
}

/// The kind of the condition at t (format.md, counterexample).
std::string kind_of(const Triple& t) {
    if (t.k1 == t.k && t.k2 == t.k) return "one";
    if (t.k1 != 0 && t.k2 != 0) return "r";
    if (t.k1 != 0) return "dc-a";
    if (t.k2 != 0) return "dc-b";
    return "bias";
}

// ---------------------------------------------------------------------------------------------
// Reading the JSON (certificate_format.md, "Layout").
const json& member(const json& obj, const char* key, const std::string& where) {
    const auto it = obj.find(key);
    if (it == obj.end()) reject(where + ": missing \"" + key + "\"");
    return *it;
}

u64 parse_unsigned(const json& j, const std::string& where) {
    if (!j.is_number_unsigned()) reject(where + ": expected a non-negative integer, got " + j.dump());
    return j.get<u64>();
}

u64 parse_frequency(const json& j, const Group& g, const std::string& where) {
    const u64 f = parse_unsigned(j, where);
    if (f >= g.order)
        reject(where + ": frequency " + std::to_string(f) + " out of range (n = " + std::to_string(g.order) + ")");
    return f;
}

Group parse_group(const json& j) {
    if (!j.is_array()) reject("\"group\" must be an array of cyclic factors");
    Group g;
    for (const json& d : j) {
        const u64 di = parse_unsigned(d, "group");
        if (di < 2) reject("group: every factor must be >= 2, got " + std::to_string(di));
        if (di > kMaxGroupOrder / g.order) reject("group: order exceeds 2^62");
        g.factors.push_back(di);
        g.order *= di;
    }
    return g;
}

u64 parse_field(const json& j) {
    const u64 n = parse_unsigned(j, "field");
    if (n < 1) reject("field: N must be >= 1");
    if (n > kMaxField) throw FieldTooLarge("certificate checker: field N = " + std::to_string(n) + " exceeds 2^32");
    return n;
}

Row parse_row(const json& j, Certificate& cert, const std::string& where) {
    if (!j.is_array()) reject(where + ": a row must be an array of [k, value] pairs");
    Row row;
    for (const json& entry : j) {
        if (!entry.is_array() || entry.size() != 2) reject(where + ": every entry must be a [k, value] pair");
        const u64 f = parse_frequency(entry[0], cert.group, where);
        if (!row.freq.empty() && f <= row.freq.back())
            reject(where + ": frequencies must be strictly increasing (" + std::to_string(f) + " after " +
                   std::to_string(row.freq.back()) + ")");
        row.freq.push_back(f);
        row.id.push_back(parse_number(entry[1], cert.numbers, where + " at k=" + std::to_string(f)));
    }
    return row;
}

void parse_element(const json& j, Certificate& cert) {
    if (!j.is_object()) reject("\"element\" must be an object");
    const u64 order = parse_unsigned(member(j, "order", "element"), "element.order");
    const json& nodes = member(j, "nodes", "element");
    if (!nodes.is_array()) reject("element.nodes must be an array");
    if (order != nodes.size())
        reject("element.order = " + std::to_string(order) + " but there are " + std::to_string(nodes.size()) +
               " nodes");
    for (std::size_t i = 0; i < nodes.size(); ++i) {
        const std::string where = "node " + std::to_string(i);
        if (!nodes[i].is_object()) reject(where + ": must be an object");
        CertNode node;
        node.a = parse_row(member(nodes[i], "a", where), cert, where + " row a");
        node.b = parse_row(member(nodes[i], "b", where), cert, where + " row b");
        node.c = parse_row(member(nodes[i], "c", where), cert, where + " row c");
        cert.nodes.push_back(std::move(node));
    }
}

int parse_target(const json& j, const std::string& where) {
    const u64 t = parse_unsigned(j, where + " target");
    if (t > 1) reject(where + ": target must be 0 or 1");
    return static_cast<int>(t);
}

void parse_conditions(const json& j, Certificate& cert) {
    if (!j.is_array()) reject("\"conditions\" must be an array");
    for (std::size_t i = 0; i < j.size(); ++i) {
        const std::string where = "conditions[" + std::to_string(i) + "]";
        if (!j[i].is_object()) reject(where + ": must be an object");
        Condition c;
        c.at.k = parse_frequency(member(j[i], "k", where), cert.group, where + " k");
        c.at.k1 = parse_frequency(member(j[i], "k1", where), cert.group, where + " k1");
        c.at.k2 = parse_frequency(member(j[i], "k2", where), cert.group, where + " k2");
        if (c.at.k == 0) reject(where + ": output frequency k must be non-zero");
        const std::string cname = "condition " + name(c.at);
        c.value = parse_number(member(j[i], "value", cname), cert.numbers, cname + " value");
        c.target = parse_target(member(j[i], "target", cname), cname);
        const int right = (c.at.k1 == c.at.k && c.at.k2 == c.at.k) ? 1 : 0;
        if (c.target != right)
            reject(cname + ": target is " + std::to_string(c.target) + ", must be " + std::to_string(right));
        if (!cert.listed.empty() && !(cert.listed.back() < c.at))
            reject(cname + ": conditions must be ordered by k, then (k1, k2), without repetition (it follows " +
                   name(cert.listed.back()) + ")");
        cert.listed.push_back(c.at);
        cert.conditions.push_back(c);
    }
}

void parse_counterexample(const json& j, Certificate& cert) {
    if (cert.verdict == "PROVED") {
        if (!j.is_null()) reject("verdict PROVED but counterexample is not null");
        return;
    }
    if (!j.is_object()) reject("verdict " + cert.verdict + " but counterexample is not an object");
    const std::string where = "counterexample";
    Triple t;
    t.k = parse_frequency(member(j, "k", where), cert.group, where + " k");
    t.k1 = parse_frequency(member(j, "k1", where), cert.group, where + " k1");
    t.k2 = parse_frequency(member(j, "k2", where), cert.group, where + " k2");
    const auto it = std::lower_bound(cert.listed.begin(), cert.listed.end(), t);
    if (it == cert.listed.end() || *it != t) reject("counterexample " + name(t) + " is not a listed condition");
    const std::size_t index = static_cast<std::size_t>(it - cert.listed.begin());
    const json& kind = member(j, "kind", where);
    if (!kind.is_string() || kind.get<std::string>() != kind_of(t))
        reject("counterexample " + name(t) + ": kind must be \"" + kind_of(t) + "\", got " + kind.dump());
    if (parse_target(member(j, "target", where), where) != cert.conditions[index].target)
        reject("counterexample " + name(t) + ": target differs from the condition's target");
    cert.counterexample_value = parse_number(member(j, "value", where), cert.numbers, where + " value");
    cert.counterexample = index;
}

Certificate parse_certificate(const json& j, CertificateCheck& out) {
    if (!j.is_object()) reject("certificate must be a JSON object");
    const json& format = member(j, "format", "certificate");
    if (!format.is_string() || format.get<std::string>() != "cogo-certificate")
        reject("format tag must be \"cogo-certificate\", got " + format.dump());
    const json& version = member(j, "version", "certificate");
    if (!version.is_number_unsigned() || version.get<u64>() != 1)
        reject("unsupported certificate version " + version.dump() + " (expected 1)");
    if (const auto it = j.find("statement"); it != j.end() && !it->is_string())
        reject("\"statement\" must be a string");
    else if (it != j.end())
        out.statement = it->get<std::string>();
    const json& verdict = member(j, "verdict", "certificate");
    if (!verdict.is_string() || (verdict.get<std::string>() != "PROVED" && verdict.get<std::string>() != "REFUTED" &&
                                 verdict.get<std::string>() != "PARTIAL"))
        reject("verdict must be \"PROVED\", \"REFUTED\" or \"PARTIAL\", got " + verdict.dump());
    Certificate cert;
    cert.verdict = out.verdict = verdict.get<std::string>();
    cert.group = parse_group(member(j, "group", "certificate"));
    out.group = cert.group.factors;
    cert.field = cert.numbers.field = parse_field(member(j, "field", "certificate"));
    parse_element(member(j, "element", "certificate"), cert);
    parse_conditions(member(j, "conditions", "certificate"), cert);
    out.conditions = cert.conditions.size();
    cert.loss = parse_number(member(j, "loss", "certificate"), cert.numbers, "loss");
    if (cert.verdict == "PARTIAL") {
        const json& proven = member(j, "proven", "certificate");
        if (!proven.is_array() || proven.empty()) reject("verdict PARTIAL needs a non-empty \"proven\" list of frequencies");
        if (proven.size() > cert.group.order) reject("\"proven\" lists more frequencies than the group has");
        for (std::size_t i = 0; i < proven.size(); ++i) {
            const u64 k = parse_frequency(proven[i], cert.group, "proven[" + std::to_string(i) + "]");
            if (k == 0) reject("proven[" + std::to_string(i) + "] is the output's DC row 0, which no condition has");
            if (!cert.proven.empty() && cert.proven.back() >= k) reject("\"proven\" must be strictly increasing");
            cert.proven.push_back(k);
        }
        out.proven.assign(cert.proven.begin(), cert.proven.end());
    } else if (j.contains("proven")) {
        reject("\"proven\" is only meaningful with verdict PARTIAL");
    }
    parse_counterexample(member(j, "counterexample", "certificate"), cert);
    if (cert.counterexample && std::binary_search(cert.proven.begin(), cert.proven.end(),
                                                  cert.conditions[*cert.counterexample].at.k))
        reject("counterexample " + name(cert.conditions[*cert.counterexample].at) + " is at a proven frequency");
    return cert;
}

// ---------------------------------------------------------------------------------------------
// Structure: supports of the self-convolutions and the condition list's completeness.

/// Sorted distinct { x + y : x, y in freq } (the support of sum_k' z[k'] z[m-k'] as a function of m).
std::vector<u64> convolution_support(const std::vector<u64>& freq, const Group& g) {
    std::vector<u64> out;
    out.reserve(freq.size() * freq.size());
    for (const u64 x : freq)
        for (const u64 y : freq) out.push_back(g.add(x, y));
    std::sort(out.begin(), out.end());
    out.erase(std::unique(out.begin(), out.end()), out.end());
    return out;
}

/// Per node: supports of the a- and b-self-convolutions (only for nodes with an output at some k != 0).
struct Structure {
    std::vector<std::vector<u64>> conv_a, conv_b;
    struct Output {
        u64 k;
        std::size_t node;
        std::size_t id;
        auto operator<=>(const Output&) const = default;
    };
    std::vector<Output> outputs;  // every stored z_c[k, j], k != 0, sorted by (k, node)
};

Structure build_structure(const Certificate& cert) {
    Structure s;
    s.conv_a.resize(cert.nodes.size());
    s.conv_b.resize(cert.nodes.size());
    for (std::size_t j = 0; j < cert.nodes.size(); ++j) {
        const CertNode& node = cert.nodes[j];
        bool has_output = false;
        for (std::size_t i = 0; i < node.c.freq.size(); ++i) {
            if (node.c.freq[i] == 0) continue;
            s.outputs.push_back({node.c.freq[i], j, node.c.id[i]});
            has_output = true;
        }
        if (!has_output) continue;
        s.conv_a[j] = convolution_support(node.a.freq, cert.group);
        s.conv_b[j] = convolution_support(node.b.freq, cert.group);
    }
    std::sort(s.outputs.begin(), s.outputs.end());
    return s;
}

bool is_listed(const Certificate& cert, const Triple& t) {
    return std::binary_search(cert.listed.begin(), cert.listed.end(), t);
}

/// Item 2.1: every (k, k, k), k != 0. At most |conditions| + 1 iterations, whatever n is.
void check_one_set_listed(const Certificate& cert) {
    for (u64 k = 1; k < cert.group.order; ++k)
        if (!is_listed(cert, {k, k, k})) reject("missing condition " + name({k, k, k}));
}

/// Item 2.2: every triple with a structurally non-zero term; reports the smallest missing one.
void check_structural_listed(const Certificate& cert, const Structure& s) {
    std::optional<Triple> missing;
    auto need = [&](const Triple& t) {
        if (!is_listed(cert, t) && (!missing || t < *missing)) missing = t;
    };
    for (const auto& out : s.outputs) {
        const CertNode& node = cert.nodes[out.node];
        for (const u64 k1 : node.a.freq)
            for (const u64 k2 : node.b.freq)
                if (k1 != 0 || k2 != 0) need({out.k, k1, k2});  // (0,0) is covered by the DC rules below
        for (const u64 m : s.conv_a[out.node]) need({out.k, m, 0});
        for (const u64 m : s.conv_b[out.node]) need({out.k, 0, m});
    }
    if (missing) reject("missing condition " + name(*missing));
}

// ---------------------------------------------------------------------------------------------
// Number theory: phi(N), the prime sequence, roots of unity.

std::vector<u64> distinct_prime_factors(u64 n) {
    std::vector<u64> out;
    for (u64 f = 2; f * f <= n; ++f) {
        if (n % f != 0) continue;
        out.push_back(f);
        while (n % f == 0) n /= f;
    }
    if (n > 1) out.push_back(n);
    return out;
}

u64 euler_phi(u64 n) {
    u64 phi = n;
    for (const u64 f : distinct_prime_factors(n)) phi = phi / f * (f - 1);
    return phi;
}

/// The primes p = 1 mod N, p > 2^61, in increasing order.
class PrimeSequence {
public:
    explicit PrimeSequence(u64 field) : step_(field) {
        const u64 start = kPrimeFloor + 1;
        candidate_ = start + (field - kPrimeFloor % field) % field;  // = 1 mod N
    }
    u64 next() {
        while (!n_is_prime(candidate_)) advance();
        const u64 p = candidate_;
        advance();
        return p;
    }

private:
    void advance() {
        candidate_ += step_;
        if (candidate_ >= kPrimeCeiling) throw ResourceLimit("certificate checker: ran out of primes below 2^62");
    }
    u64 step_;
    u64 candidate_;
};

/// Arithmetic in F_p, p < 2^62.
struct Fp {
    u64 p;
    u64 ninv;
    explicit Fp(u64 prime) : p(prime), ninv(n_preinvert_limb(prime)) {}
    u64 mul(u64 a, u64 b) const { return n_mulmod2_preinv(a, b, p, ninv); }
    u64 add(u64 a, u64 b) const {
        const u64 s = a + b;
        return s >= p ? s - p : s;
    }
    u64 sub(u64 a, u64 b) const { return a >= b ? a - b : a + p - b; }
    u64 pow(u64 a, u64 e) const { return n_powmod2_ui_preinv(a, e, p, ninv); }
    u64 inv(u64 a) const { return n_invmod(a, p); }
    u64 reduce(const Fmpz& x) const { return fmpz_fdiv_ui(x.get(), p); }
};

/// A primitive N-th root of unity modulo p (p = 1 mod N).
u64 primitive_root_of_unity(const Fp& f, u64 field) {
    const std::vector<u64> factors = distinct_prime_factors(field);
    for (u64 g = 2;; ++g) {
        const u64 r = f.pow(g, (f.p - 1) / field);
        const bool primitive =
            std::all_of(factors.begin(), factors.end(), [&](u64 l) { return f.pow(r, field / l) != 1; });
        if (primitive) return r;
    }
}

// ---------------------------------------------------------------------------------------------
// The bound (see the header): how many primes make "zero modulo all of them" a proof of zero.
//
// Every equality X = Y the checker decides is one of four kinds; for each kind, Magnitude gives an integer
// D with eta = D (X - Y) in Z[zeta_N] and an integer S with |sigma(X - Y)| <= S for every complex
// embedding sigma, so |sigma(eta)| <= B = D S and a non-zero eta has 1 <= |N(eta)| <= B^phi(N).

struct Magnitude {
    Fmpz den;
    Fmpz bound;
    /// An upper bound of log2(den * bound).
    u64 log2_ceiling() const { return static_cast<u64>(fmpz_bits(den.get()) + fmpz_bits(bound.get())); }
};

/// Exact integer facts about the numbers of the certificate.
struct NumberFacts {
    std::vector<Fmpz> norm;  // per number: ceiling of its coefficient 1-norm
    Fmpz entry_den{1};       // L: lcm of the denominators of all node entries
    Fmpz value_den{1};       // Lv: lcm of the denominators of all condition values
    Fmpz value_norm;         // max norm of a condition value
};

NumberFacts number_facts(const Certificate& cert) {
    NumberFacts nf;
    for (std::size_t id = 0; id < cert.numbers.size(); ++id) nf.norm.push_back(one_norm_ceiling(cert.numbers, id));
    for (const CertNode& node : cert.nodes)
        for (const Row* row : {&node.a, &node.b, &node.c})
            for (const std::size_t id : row->id)
                fmpz_lcm(nf.entry_den.get(), nf.entry_den.get(), cert.numbers.denominators[id].get());
    for (const Condition& c : cert.conditions) {
        fmpz_lcm(nf.value_den.get(), nf.value_den.get(), cert.numbers.denominators[c.value].get());
        if (fmpz_cmp(nf.norm[c.value].get(), nf.value_norm.get()) > 0) nf.value_norm = nf.norm[c.value];
    }
    return nf;
}

/// sum over a row of the entries' norms.
Fmpz row_norm(const Row& row, const NumberFacts& nf) {
    Fmpz sum;
    for (const std::size_t id : row.id) fmpz_add(sum.get(), sum.get(), nf.norm[id].get());
    return sum;
}

/// Value claims T = V. |T_k(k1,k2)| <= sum_{j: c[k,j] stored} |c[k,j]| (|a[k1,j]| |b[k2,j]|
/// + 1/2 sum_k' |a[k',j]| |a[k1-k',j]| + 1/2 sum_k' |b[k',j]| |b[k2-k',j]|) <= sum_j |c[k,j]| (|a_j| + |b_j|)^2
/// with |a_j| = sum_k' |a[k',j]|; the maximum over k bounds every condition. D = 2 L^3 Lv.
Magnitude value_magnitude(const Certificate& cert, const Structure& s, const NumberFacts& nf) {
    std::vector<Fmpz> weight(cert.nodes.size());  // (|a_j| + |b_j|)^2
    for (std::size_t j = 0; j < cert.nodes.size(); ++j) {
        fmpz_add(weight[j].get(), row_norm(cert.nodes[j].a, nf).get(), row_norm(cert.nodes[j].b, nf).get());
        fmpz_mul(weight[j].get(), weight[j].get(), weight[j].get());
    }
    Fmpz best, sum;
    for (std::size_t i = 0; i < s.outputs.size(); ++i) {
        if (i > 0 && s.outputs[i].k != s.outputs[i - 1].k) fmpz_zero(sum.get());
        fmpz_addmul(sum.get(), nf.norm[s.outputs[i].id].get(), weight[s.outputs[i].node].get());
        if (fmpz_cmp(sum.get(), best.get()) > 0) best = sum;
    }
    Magnitude m;
    fmpz_add(m.bound.get(), best.get(), nf.value_norm.get());
    fmpz_pow_ui(m.den.get(), nf.entry_den.get(), 3);
    fmpz_mul(m.den.get(), m.den.get(), nf.value_den.get());
    fmpz_mul_ui(m.den.get(), m.den.get(), 2);
    return m;
}

/// Target claims V = t (t in {0, 1}): D = Lv, |V - t| <= |V| + 1.
Magnitude target_magnitude(const NumberFacts& nf) {
    Magnitude m;
    m.den = nf.value_den;
    fmpz_add_ui(m.bound.get(), nf.value_norm.get(), 1);
    return m;
}

/// Counterexample value = condition value: D = lcm(den, Lv), |X - V| <= |X| + |V|.
Magnitude counterexample_magnitude(const Certificate& cert, const NumberFacts& nf) {
    Magnitude m;
    m.den = nf.value_den;
    if (!cert.counterexample) return m;
    const std::size_t id = cert.counterexample_value;
    fmpz_lcm(m.den.get(), m.den.get(), cert.numbers.denominators[id].get());
    fmpz_add(m.bound.get(), nf.norm[id].get(), nf.value_norm.get());
    return m;
}

/// Loss claim n l = sum (V - t) conj(V - t): D = den(l) Lv^2, bound n |l| + sum (|V| + t)^2.
Magnitude loss_magnitude(const Certificate& cert, const NumberFacts& nf) {
    Magnitude m;
    fmpz_mul(m.den.get(), nf.value_den.get(), nf.value_den.get());
    fmpz_mul(m.den.get(), m.den.get(), cert.numbers.denominators[cert.loss].get());
    fmpz_mul_ui(m.bound.get(), nf.norm[cert.loss].get(), cert.group.order);
    Fmpz term;
    for (const Condition& c : cert.conditions) {
        fmpz_add_ui(term.get(), nf.norm[c.value].get(), static_cast<u64>(c.target));
        fmpz_addmul(m.bound.get(), term.get(), term.get());
    }
    return m;
}

/// m = ceil(phi(N) * max log2 B / 61): m distinct primes p > 2^61 have prod p > 2^(61 m) >= B^phi(N).
std::size_t primes_needed(const Certificate& cert, const Structure& s) {
    const NumberFacts nf = number_facts(cert);
    const u64 log2_b = std::max({value_magnitude(cert, s, nf).log2_ceiling(), target_magnitude(nf).log2_ceiling(),
                                 counterexample_magnitude(cert, nf).log2_ceiling(),
                                 loss_magnitude(cert, nf).log2_ceiling(), u64{1}});
    const UInt128 total = static_cast<UInt128>(euler_phi(cert.field)) * log2_b;
    const UInt128 m = (total + kBitsPerPrime - 1) / kBitsPerPrime;
    if (m > kMaxPrimes)
        throw ResourceLimit("certificate checker: the exact check would need more than " +
                            std::to_string(kMaxPrimes) + " primes");
    return static_cast<std::size_t>(m);
}

// ---------------------------------------------------------------------------------------------
// One prime: evaluate every number at zeta -> r, then the conditions (checker items 3-5).

struct Evaluation {
    std::vector<u64> value;  // every number at zeta -> r
};

/// Powers x^0 .. x^(len-1).
std::vector<u64> powers(const Fp& f, u64 x, std::size_t len) {
    std::vector<u64> out(len);
    u64 acc = 1;
    for (std::size_t i = 0; i < len; ++i) {
        out[i] = acc;
        acc = f.mul(acc, x);
    }
    return out;
}

/// Number id with zeta^e -> pw[e]; nullopt if p divides its denominator.
std::optional<u64> evaluate(const NumberStore& st, std::size_t id, const Fp& f, const std::vector<u64>& pw) {
    const u64 den = f.reduce(st.denominators[id]);
    if (den == 0) return std::nullopt;
    const auto [offset, count] = st.spans[id];
    u64 acc = 0;
    for (std::size_t i = offset; i < offset + count; ++i)
        acc = f.add(acc, f.mul(f.reduce(st.numerators[i]), pw[st.exponents[i]]));
    return den == 1 ? acc : f.mul(acc, f.inv(den));
}

/// Values of the self-convolution of a row at every m of its support.
std::vector<u64> convolution_values(const Row& row, const std::vector<u64>& support, const Group& g, const Fp& f,
                                    const std::vector<u64>& value) {
    std::vector<u64> out(support.size(), 0);
    if (support.empty()) return out;  // empty row, or a node without outputs (support not computed)
    for (std::size_t x = 0; x < row.freq.size(); ++x)
        for (std::size_t y = 0; y < row.freq.size(); ++y) {
            const u64 m = g.add(row.freq[x], row.freq[y]);
            const std::size_t pos =
                static_cast<std::size_t>(std::lower_bound(support.begin(), support.end(), m) - support.begin());
            out[pos] = f.add(out[pos], f.mul(value[row.id[x]], value[row.id[y]]));
        }
    return out;
}

/// Value at m of a self-convolution given on its support (0 off the support).
u64 convolution_at(const std::vector<u64>& support, const std::vector<u64>& values, u64 m) {
    const auto it = std::lower_bound(support.begin(), support.end(), m);
    if (it == support.end() || *it != m) return 0;
    return values[static_cast<std::size_t>(it - support.begin())];
}

/// Everything one prime contributes.
class PrimeCheck {
public:
    PrimeCheck(const Certificate& cert, const Structure& s, u64 prime)
        : cert_(cert), s_(s), f_(prime), r_(primitive_root_of_unity(f_, cert.field)), half_(f_.inv(2)) {}

    /// Evaluates all numbers and convolutions; false if the prime divides a denominator (skip it).
    bool evaluate_all() {
        const std::size_t len = static_cast<std::size_t>(cert_.numbers.max_exponent) + 1;
        pw_ = powers(f_, r_, len);
        pw_conj_ = powers(f_, f_.pow(r_, cert_.field - 1), len);  // r^{-1} = r^{N-1}
        value_.resize(cert_.numbers.size());
        for (std::size_t id = 0; id < value_.size(); ++id) {
            const auto v = evaluate(cert_.numbers, id, f_, pw_);
            if (!v) return false;
            value_[id] = *v;
        }
        conv_a_.assign(cert_.nodes.size(), {});
        conv_b_.assign(cert_.nodes.size(), {});
        for (std::size_t j = 0; j < cert_.nodes.size(); ++j) {
            conv_a_[j] = convolution_values(cert_.nodes[j].a, s_.conv_a[j], cert_.group, f_, value_);
            conv_b_[j] = convolution_values(cert_.nodes[j].b, s_.conv_b[j], cert_.group, f_, value_);
        }
        return true;
    }

    /// T_k(k1, k2) mod p (format.md "What it certifies").
    u64 output_coefficient(const Triple& t) const {
        const auto lo = std::lower_bound(s_.outputs.begin(), s_.outputs.end(), Structure::Output{t.k, 0, 0});
        u64 r_part = 0, half_part = 0;
        for (auto it = lo; it != s_.outputs.end() && it->k == t.k; ++it) {
            const CertNode& node = cert_.nodes[it->node];
            const u64 c = value_[it->id];
            const auto a = node.a.find(t.k1);
            const auto b = node.b.find(t.k2);
            if (a && b) r_part = f_.add(r_part, f_.mul(c, f_.mul(value_[*a], value_[*b])));
            u64 dc = 0;
            if (t.k2 == 0) dc = f_.add(dc, convolution_at(s_.conv_a[it->node], conv_a_[it->node], t.k1));
            if (t.k1 == 0) dc = f_.add(dc, convolution_at(s_.conv_b[it->node], conv_b_[it->node], t.k2));
            half_part = f_.add(half_part, f_.mul(c, dc));
        }
        return f_.add(r_part, f_.mul(half_part, half_));
    }

    /// The number id at zeta -> r.
    u64 at(std::size_t id) const { return value_[id]; }

    /// The complex conjugate of number id at zeta -> r (coefficient i maps to r^{-i}).
    u64 conj_at(std::size_t id) const { return *evaluate(cert_.numbers, id, f_, pw_conj_); }

    const Fp& field() const { return f_; }

private:
    const Certificate& cert_;
    const Structure& s_;
    Fp f_;
    u64 r_;
    u64 half_;  // 1/2 mod p
    std::vector<u64> pw_, pw_conj_, value_;
    std::vector<std::vector<u64>> conv_a_, conv_b_;
};

/// Item 3: every listed value equals T_k(k1, k2) (a single prime suffices to refute).
void check_values(const Certificate& cert, const PrimeCheck& pc) {
    for (const Condition& c : cert.conditions)
        if (pc.output_coefficient(c.at) != pc.at(c.value))
            reject("condition " + name(c.at) + ": claimed value differs from T_k(k1,k2)");
    if (cert.counterexample && pc.at(cert.counterexample_value) != pc.at(cert.conditions[*cert.counterexample].value))
        reject("counterexample " + name(cert.conditions[*cert.counterexample].at) +
               ": its value differs from the listed condition's value");
}

/// Item 4, one prime: record which value - target are non-zero here; reject as soon as that contradicts
/// the verdict.
void check_verdict_at_prime(const Certificate& cert, const PrimeCheck& pc, std::vector<bool>& differs) {
    const std::size_t limit = cert.counterexample ? *cert.counterexample : cert.conditions.size();
    for (std::size_t i = 0; i < cert.conditions.size(); ++i) {
        const Condition& c = cert.conditions[i];
        if (pc.at(c.value) == static_cast<u64>(c.target)) continue;
        differs[i] = true;
        if (std::binary_search(cert.proven.begin(), cert.proven.end(), c.at.k))
            reject("verdict PARTIAL but condition " + name(c.at) + " at a proven frequency differs from its target");
        if (i >= limit) continue;
        if (!cert.counterexample) reject("verdict PROVED but condition " + name(c.at) + " differs from its target");
        reject("counterexample " + name(cert.conditions[limit].at) + " is not the first failing condition: " +
               name(c.at) + " differs from its target");
    }
}

/// Item 5, one prime: n * loss = sum |value - target|^2.
void check_loss_at_prime(const Certificate& cert, const PrimeCheck& pc) {
    const Fp& f = pc.field();
    u64 sum = 0;
    for (const Condition& c : cert.conditions) {
        const u64 t = static_cast<u64>(c.target);
        sum = f.add(sum, f.mul(f.sub(pc.at(c.value), t), f.sub(pc.conj_at(c.value), t)));
    }
    const u64 n = cert.group.order % f.p;
    if (f.mul(n, pc.at(cert.loss)) != sum) reject("loss differs from (1/n) sum |value - target|^2");
}

/// Word operations of one prime's evaluation: every number term and denominator (reduced limb by limb),
/// the self-convolutions, and the outputs summed per condition.
u64 work_per_prime(const Certificate& cert, const Structure& s) {
    UInt128 work = cert.numbers.max_exponent + 1;
    for (const Fmpz& x : cert.numbers.numerators) work += 1 + fmpz_size(x.get());
    for (const Fmpz& x : cert.numbers.denominators) work += 1 + fmpz_size(x.get());
    for (const CertNode& node : cert.nodes)
        work += static_cast<UInt128>(node.a.freq.size()) * node.a.freq.size() +
                static_cast<UInt128>(node.b.freq.size()) * node.b.freq.size();
    // each condition sums over the outputs at its k
    for (const Condition& c : cert.conditions) {
        const auto lo = std::lower_bound(s.outputs.begin(), s.outputs.end(), Structure::Output{c.at.k, 0, 0});
        const auto hi = std::lower_bound(lo, s.outputs.end(), Structure::Output{c.at.k + 1, 0, 0});
        work += 1 + static_cast<u64>(hi - lo);
    }
    return work > active_limits.max_work ? active_limits.max_work + 1 : static_cast<u64>(work);
}

/// Items 3-5 over the required number of primes.
void check_arithmetic(const Certificate& cert, const Structure& s, CertificateCheck& out) {
    const std::size_t needed = primes_needed(cert, s);
    const u64 per_prime = work_per_prime(cert, s);
    if (static_cast<UInt128>(per_prime) * needed > active_limits.max_work)
        throw ResourceLimit("certificate checker: the exact check would take about " +
                            std::to_string(static_cast<unsigned long long>(std::min<UInt128>(
                                static_cast<UInt128>(per_prime) * needed, ~0ULL))) +
                            " word operations (" + std::to_string(needed) + " primes x " + std::to_string(per_prime) +
                            " per prime), more than " + std::to_string(active_limits.max_work));
    std::vector<bool> differs(cert.conditions.size(), false);
    PrimeSequence primes(cert.field);
    while (out.primes < needed) {
        PrimeCheck pc(cert, s, primes.next());
        if (!pc.evaluate_all()) continue;  // p divides a denominator: not a valid evaluation point
        ++out.primes;
        check_values(cert, pc);
        check_verdict_at_prime(cert, pc, differs);
        check_loss_at_prime(cert, pc);
    }
    // All `needed` primes agree: every difference not seen non-zero is exactly zero.
    if (cert.counterexample && !differs[*cert.counterexample])
        reject("verdict " + cert.verdict + " but counterexample " + name(cert.conditions[*cert.counterexample].at) +
               " equals its target");
}

}  // namespace

CertificateCheck check_certificate(const std::string& json_text, const CertificateLimits& limits) {
    active_limits = limits;
    check_json_depth(json_text, "certificate");  // the JSON library recurses (parse, dump) on deep nesting
    json j;
    try {
        j = json::parse(json_text);
    } catch (const json::exception& e) {
        throw InvalidInput(std::string("certificate is not valid JSON: ") + e.what());
    }
    // a certificate over a general number field has its own format and checker (number_field_certificate_checker)
    if (const auto f = j.is_object() ? j.find("format") : j.end(); f != j.end() && *f == "cogo-certificate-nf")
        return check_number_field_certificate(json_text);
    CertificateCheck out;
    try {
        const Certificate cert = parse_certificate(j, out);
        check_one_set_listed(cert);
        const Structure s = build_structure(cert);
        check_structural_listed(cert, s);
        check_arithmetic(cert, s, out);
        out.accept(out.verdict == "PROVED" ? Verdict::proved : out.verdict == "REFUTED" ? Verdict::refuted
                                                                                     : Verdict::unknown);
    } catch (const Rejected& r) {
        out.fail(CheckStatus::rejected, r.reason);
    } catch (const json::exception& e) {
        out.fail(CheckStatus::rejected, std::string("malformed certificate: ") + e.what());
    } catch (const ResourceLimit& e) {
        out.fail(CheckStatus::limit, e.what());
    }
    return out;
}

CertificateCheck check_certificate_file(const std::string& path) {
    return check_certificate(read_text_file_bounded(path, kMaxJsonInputBytes, "certificate file"));
}

std::uint64_t certificate_checker_prime(std::uint64_t field, std::size_t index) {
    if (field == 0) throw InvalidInput("certificate_checker_prime: field must be >= 1");
    if (field > kMaxField) throw FieldTooLarge("certificate_checker_prime: field exceeds 2^32");
    PrimeSequence primes(field);
    u64 p = primes.next();
    for (std::size_t i = 0; i < index; ++i) p = primes.next();
    return p;
}

}  // namespace cogo
