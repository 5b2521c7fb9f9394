#include "construct/expression.hpp"

#include <flint/fmpq.h>
#include <flint/fmpz.h>

#include <algorithm>
#include <cctype>
#include <map>
#include <memory>
#include <optional>
#include <type_traits>
#include <variant>
#include <vector>

#include "algebra/transforms.hpp"
#include "construct/bias_cancellation.hpp"
#include "construct/element_cost.hpp"
#include "construct/families.hpp"
#include "construct/global_solutions.hpp"
#include "io/turn_text.hpp"
#include "scalar/turn.hpp"
#include "construct/symbolic_expression.hpp"
#include "support/error.hpp"
#include "support/flint_raii.hpp"

namespace cogo {

namespace {

/// Largest number of decimal digits a literal may have: max_number_bits bits hold fewer digits than this.
constexpr std::size_t kMaxLiteralDigits = max_number_bits * 30103 / 100000 + 2;

/// A short excerpt of `text` around `pos` for messages (the text can be a megabyte long).
std::string excerpt(const std::string& text, std::size_t pos) {
    if (text.size() <= 60) return "'" + text + "'";
    const std::size_t from = pos > 20 ? pos - 20 : 0;
    return "'" + std::string(from > 0 ? "..." : "") + text.substr(from, 40) + (from + 40 < text.size() ? "..." : "") +
           "' (" + std::to_string(text.size()) + " characters)";
}

/// The kind of a declared symbol.
enum class SymbolKind { unit_modulus, real };

/// Declared symbols by name.
using SymbolMap = std::map<std::string, SymbolKind>;

/// The names of the language; a symbol may not take one.
const std::vector<std::string>& builtin_names() {
    static const std::vector<std::string> names = {"one",   "syn",   "nui",    "nu",     "xi",      "synab",   "u",
                                                   "zn",    "syndc", "real1",  "real2",  "sum",     "pairsum", "realsum",
                                                   "conj",  "cancel", "debias", "except"};
    return names;
}

bool is_identifier(const std::string& s) {
    if (s.empty() || s.size() > 64 || !std::isalpha(static_cast<unsigned char>(s[0]))) return false;
    return std::all_of(s.begin(), s.end(), [](char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '_'; });
}

SymbolMap symbol_map(const ExpressionSymbols& symbols) {
    SymbolMap map;
    auto add = [&](const std::string& name, SymbolKind kind) {
        const std::string shown = "'" + name.substr(0, 40) + (name.size() > 40 ? "...'" : "'");
        if (!is_identifier(name))
            throw InvalidInput("symbol " + shown +
                               ": a name is a letter followed by letters, digits or '_' (at most 64 characters)");
        if (std::find(builtin_names().begin(), builtin_names().end(), name) != builtin_names().end())
            throw InvalidInput("symbol " + shown + " clashes with the built-in name '" + name +
                               "' of the expression language (one, syn, nui, nu, xi, synab, u, zn, syndc, real1, real2, sum, "
                               "pairsum, realsum, conj, cancel, debias, except)");
        if (name == "zeta" || name.rfind("zeta_", 0) == 0)
            throw InvalidInput("symbol " + shown + ": 'zeta' and 'zeta_*' are reserved for roots of unity");
        if (!map.emplace(name, kind).second) throw InvalidInput("symbol " + shown + " is declared twice");
    };
    for (const std::string& name : symbols.unit_modulus) add(name, SymbolKind::unit_modulus);
    for (const std::string& name : symbols.real) add(name, SymbolKind::real);
    return map;
}

/// Abstract syntax tree; sums and products are n-ary (their operands in order).
struct SyntaxNode {
    enum class Kind { number, sum, product, divide, power, at, sum_over_k, conj, cancel, debias, atom, symbol } kind;
    std::size_t pos = 0;               // position in the text (0-based), for messages
    std::size_t depth = 1;             // 1 + the largest depth of a child
    flint::Fmpz value;                 // literal, divisor, exponent, frequency, sum's excluded frequency
                                       // (0: none) or debias's k0
    std::string name;                  // atom or symbol name
    std::vector<Turn> turns;           // atom turn arguments
    std::vector<std::string> turn_symbols;  // per turn argument: the unit symbol standing for it, or ""
    int sign = 1;                      // the sign of xi(T, S)
    flint::Fmpq magnitude;             // the real argument R of zn(R, T) / syndc(R), when a number
    std::string magnitude_symbol;      // ... or the real symbol standing for it ("" if a number)
    std::vector<std::unique_ptr<SyntaxNode>> children;
};
using SyntaxNodePtr = std::unique_ptr<SyntaxNode>;

class Parser {
public:
    Parser(const std::string& text, const SymbolMap& symbols) : text_(text), symbols_(symbols) {
        if (text.size() > max_expression_length)
            throw InvalidInput("expression: " + std::to_string(text.size()) + " characters, more than the " +
                               std::to_string(max_expression_length) + " accepted");
    }

