// The independent checker of number-field certificates (number_field_certificate_checker.hpp).
#include "verify/number_field_certificate_checker.hpp"

#include <acb.h>
#include <arb_fmpz_poly.h>
#include <flint/fmpq_poly.h>
#include <flint/fmpz_poly.h>
#include <flint/fmpz_poly_factor.h>

#include <map>
#include <memory>
#include <algorithm>
#include <set>
#include <tuple>
#include <vector>

#include <nlohmann/json.hpp>

#include "support/error.hpp"
#include "support/flint_raii.hpp"

namespace cogo {

namespace {

using flint::Fmpq;
using flint::FmpqPoly;
using flint::Fmpz;
using Json = nlohmann::json;

/// A failed claim: the reason becomes CertificateCheck::reason.
struct Reject {
    std::string reason;
};

/// An element of Q[x]/(p), always reduced (shared so that maps copy cheaply).
using Value = std::shared_ptr<FmpqPoly>;

struct Field {
    FmpqPoly p;
    FmpqPoly sigma;
    long n = 0;
};

Value zero() { return std::make_shared<FmpqPoly>(); }

Value reduce(const Field& K, Value v) {
    fmpq_poly_rem(v->get(), v->get(), K.p.get());
    return v;
}

Value add(const Value& a, const Value& b) {
    auto r = zero();
    fmpq_poly_add(r->get(), a->get(), b->get());
    return r;
}
Value sub(const Value& a, const Value& b) {
    auto r = zero();
    fmpq_poly_sub(r->get(), a->get(), b->get());
    return r;
}
Value mul(const Field& K, const Value& a, const Value& b) {
    auto r = zero();
    fmpq_poly_mul(r->get(), a->get(), b->get());
    return reduce(K, r);
}
Value conj(const Field& K, const Value& a) {
    auto r = zero();
    fmpq_poly_compose(r->get(), a->get(), K.sigma.get());
    return reduce(K, r);
}
bool is_zero(const Value& a) { return fmpq_poly_is_zero(a->get()) != 0; }

/// Strict "p" or "p/q" (q > 0), at most 10000 digits.
bool parse_rational(fmpq_t out, const std::string& s) {
    if (s.empty() || s.size() > 20000) return false;
    std::size_t i = s[0] == '-' ? 1 : 0, slash = std::string::npos;
    if (i == s.size()) return false;
    for (std::size_t j = i; j < s.size(); ++j) {
        if (s[j] == '/') {
            if (slash != std::string::npos || j == i || j + 1 == s.size()) return false;
            slash = j;
        } else if (s[j] < '0' || s[j] > '9') {
            return false;
        }
    }
    Fmpz num, den(1);
    const std::string ns = s.substr(i, slash == std::string::npos ? std::string::npos : slash - i);
    if (fmpz_set_str(num.get(), ns.c_str(), 10) != 0) return false;
    if (slash != std::string::npos && fmpz_set_str(den.get(), s.substr(slash + 1).c_str(), 10) != 0) return false;
    if (fmpz_is_zero(den.get())) return false;
    if (i == 1) fmpz_neg(num.get(), num.get());
    fmpq_set_fmpz_frac(out, num.get(), den.get());
    return true;
}

Value parse_value(const Field& K, const Json& j, const std::string& where) {
    if (!j.is_array() || static_cast<long>(j.size()) > 4 * K.n + 4) throw Reject{where + ": not a coefficient array"};
    auto v = zero();
    Fmpq c;
    for (std::size_t i = 0; i < j.size(); ++i) {
        if (!j[i].is_string() || !parse_rational(c.get(), j[i].get<std::string>()))
            throw Reject{where + ": malformed rational coefficient"};
        fmpq_poly_set_coeff_fmpq(v->get(), static_cast<long>(i), c.get());
    }
    return reduce(K, v);
}

std::size_t get_index(const Json& j, std::size_t n, const std::string& where) {
    if (!j.is_number_unsigned() || j.get<std::uint64_t>() >= n) throw Reject{where + ": not an index below " + std::to_string(n)};
    return static_cast<std::size_t>(j.get<std::uint64_t>());
}

/// Mixed-radix group arithmetic (last factor fastest).
struct Group {
    std::vector<std::uint64_t> d;
    std::size_t n = 1;
    [[nodiscard]] std::size_t add(std::size_t x, std::size_t y, int sign = 1) const {
        std::size_t out = 0, scale = 1;
        for (std::size_t i = d.size(); i-- > 0;) {
            const std::size_t xi = x % d[i], yi = y % d[i];
            x /= d[i];
            y /= d[i];
            const std::size_t zi = sign > 0 ? (xi + yi) % d[i] : (xi + d[i] - yi) % d[i];
            out += zi * scale;
            scale *= d[i];
        }
        return out;
    }
};

/// The field checks: irreducible monic p, the embedding box isolating one root, sigma complex conjugation.
Field read_field(const Json& j) {
    if (!j.is_object() || !j.contains("polynomial") || !j.contains("embedding") || !j.contains("conj"))
        throw Reject{"number_field: needs polynomial, embedding and conj"};
    Field K;
    const Json& pj = j["polynomial"];
    if (!pj.is_array() || pj.size() < 2 || pj.size() > 65) throw Reject{"number_field.polynomial: degree must be 1..64"};
    Fmpq c;
    for (std::size_t i = 0; i < pj.size(); ++i) {
        if (!pj[i].is_string() || !parse_rational(c.get(), pj[i].get<std::string>()))
            throw Reject{"number_field.polynomial: malformed coefficient " + std::to_string(i)};
        fmpq_poly_set_coeff_fmpq(K.p.get(), static_cast<long>(i), c.get());
    }
    if (fmpq_poly_degree(K.p.get()) != static_cast<long>(pj.size()) - 1 || !fmpq_is_one(c.get()))
        throw Reject{"number_field.polynomial: not monic"};
    K.n = fmpq_poly_degree(K.p.get());
    flint::FmpzPoly zp;
    fmpq_poly_get_numerator(zp.get(), K.p.get());
    {
        fmpz_poly_factor_t fac;
        fmpz_poly_factor_init(fac);
        fmpz_poly_factor(fac, zp.get());
        const bool irreducible = fac->num == 1 && fac->exp[0] == 1;
        fmpz_poly_factor_clear(fac);
        if (!irreducible) throw Reject{"number_field.polynomial: reducible over Q (not a field)"};
    }
    const Value sigma = parse_value(K, j["conj"], "number_field.conj");
    fmpq_poly_set(K.sigma.get(), sigma->get());
    {
        auto t = zero();
        fmpq_poly_compose(t->get(), K.p.get(), K.sigma.get());
        if (!is_zero(reduce(K, t))) throw Reject{"number_field.conj: p(sigma) != 0 mod p (not an automorphism)"};
        auto x = zero();
        fmpq_poly_set_coeff_si(x->get(), 1, 1);
        if (K.n == 1) x = reduce(K, x);
        if (!fmpq_poly_equal(conj(K, sigma)->get(), x->get()))
            throw Reject{"number_field.conj: sigma(sigma(x)) != x mod p (not an involution)"};
    }
    const Json& ej = j["embedding"];
    if (!ej.is_array() || ej.size() != 4) throw Reject{"number_field.embedding: needs [re_lo, re_hi, im_lo, im_hi]"};
    Fmpq corner[4];
    for (int i = 0; i < 4; ++i)
        if (!ej[i].is_string() || !parse_rational(corner[i].get(), ej[i].get<std::string>()))
            throw Reject{"number_field.embedding: malformed corner"};
    if (fmpq_cmp(corner[0].get(), corner[1].get()) > 0 || fmpq_cmp(corner[2].get(), corner[3].get()) > 0)
        throw Reject{"number_field.embedding: empty box"};
    bool decided = false;
    for (long prec = 64; prec <= 8192 && !decided; prec *= 2) {
        acb_t box, theta, image, cth;
        acb_init(box);
        acb_init(theta);
        acb_init(image);
        acb_init(cth);
        arb_t lo, hi;
        arb_init(lo);
        arb_init(hi);
        for (int part = 0; part < 2; ++part) {
            arb_set_fmpq(lo, corner[2 * part].get(), prec + 64);
            arb_set_fmpq(hi, corner[2 * part + 1].get(), prec + 64);
            arb_union(part == 0 ? acb_realref(box) : acb_imagref(box), lo, hi, prec + 64);
        }
        acb_ptr roots = _acb_vec_init(K.n);
        arb_fmpz_poly_complex_roots(roots, zp.get(), 0, prec);
        long inside = 0, undecided = 0, hit = -1;
        for (long r = 0; r < K.n; ++r) {
            if (acb_contains(box, roots + r))
                ++inside, hit = r;
            else if (acb_overlaps(box, roots + r))
                ++undecided;
        }
        if (undecided == 0) {
            if (inside != 1) {
                _acb_vec_clear(roots, K.n);
                throw Reject{"number_field.embedding: the box contains " + std::to_string(inside) +
                             " roots of p (exactly one required)"};
            }
            // sigma(theta) must be the root conj(theta)
            acb_set(theta, roots + hit);
            acb_conj(cth, theta);
            const long len = fmpq_poly_length(K.sigma.get());
            if (len == 0) {
                acb_zero(image);
            } else {
                _arb_fmpz_poly_evaluate_acb(image, fmpq_poly_numref(K.sigma.get()), len, theta, prec);
                arb_set_fmpz(lo, fmpq_poly_denref(K.sigma.get()));
                acb_div_arb(image, image, lo, prec);
            }
            long n_img = 0, n_conj = 0, j_img = -1, j_conj = -1;
            for (long r = 0; r < K.n; ++r) {
                if (acb_overlaps(image, roots + r)) ++n_img, j_img = r;
                if (acb_overlaps(cth, roots + r)) ++n_conj, j_conj = r;
            }
            if (n_img == 1 && n_conj == 1) {
                if (j_img != j_conj) {
                    _acb_vec_clear(roots, K.n);
                    throw Reject{"number_field.conj: sigma is not complex conjugation at the embedding "
                                 "(sigma(theta) is another root than conj(theta))"};
                }
                decided = true;
            }
        }
        _acb_vec_clear(roots, K.n);
        arb_clear(lo);
        arb_clear(hi);
        acb_clear(box);
        acb_clear(theta);
        acb_clear(image);
        acb_clear(cth);
    }
    if (!decided) throw Reject{"number_field.embedding: the box does not isolate a root at the precisions tried"};
    return K;
}

using Key = std::tuple<std::size_t, std::size_t, std::size_t>;

struct NodeRows {
    std::vector<std::pair<std::size_t, Value>> a, b, c;
};

std::vector<std::pair<std::size_t, Value>> read_row(const Field& K, const Json& j, std::size_t n, const std::string& where) {
    if (!j.is_array()) throw Reject{where + ": not an array"};
    std::vector<std::pair<std::size_t, Value>> row;
    for (std::size_t i = 0; i < j.size(); ++i) {
        if (!j[i].is_array() || j[i].size() != 2) throw Reject{where + ": entries are [k, value]"};
        const std::size_t k = get_index(j[i][0], n, where);
        if (!row.empty() && k <= row.back().first) throw Reject{where + ": frequencies not strictly increasing"};
        row.emplace_back(k, parse_value(K, j[i][1], where));
    }
    return row;
}

CertificateCheck check(const Json& doc) {
    CertificateCheck out;
    if (!doc.is_object() || doc.value("format", std::string()) != "cogo-certificate-nf" || !doc.contains("version") ||
        doc["version"] != 1)
        throw Reject{"not a cogo-certificate-nf version 1"};
    out.statement = doc.value("statement", std::string());
    if (doc.contains("verdict") && doc["verdict"].is_string()) out.verdict = doc["verdict"].get<std::string>();
    Group G;
    if (!doc.contains("group") || !doc["group"].is_array() || doc["group"].empty() || doc["group"].size() > 16)
        throw Reject{"group: needs 1..16 cyclic factors"};
    for (const Json& d : doc["group"]) {
        if (!d.is_number_unsigned() || d.get<std::uint64_t>() < 1 || d.get<std::uint64_t>() > 4096)
            throw Reject{"group: factor outside 1..4096"};
        G.d.push_back(d.get<std::uint64_t>());
        G.n *= G.d.back();
        if (G.n > 4096) throw Reject{"group: order above 4096"};
    }
    out.group = G.d;
    const Field K = read_field(doc.contains("number_field") ? doc["number_field"] : Json());
    const Json& ej = doc.contains("element") ? doc["element"] : Json();
    if (!ej.is_object() || !ej.contains("nodes") || !ej["nodes"].is_array()) throw Reject{"element: needs nodes"};
    std::vector<NodeRows> nodes;
    for (std::size_t j = 0; j < ej["nodes"].size(); ++j) {
        const Json& nj = ej["nodes"][j];
        const std::string w = "element.nodes[" + std::to_string(j) + "]";
        if (!nj.is_object() || !nj.contains("a") || !nj.contains("b") || !nj.contains("c")) throw Reject{w + ": needs a, b, c"};
        nodes.push_back({read_row(K, nj["a"], G.n, w + ".a"), read_row(K, nj["b"], G.n, w + ".b"),
                         read_row(K, nj["c"], G.n, w + ".c")});
    }
    // work bound before the arithmetic
    double work = 0;
    for (const NodeRows& r : nodes)
        work += static_cast<double>(r.c.size()) *
                (static_cast<double>(r.a.size() * r.b.size()) + 2.0 * static_cast<double>(G.n)) +
                static_cast<double>(r.a.size() * r.a.size() + r.b.size() * r.b.size());
    if (work > 1e7) throw ResourceLimit("number-field certificate: recomputation needs about " + std::to_string(work) +
                                        " field products (limit 1e7)");
    // T_k(k1, k2), recomputed (format.md): r + [k2 = 0] A_k[k1] / 2 + [k1 = 0] B_k[k2] / 2
    std::map<Key, Value> T;
    auto acc = [&](const Key& key, const Value& v) {
        auto it = T.find(key);
        if (it == T.end())
            T.emplace(key, v);
        else
            it->second = add(it->second, v);
    };
    auto half = zero();
    fmpq_poly_set_coeff_si(half->get(), 0, 1);
    fmpq_poly_scalar_div_si(half->get(), half->get(), 2);
    for (const NodeRows& r : nodes) {
        std::map<std::size_t, Value> conv_a, conv_b;  // self-convolutions
        for (const auto* rowp : {&r.a, &r.b}) {
            auto& conv = rowp == &r.a ? conv_a : conv_b;
            for (const auto& [k1, v1] : *rowp)
                for (const auto& [k2, v2] : *rowp) {
                    const std::size_t m = G.add(k1, k2);
                    const Value p = mul(K, v1, v2);
                    auto it = conv.find(m);
                    if (it == conv.end()) conv.emplace(m, p); else it->second = add(it->second, p);
                }
        }
        for (const auto& [k, vc] : r.c) {
            if (k == 0) continue;
            for (const auto& [k1, va] : r.a) {
                const Value ac = mul(K, va, vc);
                for (const auto& [k2, vb] : r.b) acc({k, k1, k2}, mul(K, ac, vb));
            }
            const Value hc = mul(K, vc, half);
            for (const auto& [m, v] : conv_a) acc({k, m, 0}, mul(K, hc, v));
            for (const auto& [m, v] : conv_b) acc({k, 0, m}, mul(K, hc, v));
        }
    }
    // PARTIAL: the output frequencies claimed proven (strictly increasing, none the DC row)
    std::vector<std::size_t> proven;
    if (out.verdict == "PARTIAL") {
        const Json& pj = doc.contains("proven") ? doc["proven"] : Json();
        if (!pj.is_array() || pj.empty()) throw Reject{"verdict PARTIAL needs a non-empty \"proven\" list of frequencies"};
        for (std::size_t i = 0; i < pj.size(); ++i) {
            const std::size_t k = get_index(pj[i], G.n, "proven[" + std::to_string(i) + "]");
            if (k == 0) throw Reject{"proven[" + std::to_string(i) + "] is the output's DC row 0, which no condition has"};
            if (!proven.empty() && proven.back() >= k) throw Reject{"\"proven\" must be strictly increasing"};
            proven.push_back(k);
        }
    } else if (doc.contains("proven")) {
        throw Reject{"\"proven\" is only meaningful with verdict PARTIAL"};
    }
    auto is_proven = [&](std::size_t k) { return std::binary_search(proven.begin(), proven.end(), k); };
    // the listed conditions
    const Json& cj = doc.contains("conditions") ? doc["conditions"] : Json();
    if (!cj.is_array()) throw Reject{"conditions: not an array"};
    out.conditions = cj.size();
    std::set<Key> listed;
    std::size_t failing = 0;
    auto loss = zero();
    const Value none = zero();
    auto target_of = [](const Key& key) { return std::get<1>(key) == std::get<0>(key) && std::get<2>(key) == std::get<0>(key) ? 1 : 0; };
    for (std::size_t i = 0; i < cj.size(); ++i) {
        const Json& c = cj[i];
        const std::string w = "conditions[" + std::to_string(i) + "]";
        if (!c.is_object() || !c.contains("k") || !c.contains("k1") || !c.contains("k2") || !c.contains("value") ||
            !c.contains("target"))
            throw Reject{w + ": needs k, k1, k2, value, target"};
        const Key key{get_index(c["k"], G.n, w + ".k"), get_index(c["k1"], G.n, w + ".k1"), get_index(c["k2"], G.n, w + ".k2")};
        const std::string name = "condition (k=" + std::to_string(std::get<0>(key)) + ", k1=" + std::to_string(std::get<1>(key)) +
                                 ", k2=" + std::to_string(std::get<2>(key)) + ")";
        if (std::get<0>(key) == 0) throw Reject{name + ": k = 0 is not a condition"};
        if (!listed.insert(key).second) throw Reject{name + ": listed twice"};
        if (!c["target"].is_number_integer() || c["target"].get<long>() != target_of(key)) throw Reject{name + ": wrong target"};
        const Value v = parse_value(K, c["value"], name);
        const auto it = T.find(key);
        if (!fmpq_poly_equal(v->get(), (it == T.end() ? none : it->second)->get()))
            throw Reject{name + ": claimed value differs from T_k(k1,k2)"};
        auto t = zero();
        fmpq_poly_set_coeff_si(t->get(), 0, target_of(key));
        const Value defect = sub(v, t);
        if (!is_zero(defect)) ++failing;
        if (!is_zero(defect) && is_proven(std::get<0>(key)))
            throw Reject{"verdict PARTIAL but " + name + " at a proven frequency differs from its target"};
        loss = add(loss, mul(K, defect, conj(K, defect)));
    }
    for (std::size_t k = 1; k < G.n; ++k)
        if (!listed.count({k, k, k})) throw Reject{"conditions: (k=" + std::to_string(k) + ", k1=k, k2=k) is not listed"};
    for (const auto& [key, v] : T)
        if (!listed.count(key) && !is_zero(v))
            throw Reject{"conditions: (k=" + std::to_string(std::get<0>(key)) + ", k1=" + std::to_string(std::get<1>(key)) +
                         ", k2=" + std::to_string(std::get<2>(key)) + ") is non-zero but not listed"};
    // verdict, counterexample, loss
    if (out.verdict == "PROVED") {
        if (failing) throw Reject{"verdict PROVED but " + std::to_string(failing) + " listed conditions differ from their targets"};
    } else if (out.verdict == "REFUTED" || out.verdict == "PARTIAL") {
        if (!failing) throw Reject{"verdict " + out.verdict + " but every listed condition equals its target"};
        const Json& x = doc.contains("counterexample") ? doc["counterexample"] : Json();
        if (!x.is_object() || !x.contains("k") || !x.contains("k1") || !x.contains("k2"))
            throw Reject{"counterexample: needs k, k1, k2"};
        const Key key{get_index(x["k"], G.n, "counterexample.k"), get_index(x["k1"], G.n, "counterexample.k1"),
                      get_index(x["k2"], G.n, "counterexample.k2")};
        const auto it = T.find(key);
        auto t = zero();
        fmpq_poly_set_coeff_si(t->get(), 0, target_of(key));
        // p irreducible: non-zero mod p means non-zero at every root, the embedding included
        if (std::get<0>(key) == 0 || is_zero(sub(it == T.end() ? none : it->second, t)))
            throw Reject{"counterexample: its value equals its target"};
        if (is_proven(std::get<0>(key))) throw Reject{"counterexample: at a proven frequency"};
    } else {
        throw Reject{"verdict: must be PROVED, REFUTED or PARTIAL"};
    }
    fmpq_poly_scalar_div_si(loss->get(), loss->get(), static_cast<long>(G.n));
    if (!doc.contains("loss") || !fmpq_poly_equal(parse_value(K, doc["loss"], "loss")->get(), loss->get()))
        throw Reject{"loss: differs from (1/n) sum |T - t|^2"};
    // the verdicts checked above; PARTIAL establishes the proven frequencies (the element is no global optimum)
    out.proven.assign(proven.begin(), proven.end());
    out.accept(out.verdict == "PROVED" ? Verdict::proved : out.verdict == "REFUTED" ? Verdict::refuted : Verdict::unknown);
    return out;
}

}  // namespace

CertificateCheck check_number_field_certificate(const std::string& json_text) {
    Json doc;
    try {
        doc = Json::parse(json_text);
    } catch (const Json::exception& e) {
        throw InvalidInput(std::string("number-field certificate: not JSON (") + e.what() + ")");
    }
    try {
        return check(doc);
    } catch (const Reject& r) {
        CertificateCheck out;
        out.fail(CheckStatus::rejected, r.reason);
        if (doc.is_object() && doc.contains("verdict") && doc["verdict"].is_string()) out.verdict = doc["verdict"].get<std::string>();
        return out;
    } catch (const Json::exception& e) {
        CertificateCheck out;
        out.fail(CheckStatus::rejected, std::string("malformed certificate: ") + e.what());
        return out;
    } catch (const ResourceLimit& e) {
        CertificateCheck out;
        out.fail(CheckStatus::limit, e.what());
        return out;
    }
}

}  // namespace cogo