    SyntaxNodePtr parse() {
        SyntaxNodePtr e = expr();
        skip();
        if (pos_ != text_.size()) fail("unexpected '" + std::string(1, text_[pos_]) + "'");
        return e;
    }

private:
    [[noreturn]] void fail(const std::string& what) const { fail_at(what, pos_); }
    [[noreturn]] void fail_at(const std::string& what, std::size_t pos) const {
        throw InvalidInput("expression: " + what + " at position " + std::to_string(pos + 1) + " of " + excerpt(text_, pos));
    }
    void skip() {
        while (pos_ < text_.size() && std::isspace(static_cast<unsigned char>(text_[pos_]))) ++pos_;
    }
    bool accept(char c) {
        skip();
        if (pos_ < text_.size() && text_[pos_] == c) {
            ++pos_;
            return true;
        }
        return false;
    }
    void expect(char c) {
        if (!accept(c)) fail(std::string("expected '") + c + "'");
    }
    /// A non-negative decimal integer, exactly; refused beyond max_number_bits.
    flint::Fmpz integer() {
        skip();
        const std::size_t start = pos_;
        while (pos_ < text_.size() && std::isdigit(static_cast<unsigned char>(text_[pos_]))) ++pos_;
        if (start == pos_) fail("expected an integer");
        if (pos_ - start > kMaxLiteralDigits)
            fail_at("integer of " + std::to_string(pos_ - start) + " digits is too large (at most " +
                        std::to_string(max_number_bits) + " bits)",
                    start);
        flint::Fmpz v;
        const std::string digits = text_.substr(start, pos_ - start);
        if (fmpz_set_str(v.get(), digits.c_str(), 10) != 0) fail_at("malformed integer", start);
        if (fmpz_bits(v.get()) > max_number_bits)
            fail_at("integer too large (at most " + std::to_string(max_number_bits) + " bits)", start);
        return v;
    }
    /// A name: a letter, then letters, digits or '_'.
    std::string word() {
        skip();
        const std::size_t start = pos_;
        if (pos_ < text_.size() && std::isalpha(static_cast<unsigned char>(text_[pos_]))) ++pos_;
        if (pos_ > start)
            while (pos_ < text_.size() &&
                   (std::isalnum(static_cast<unsigned char>(text_[pos_])) || text_[pos_] == '_'))
                ++pos_;
        return text_.substr(start, pos_ - start);
    }
    /// Refuses a declared symbol where an integer must stand (after '@', '^' or '/').
    void refuse_symbol_as_integer(const char* role) {
        skip();
        if (pos_ >= text_.size() || !std::isalpha(static_cast<unsigned char>(text_[pos_]))) return;
        const std::size_t at = pos_;
        const std::string name = word();
        pos_ = at;
        if (symbols_.count(name) != 0)
            fail_at("the symbol '" + name + "' cannot be " + role + " (an exact integer is needed there)", at);
    }
    /// A turn or sign argument: characters up to ',' or ')'.
    std::string argument() {
        skip();
        const std::size_t start = pos_;
        while (pos_ < text_.size() && text_[pos_] != ',' && text_[pos_] != ')') ++pos_;
        std::string arg = text_.substr(start, pos_ - start);
        while (!arg.empty() && std::isspace(static_cast<unsigned char>(arg.back()))) arg.pop_back();
        if (arg.empty()) fail("expected an argument");
        return arg;
    }
    /// The real argument R of zn(R, T) / syndc(R): a non-zero rational p or p/q (optionally signed), or a
    /// declared real symbol (a unit symbol is refused: R must be real).
    void real_argument(SyntaxNode& n, const std::string& atom, const std::string& arg, std::size_t at) const {
        if (std::isalpha(static_cast<unsigned char>(arg[0]))) {
            const auto it = symbols_.find(arg);
            if (it == symbols_.end())
                fail_at("argument of '" + atom + "': '" + arg.substr(0, 40) +
                            "' is neither a rational number nor a declared symbol (declare it with --real-symbol " +
                            arg.substr(0, 40) + ")",
                        at);
            if (it->second != SymbolKind::real)
                fail_at("argument of '" + atom + "': '" + arg.substr(0, 40) +
                            "' is a unit symbol; this argument is real (declare it with --real-symbol)",
                        at);
            n.magnitude_symbol = arg;
            return;
        }
        // strict "[+-]digits[/digits]", bounded like every other number
        std::size_t i = (arg[0] == '-' || arg[0] == '+') ? 1 : 0;
        const std::size_t num_begin = i;
        while (i < arg.size() && std::isdigit(static_cast<unsigned char>(arg[i]))) ++i;
        bool ok = i > num_begin && i - num_begin <= kMaxLiteralDigits;
        if (ok && i < arg.size()) {
            ok = arg[i] == '/';
            const std::size_t den_begin = ++i;
            while (i < arg.size() && std::isdigit(static_cast<unsigned char>(arg[i]))) ++i;
            ok = ok && i > den_begin && i == arg.size() && i - den_begin <= kMaxLiteralDigits;
        }
        const std::string digits = arg[0] == '+' ? arg.substr(1) : arg;
        if (!ok || fmpq_set_str(n.magnitude.get(), digits.c_str(), 10) != 0 ||
            fmpz_is_zero(fmpq_denref(n.magnitude.get())))
            fail_at("argument of '" + atom + "': expected a rational p or p/q or a real symbol, got '" +
                        arg.substr(0, 40) + "'",
                    at);
        fmpq_canonicalise(n.magnitude.get());
        if (fmpz_bits(fmpq_numref(n.magnitude.get())) > max_number_bits ||
            fmpz_bits(fmpq_denref(n.magnitude.get())) > max_number_bits)
            fail_at("argument of '" + atom + "': number too large (at most " + std::to_string(max_number_bits) +
                        " bits)",
                    at);
        if (fmpq_is_zero(n.magnitude.get())) fail_at("argument of '" + atom + "' must be non-zero", at);
    }
    SyntaxNodePtr make(SyntaxNode::Kind kind, std::size_t pos) const {
        auto n = std::make_unique<SyntaxNode>();
        n->kind = kind;
        n->pos = pos;
        return n;
    }
    /// Appends a child, keeping the depth bounded (the evaluator recurses along it).
    void adopt(SyntaxNode& parent, SyntaxNodePtr child) {
        parent.depth = std::max(parent.depth, child->depth + 1);
        if (parent.depth > max_expression_depth)
            fail_at("nesting deeper than " + std::to_string(max_expression_depth) + " levels", parent.pos);
        parent.children.push_back(std::move(child));
    }
    /// Guards the parser's own recursion ('(' and function calls).
    struct Nesting {
        Parser& p;
        explicit Nesting(Parser& parser) : p(parser) {
            if (++p.nesting_ > max_expression_depth)
                p.fail("nesting deeper than " + std::to_string(max_expression_depth) + " levels");
        }
        ~Nesting() { --p.nesting_; }
        Nesting(const Nesting&) = delete;
        Nesting& operator=(const Nesting&) = delete;
    };

    SyntaxNodePtr expr() {
        skip();
        const std::size_t start = pos_;
        SyntaxNodePtr first = term();
        if (!accept('+')) return first;
        SyntaxNodePtr n = make(SyntaxNode::Kind::sum, start);
        adopt(*n, std::move(first));
        do adopt(*n, term());
        while (accept('+'));
        return n;
    }
    SyntaxNodePtr term() {
        skip();
        const std::size_t start = pos_;
        SyntaxNodePtr first = factor();
        if (!accept('*')) return first;
        SyntaxNodePtr n = make(SyntaxNode::Kind::product, start);
        adopt(*n, std::move(first));
        do adopt(*n, factor());
        while (accept('*'));
        return n;
    }
    SyntaxNodePtr factor() {
        SyntaxNodePtr e = primary();
        bool after_power = false;
        for (;;) {
            skip();
            const std::size_t at = pos_;
            SyntaxNode::Kind kind;
            if (accept('/')) kind = SyntaxNode::Kind::divide;
            else if (accept('@')) kind = SyntaxNode::Kind::at;
            else if (accept('^')) kind = SyntaxNode::Kind::power;
            else return e;
            if (kind == SyntaxNode::Kind::power && after_power) fail_at("write (a^b)^c explicitly, not a^b^c", at);
            after_power = kind == SyntaxNode::Kind::power;
            SyntaxNodePtr n = make(kind, at);
            refuse_symbol_as_integer(kind == SyntaxNode::Kind::divide ? "a divisor"
                                     : kind == SyntaxNode::Kind::at   ? "a frequency"
                                                                : "an exponent");
            n->value = integer();
            if (kind == SyntaxNode::Kind::divide) {
                // the divisor is INT or INT^INT: x / 2^64 divides by 2^64
                skip();
                if (pos_ < text_.size() && text_[pos_] == '^') {
                    ++pos_;
                    after_power = true;  // x / a^b^c is as ambiguous as a^b^c
                    refuse_symbol_as_integer("an exponent");
                    const flint::Fmpz exponent = integer();
                    const bool trivial = fmpz_is_zero(n->value.get()) || fmpz_is_one(n->value.get());  // 0^e, 1^e
                    if (trivial) {
                        if (fmpz_is_zero(exponent.get())) fmpz_one(n->value.get());
                    } else {
                        const std::uint64_t bits = fmpz_bits(n->value.get());  // >= 2
                        if (fmpz_cmp_ui(exponent.get(), max_number_bits) > 0 ||
                            (bits - 1) * fmpz_get_ui(exponent.get()) > max_number_bits)
                            fail_at("divisor too large (at most " + std::to_string(max_number_bits) + " bits)", at);
                        fmpz_pow_ui(n->value.get(), n->value.get(), fmpz_get_ui(exponent.get()));
                    }
                }
                if (fmpz_is_zero(n->value.get())) fail_at("division by zero", at);
            }
            adopt(*n, std::move(e));
            e = std::move(n);
        }
    }
    SyntaxNodePtr primary() {
        skip();
        if (pos_ >= text_.size()) fail("unexpected end");
        const std::size_t start = pos_;
        if (std::isdigit(static_cast<unsigned char>(text_[pos_]))) {
            SyntaxNodePtr n = make(SyntaxNode::Kind::number, start);
            n->value = integer();
            return n;
        }
        if (accept('(')) {
            const Nesting guard(*this);
            SyntaxNodePtr e = expr();
            expect(')');
            return e;
        }
        const std::string name = word();
        if (name.empty()) fail("expected a number, '(' or a name");
        if (name == "sum" || name == "pairsum" || name == "realsum" || name == "conj") {
            const Nesting guard(*this);
            SyntaxNodePtr n = make(name == "conj" ? SyntaxNode::Kind::conj : SyntaxNode::Kind::sum_over_k, start);
            n->name = name;
            expect('(');
            adopt(*n, expr());
            if (name != "conj" && name != "realsum" && accept(',')) {
                // sum(E, except K): every pair representative but that of {K, -K}
                skip();
                const std::size_t at = pos_;
                if (word() != "except") fail_at("expected 'except K' after ','", at);
                refuse_symbol_as_integer("a frequency");
                skip();
                const std::size_t freq_at = pos_;
                n->value = integer();
                if (fmpz_is_zero(n->value.get())) fail_at("'except 0': frequency 0 is never in the sum", freq_at);
            }
            expect(')');
            return n;
        }
        if (name == "cancel" || name == "debias") {
            const Nesting guard(*this);
            SyntaxNodePtr n = make(name == "cancel" ? SyntaxNode::Kind::cancel : SyntaxNode::Kind::debias, start);
            n->name = name;
            expect('(');
            adopt(*n, expr());
            if (name == "cancel") {
                expect(',');
                adopt(*n, expr());
            } else if (accept(',')) {
                refuse_symbol_as_integer("a frequency");
                n->value = integer();  // k0 (0: a DC input row), checked by the evaluator
            }
            expect(')');
            return n;
        }
        static const std::vector<std::pair<std::string, std::pair<int, int>>> atoms = {
            {"one", {0, 0}}, {"syn", {0, 0}}, {"nui", {0, 0}}, {"nu", {1, 1}},
            {"xi", {1, 2}},  {"synab", {2, 2}}, {"u", {3, 3}}, {"zn", {1, 2}}, {"syndc", {1, 1}},
            {"real1", {0, 2}}, {"real2", {0, 1}}};
        for (const auto& [atom, arity] : atoms) {
            if (atom != name) continue;
            SyntaxNodePtr n = make(SyntaxNode::Kind::atom, start);
            n->name = name;
            std::vector<std::pair<std::string, std::size_t>> args;
            if (accept('(')) {
                do {
                    skip();
                    const std::size_t at = pos_;
                    args.emplace_back(argument(), at);
                } while (accept(','));
                expect(')');
            }
            const int count = static_cast<int>(args.size());
            if (count < arity.first || count > arity.second)
                fail_at("'" + name + "' takes " + std::to_string(arity.first) +
                            (arity.second != arity.first ? "-" + std::to_string(arity.second) : "") + " arguments",
                        start);
            // zn(R[, T]), syndc(R), real1([R[, S]]) and real2([R]) take a real argument R first (real1 and
            // real2: R = 1 if absent); the second argument of xi and real1 is a sign
            const bool real_block = name == "real1" || name == "real2";
            const bool real_first = name == "zn" || name == "syndc" || real_block;
            if (real_block) n->magnitude = flint::Fmpq(1);
            if (real_first && !args.empty()) real_argument(*n, name, args[0].first, args[0].second);
            const std::size_t turn_count = name == "xi" ? 1 : real_block ? 0 : args.size();
            for (std::size_t i = real_first ? 1 : 0; i < turn_count; ++i) {
                const std::string& arg = args[i].first;
                if (std::isalpha(static_cast<unsigned char>(arg[0]))) {
                    const auto it = symbols_.find(arg);
                    if (it == symbols_.end())
                        fail_at("argument of '" + name + "': '" + arg.substr(0, 40) +
                                    "' is neither a turn p/q nor a declared symbol (declare it with --symbol " +
                                    arg.substr(0, 40) + ")",
                                args[i].second);
                    if (it->second != SymbolKind::unit_modulus)
                        fail_at("argument of '" + name + "': '" + arg +
                                    "' is a real symbol; a turn argument needs a unit-modulus symbol (--symbol)",
                                args[i].second);
                    n->turns.push_back(Turn{});
                    n->turn_symbols.push_back(arg);
                    continue;
                }
                n->turn_symbols.emplace_back();
                try {
                    n->turns.push_back(parse_turn(args[i].first));
                } catch (const InvalidInput& e) {
                    fail_at(std::string("argument of '") + name + "': " + e.what(), args[i].second);
                }
            }
            if ((name == "xi" || name == "real1") && args.size() == 2) {
                const std::string& s = args[1].first;
                if (s == "1" || s == "+1") n->sign = 1;
                else if (s == "-1") n->sign = -1;
                else fail_at("the sign of " + name + " must be 1 or -1, got '" + s.substr(0, 40) + "'", args[1].second);
            }
            return n;
        }
        if (symbols_.count(name) != 0) {
            SyntaxNodePtr n = make(SyntaxNode::Kind::symbol, start);
            n->name = name;
            return n;
        }
        fail_at("unknown name '" + name.substr(0, 40) +
                    "' (atoms: one, syn, nui, nu(T), xi(T[,s]), synab(T,T), u(T,T,T), zn(R[,T]), syndc(R), real1[(R[,s])], "
                    "real2[(R)]; sum(...), pairsum(...), realsum(...), conj(...), cancel(Z, B), debias(Z[, k0]); "
                    "parameters must be declared, e.g. --symbol t)",
                start);
    }

    const std::string& text_;
    const SymbolMap& symbols_;
    std::size_t pos_ = 0;
    std::size_t nesting_ = 0;
};

/// The size of an element, for the limits (element_cost.hpp); Symbolic values count their field order.
ElementCost cost_of(const Element<Cyclotomic>& z) { return element_cost(z); }
ElementCost cost_of(const Element<Symbolic>& z) {
    std::uint64_t entries = 0, field_order = 1;
    for (const auto& node : z.nodes())
        for (Part p : all_parts) {
            entries = saturating_add(entries, node.row(p).size());
            for (const auto& e : node.row(p)) field_order = saturating_lcm(field_order, e.second.field_order());
        }
    return make_cost(z.order(), entries, field_order);
}

/// The scalar of S for the rational q.
Cyclotomic scalar_of(const flint::Fmpq& q, const Cyclotomic*) { return Cyclotomic::rational(q.str()); }
Symbolic scalar_of(const flint::Fmpq& q, const Symbolic*) {
    return Symbolic::from_cyclotomic(Cyclotomic::rational(q.str()));
}

/// The value of a declared symbol as an S (only Symbolic has symbols; the parser admits none otherwise).
template <ExactScalar S>
S symbol_value(const std::string& name, SymbolKind kind) {
    if constexpr (std::is_same_v<S, Symbolic>) {
        return kind == SymbolKind::unit_modulus ? Symbolic::unit_modulus(name) : Symbolic::real_variable(name);
    } else {
        throw Error("expression: internal: symbol '" + name + "' without a symbolic scalar");
    }
}

/// Evaluates the syntax tree with scalar S (Cyclotomic: exact numbers; Symbolic: with parameters). A value
/// during evaluation is an exact rational number, a scalar with parameters (only from symbols), or an element.
template <ExactScalar S>
class Evaluator {
public:
    using Value = std::variant<flint::Fmpq, S, Element<S>>;

    Evaluator(const AbelianGroup& group, const std::string& text, const ResourceLimits& limits, const SymbolMap& symbols)
        : group_(group), text_(text), limits_(limits), symbols_(symbols) {}

    Value eval(const SyntaxNode& n, std::optional<std::size_t> k) const {
        switch (n.kind) {
            case SyntaxNode::Kind::number: {
                flint::Fmpq q;
                fmpq_set_fmpz_frac(q.get(), n.value.get(), one().get());
                return q;
            }
            case SyntaxNode::Kind::symbol: return symbol_value<S>(n.name, symbols_.at(n.name));
            case SyntaxNode::Kind::sum: return sum(n, k);
            case SyntaxNode::Kind::product: return product(n, k);
            case SyntaxNode::Kind::divide: {
                Value v = eval(*n.children[0], k);
                flint::Fmpq inv;
                fmpq_set_fmpz_frac(inv.get(), one().get(), n.value.get());
                return scale(std::move(v), inv, n);
            }
            case SyntaxNode::Kind::power: return power(n, k);
            case SyntaxNode::Kind::at: {
                if (fmpz_sgn(n.value.get()) <= 0 || fmpz_cmp_ui(n.value.get(), group_.order()) >= 0)
                    fail(n, "'@" + n.value.str().substr(0, 30) + "' is not a non-zero frequency of " + group_.name() +
                                " (1.." + std::to_string(group_.order() - 1) + ")");
                return eval(*n.children[0], static_cast<std::size_t>(fmpz_get_ui(n.value.get())));
            }
            case SyntaxNode::Kind::sum_over_k: return sum_over_k(n);
            case SyntaxNode::Kind::cancel: {
                Element<S> z = element(eval(*n.children[0], k), *n.children[0], "cancel(Z, B)");
                Element<S> b = element(eval(*n.children[1], k), *n.children[1], "cancel(Z, B)");
                require_bias_work(z, n, "cancel(...)");
                // B gains at most one entry per node and output frequency of z
                require_within(make_cost(saturating_add(z.order(), b.order()),
                                         saturating_add(saturating_add(cost_of(z).entries, cost_of(b).entries),
                                                        saturating_mul(b.order(), group_.order())),
                                         saturating_lcm(cost_of(z).field_order, cost_of(b).field_order)),
                               limits_, "cancel(...) at " + where(n));
                try {
                    return cancel_biases_on(z, b);
                } catch (const InvalidInput& e) {
                    fail(n, e.what());
                }
            }
            case SyntaxNode::Kind::debias: {
                Element<S> z = element(eval(*n.children[0], k), *n.children[0], "debias(Z)");
                require_bias_work(z, n, "debias(...)");
                if (fmpz_cmp_ui(n.value.get(), group_.order()) >= 0 ||
                    (!fmpz_is_zero(n.value.get()) && !group_.is_self_conjugate(fmpz_get_ui(n.value.get()))))
                    fail(n, "debias(Z, k0) needs k0 = 0 (a DC input row) or a frequency with 2 k0 = 0 of " +
                                group_.name() + ", got " + n.value.str().substr(0, 30));
                return debiased(z, static_cast<std::size_t>(fmpz_get_ui(n.value.get())));
            }
            case SyntaxNode::Kind::conj: {
                Value v = eval(*n.children[0], k);
                if (auto* s = std::get_if<S>(&v)) return cogo::conj(*s);  // a parameter: conj(t) = 1/t, conj(r) = r
                return conjugate(element(std::move(v), n, "conj(...)"));
            }
            case SyntaxNode::Kind::atom: return atom(n, k);
        }
        throw Error("expression: unknown node");
    }

    Element<S> element(Value v, const SyntaxNode& n, const char* where) const {
        if (!std::holds_alternative<Element<S>>(v)) fail(n, std::string(where) + " needs an element, not a number");
        return std::get<Element<S>>(std::move(v));
    }

private:
    [[noreturn]] void fail(const SyntaxNode& n, const std::string& what) const {
        throw InvalidInput("expression: " + what + " at position " + std::to_string(n.pos + 1) + " of " +
                           excerpt(text_, n.pos));
    }
    std::string where(const SyntaxNode& n) const {
        return "position " + std::to_string(n.pos + 1) + " of " + excerpt(text_, n.pos);
    }
    static const flint::Fmpz& one() {
        static const flint::Fmpz v(1);
        return v;
    }
    void require_small(const flint::Fmpq& q, const SyntaxNode& n) const {
        if (fmpz_bits(fmpq_numref(q.get())) > max_number_bits || fmpz_bits(fmpq_denref(q.get())) > max_number_bits)
            fail(n, "number too large (numerator and denominator at most " + std::to_string(max_number_bits) + " bits)");
    }
    static S to_scalar(const flint::Fmpq& q) { return scalar_of(q, static_cast<const S*>(nullptr)); }

    /// v scaled by the rational s (an element: its c-row).
    Value scale(Value v, const flint::Fmpq& s, const SyntaxNode& n) const {
        if (auto* q = std::get_if<flint::Fmpq>(&v)) {
            flint::Fmpq r;
            fmpq_mul(r.get(), q->get(), s.get());
            require_small(r, n);
            return r;
        }
        if (auto* p = std::get_if<S>(&v)) return S(*p * to_scalar(s));
        return scale_output(std::get<Element<S>>(v), to_scalar(s));
    }

    Value sum(const SyntaxNode& n, std::optional<std::size_t> k) const {
        std::vector<Element<S>> terms;
        terms.reserve(n.children.size());
        ElementCost total;
        for (const SyntaxNodePtr& child : n.children) {
            Value v = eval(*child, k);
            if (!std::holds_alternative<Element<S>>(v))
                fail(*child, "'+' adds elements, not numbers (write the element, then '/n' or 'n *')");
            terms.push_back(std::get<Element<S>>(std::move(v)));
            total = add(total, cost_of(terms.back()));
            require_within(total, limits_, "the sum at " + where(n));
        }
        return sum_of(group_, terms);
    }

    static ElementCost add(const ElementCost& x, const ElementCost& y) {
        return make_cost(saturating_add(x.nodes, y.nodes), saturating_add(x.entries, y.entries),
                         saturating_lcm(x.field_order, y.field_order));
    }

    /// Checks the work of computing z's output biases (the conditions of algebra/conditions.hpp: per node
    /// and output entry, |a| |b| + |a|^2 + |b|^2 products) against the expression's --max-terms budget.
    void require_bias_work(const Element<S>& z, const SyntaxNode& n, const char* what) const {
        std::uint64_t products = 0;
        for (const Node<S>& node : z.nodes()) {
            const std::uint64_t a = node.a.size(), b = node.b.size();
            products = saturating_add(products, saturating_mul(saturating_add(saturating_mul(a, b),
                                                                              saturating_add(saturating_mul(a, a),
                                                                                             saturating_mul(b, b))),
                                                               node.c.size()));
        }
        const ElementCost c = cost_of(z);
        products_spent_ = saturating_add(products_spent_, saturating_mul(products, c.field_degree));
        require_within(products_spent_, c.bytes(), limits_,
                       std::string("the biases of ") + what + " and the products before it, up to " + where(n));
    }

    /// The product z1 * z2 after checking its estimated size: q1 q2 nodes, at most min(q2 E1, q1 E2) entries.
    Element<S> multiply(const Element<S>& z1, const Element<S>& z2, const SyntaxNode& n) const {
        const ElementCost c1 = cost_of(z1), c2 = cost_of(z2);
        const ElementCost out = make_cost(saturating_mul(c1.nodes, c2.nodes),
                                          std::min(saturating_mul(c2.nodes, c1.entries), saturating_mul(c1.nodes, c2.entries)),
                                          saturating_lcm(c1.field_order, c2.field_order));
        // each entry of the product is one multiplication in the common field (build_terms), and the
        // products of one expression are bounded together: --max-terms is the budget of the whole evaluation,
        // not of each product (a long product whose factors each fit would otherwise run for minutes)
        require_buildable(out, limits_, "the product at " + where(n));
        products_spent_ = saturating_add(products_spent_, out.build_terms());
        require_within(products_spent_, out.bytes(), limits_,
                       "the products of the expression up to " + where(n) + " (together)");
        return z1 * z2;
    }

    Value product(const SyntaxNode& n, std::optional<std::size_t> k) const {
        flint::Fmpq scalar(1);
        std::optional<S> parameter;  // the product of the symbolic scalar factors, if any
        std::optional<Element<S>> z;
        for (const SyntaxNodePtr& child : n.children) {
            Value v = eval(*child, k);
            if (auto* q = std::get_if<flint::Fmpq>(&v)) {
                if (fmpz_bits(fmpq_numref(scalar.get())) + fmpz_bits(fmpq_numref(q->get())) > max_number_bits + 1 ||
                    fmpz_bits(fmpq_denref(scalar.get())) + fmpz_bits(fmpq_denref(q->get())) > max_number_bits + 1)
                    fail(n, "number too large (numerator and denominator at most " + std::to_string(max_number_bits) +
                                " bits)");
                fmpq_mul(scalar.get(), scalar.get(), q->get());
                require_small(scalar, n);
            } else if (auto* p = std::get_if<S>(&v)) {
                parameter = parameter ? S(*parameter * *p) : *p;
            } else {
                auto& e = std::get<Element<S>>(v);
                z = z ? multiply(*z, e, n) : std::move(e);
            }
        }
        // numbers scale the c-row; that commutes with the Kronecker product, so it is applied once at the end
        if (!z) {
            if (!parameter) return scalar;
            return fmpq_is_one(scalar.get()) ? *parameter : S(*parameter * to_scalar(scalar));
        }
        if (parameter) return scale_output(*z, fmpq_is_one(scalar.get()) ? *parameter : S(*parameter * to_scalar(scalar)));
        if (fmpq_is_one(scalar.get())) return std::move(*z);
        return scale_output(*z, to_scalar(scalar));
    }

    Value power(const SyntaxNode& n, std::optional<std::size_t> k) const {
        Value v = eval(*n.children[0], k);
        const fmpz* e = n.value.get();
        if (auto* q = std::get_if<flint::Fmpq>(&v)) {
            const bool trivial = fmpq_is_zero(q->get()) || (fmpz_is_pm1(fmpq_numref(q->get())) && fmpz_is_one(fmpq_denref(q->get())));
            if (!trivial) {
                const std::uint64_t bits = std::max(fmpz_bits(fmpq_numref(q->get())), fmpz_bits(fmpq_denref(q->get())));
                if (fmpz_cmp_ui(e, max_number_bits) > 0 || (bits - 1) * fmpz_get_ui(e) > max_number_bits)
                    fail(n, "number too large: the power exceeds " + std::to_string(max_number_bits) + " bits");
            }
            flint::Fmpq r;
            if (trivial && fmpz_is_zero(e)) fmpq_one(r.get());
            else if (trivial) fmpq_pow_si(r.get(), q->get(), fmpz_is_even(e) ? 2 : 1);
            else fmpq_pow_si(r.get(), q->get(), static_cast<slong>(fmpz_get_ui(e)));
            require_small(r, n);
            return r;
        }
        if (auto* p = std::get_if<S>(&v)) {
            if (fmpz_cmp_ui(e, max_element_power) > 0)
                fail(n, "a parameter power t^n needs 0 <= n <= " + std::to_string(max_element_power) + ", got " +
                            n.value.str().substr(0, 30));
            if (fmpz_is_zero(e)) return flint::Fmpq(1);
            S r = *p;
            for (unsigned long i = 1; i < fmpz_get_ui(e); ++i) r = r * *p;
            return r;
        }
        if (fmpz_is_zero(e) || fmpz_cmp_ui(e, max_element_power) > 0)
            fail(n, "an element power z^n needs 1 <= n <= " + std::to_string(max_element_power) + ", got " +
                        n.value.str().substr(0, 30));
        const auto& z = std::get<Element<S>>(v);
        Element<S> result = z;
        for (unsigned long i = 1; i < fmpz_get_ui(e); ++i) result = multiply(result, z, n);
        return result;
    }

    Value sum_over_k(const SyntaxNode& n) const {
        // sum(...) claims to cover every non-zero frequency; a self-conjugate one (k = -k, even
        // order) has no pair and would be skipped silently, so refuse instead (pairsum skips them by
        // definition, realsum sums over exactly them).
        if (n.name == "sum")
            for (std::size_t f = 1; f < group_.order(); ++f)
                if (group_.neg(f) == f)
                    fail(n, "sum(...) needs a group without self-conjugate frequencies (odd order); " + group_.name() +
                                " has k = " + std::to_string(f) +
                                " = -k: write pairsum(...) + realsum(...), or place blocks with '@k'");
        std::vector<std::size_t> frequencies = n.name == "realsum" ? real_frequencies(group_) : pair_representatives(group_);
        if (!fmpz_is_zero(n.value.get())) {
            const bool in_group = fmpz_cmp_ui(n.value.get(), group_.order()) < 0;
            const std::size_t x = in_group ? fmpz_get_ui(n.value.get()) : 0;
            if (!in_group || group_.is_self_conjugate(x))
                fail(n, "'except " + n.value.str().substr(0, 30) + "' is not a frequency of " + group_.name() +
                            " with k != -k");
            const std::size_t rep = std::min(x, group_.neg(x));
            frequencies.erase(std::remove(frequencies.begin(), frequencies.end(), rep), frequencies.end());
        }
        // over no frequency (Z_3 except 1, realsum on odd order): the empty sum, the element 0 without nodes
        std::vector<Element<S>> terms;
        ElementCost total;
        for (std::size_t f : frequencies) {
            terms.push_back(element(eval(*n.children[0], f), n, "sum(...)"));
            total = add(total, cost_of(terms.back()));
            require_within(total, limits_, "sum(...) at " + where(n));
        }
        return sum_of(group_, terms);
    }

    Element<S> atom(const SyntaxNode& n, std::optional<std::size_t> k) const {
        if (!k) fail(n, "'" + n.name + "' needs a frequency: write (...)@k or sum(...)");
        // at most 3 nodes of 2 entries per row, in the field of the atom's fixed values (zeta_3 of z_syn and
        // z_syn_ab, i of z_nu_i and z_xi) and of its turns
        std::uint64_t field_order = 1;
        if (n.name == "syn" || n.name == "synab" || n.name == "syndc") field_order = 3;
        if (n.name == "nui" || n.name == "xi") field_order = 4;
        for (const Turn& t : n.turns) field_order = saturating_lcm(field_order, t.den);
        require_within(make_cost(3, 18, field_order), limits_, "'" + n.name + "' at " + where(n));
        auto turn = [&](std::size_t i) {
            if (!n.turn_symbols[i].empty()) return symbol_value<S>(n.turn_symbols[i], SymbolKind::unit_modulus);
            return turn_value<S>(n.turns[i]);
        };
        if (n.name == "one") return identity_block<S>(group_, *k);
        if (n.name == "syn") return z_syn<S>(group_, *k);
        if (n.name == "nui") return z_nu_i<S>(group_, *k);
        if (n.name == "nu") return z_nu<S>(group_, *k, turn(0));
        if (n.name == "synab") return z_syn_ab<S>(group_, *k, turn(0), turn(1));
        if (n.name == "u") return single_node<S>(group_, *k, turn(0), turn(1), turn(2));
        if (n.name == "real1" || n.name == "real2") {
            if (!group_.is_self_conjugate(*k))
                fail(n, "'" + n.name + "' needs a real frequency k = -k (2k = 0), got k = " + std::to_string(*k) +
                            " of " + group_.name());
            const S r = n.magnitude_symbol.empty() ? to_scalar(n.magnitude)
                                                   : symbol_value<S>(n.magnitude_symbol, SymbolKind::real);
            return n.name == "real1" ? least_biased_real_node<S>(group_, *k, r, n.sign) : real_pair_block<S>(group_, *k, r);
        }
        if (n.name == "zn" || n.name == "syndc") {
            const S r = n.magnitude_symbol.empty() ? to_scalar(n.magnitude)
                                                   : symbol_value<S>(n.magnitude_symbol, SymbolKind::real);
            if (n.name == "syndc") {
                if (group_.mul(3, *k) != 0)
                    fail(n, "'syndc' needs a frequency k with 3k = 0 (k of order 3), got k = " + std::to_string(*k) +
                                " of " + group_.name());
                return syn_dc_block<S>(group_, *k, r);
            }
            return z_n<S>(group_, *k, n.turns.empty() ? r : S(r * turn(0)));
        }
        return z_xi<S>(group_, *k, turn(0), n.sign);
    }

    const AbelianGroup& group_;
    const std::string& text_;
    const ResourceLimits& limits_;
    mutable std::uint64_t products_spent_ = 0;  ///< build terms of every product so far (multiply)
    const SymbolMap& symbols_;
};

template <ExactScalar S>
Element<S> evaluate(const AbelianGroup& group, const std::string& text, const SymbolMap& symbols,
                    const ResourceLimits& limits) {
    const SyntaxNodePtr ast = Parser(text, symbols).parse();
    const Evaluator<S> evaluator(group, text, limits, symbols);
    return evaluator.element(evaluator.eval(*ast, std::nullopt), *ast, "the expression");
}

}  // namespace

Element<Cyclotomic> evaluate_expression(const AbelianGroup& group, const std::string& text, const ResourceLimits& limits) {
    static const SymbolMap none;
    return evaluate<Cyclotomic>(group, text, none, limits);
}

void validate_expression_symbols(const ExpressionSymbols& symbols) { (void)symbol_map(symbols); }

Element<Symbolic> evaluate_symbolic_expression(const AbelianGroup& group, const std::string& text,
                                               const ExpressionSymbols& symbols, const ResourceLimits& limits) {
    const SymbolMap map = symbol_map(symbols);
    return evaluate<Symbolic>(group, text, map, limits);
}

}  // namespace cogo
