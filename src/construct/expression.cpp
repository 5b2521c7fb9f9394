#include "construct/expression.hpp"

#include <cctype>
#include <memory>
#include <optional>
#include <variant>
#include <vector>

#include "algebra/transforms.hpp"
#include "construct/families.hpp"
#include "construct/global_solutions.hpp"
#include "construct/turn.hpp"
#include "support/error.hpp"

namespace cogo {

namespace {

/// Abstract syntax tree.
struct Node {
    enum class Kind { integer, sum, product, divide, at, sum_over_k, conj, atom } kind;
    long value = 0;                         // integer literal, divisor, or frequency
    std::string name;                       // atom name
    std::vector<std::string> args;          // atom arguments (turns, signs)
    std::vector<std::unique_ptr<Node>> children;
};
using NodePtr = std::unique_ptr<Node>;

class Parser {
public:
    explicit Parser(const std::string& text) : text_(text) {}

    NodePtr parse() {
        NodePtr e = expr();
        skip();
        if (pos_ != text_.size()) fail("unexpected '" + std::string(1, text_[pos_]) + "'");
        return e;
    }

private:
    [[noreturn]] void fail(const std::string& what) const {
        throw InvalidInput("expression: " + what + " at position " + std::to_string(pos_ + 1) + " of '" + text_ + "'");
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
    long integer() {
        skip();
        const std::size_t start = pos_;
        while (pos_ < text_.size() && std::isdigit(static_cast<unsigned char>(text_[pos_]))) ++pos_;
        if (start == pos_) fail("expected an integer");
        if (pos_ - start > 9) fail("integer too large");
        return std::stol(text_.substr(start, pos_ - start));
    }
    std::string word() {
        skip();
        const std::size_t start = pos_;
        while (pos_ < text_.size() && std::isalpha(static_cast<unsigned char>(text_[pos_]))) ++pos_;
        return text_.substr(start, pos_ - start);
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
    static NodePtr make(Node::Kind kind, long value = 0) {
        auto n = std::make_unique<Node>();
        n->kind = kind;
        n->value = value;
        return n;
    }
    NodePtr binary(Node::Kind kind, NodePtr lhs, NodePtr rhs) {
        NodePtr n = make(kind);
        n->children.push_back(std::move(lhs));
        n->children.push_back(std::move(rhs));
        return n;
    }
    NodePtr expr() {
        NodePtr lhs = term();
        while (accept('+')) lhs = binary(Node::Kind::sum, std::move(lhs), term());
        return lhs;
    }
    NodePtr term() {
        NodePtr lhs = factor();
        while (accept('*')) lhs = binary(Node::Kind::product, std::move(lhs), factor());
        return lhs;
    }
    NodePtr factor() {
        NodePtr e = primary();
        for (;;) {
            if (accept('/')) {
                const long n = integer();
                if (n == 0) fail("division by zero");
                NodePtr d = make(Node::Kind::divide, n);
                d->children.push_back(std::move(e));
                e = std::move(d);
            } else if (accept('@')) {
                NodePtr a = make(Node::Kind::at, integer());
                a->children.push_back(std::move(e));
                e = std::move(a);
            } else {
                return e;
            }
        }
    }
    NodePtr primary() {
        skip();
        if (pos_ >= text_.size()) fail("unexpected end");
        if (std::isdigit(static_cast<unsigned char>(text_[pos_]))) return make(Node::Kind::integer, integer());
        if (accept('(')) {
            NodePtr e = expr();
            expect(')');
            return e;
        }
        const std::string name = word();
        if (name.empty()) fail("expected a number, '(' or a name");
        if (name == "sum" || name == "conj") {
            NodePtr n = make(name == "sum" ? Node::Kind::sum_over_k : Node::Kind::conj);
            expect('(');
            n->children.push_back(expr());
            expect(')');
            return n;
        }
        static const std::vector<std::pair<std::string, std::pair<int, int>>> atoms = {
            {"one", {0, 0}}, {"syn", {0, 0}}, {"nui", {0, 0}}, {"nu", {1, 1}},
            {"xi", {1, 2}},  {"synab", {2, 2}}, {"u", {3, 3}}};
        for (const auto& [atom, arity] : atoms) {
            if (atom != name) continue;
            NodePtr n = make(Node::Kind::atom);
            n->name = name;
            if (accept('(')) {
                do n->args.push_back(argument());
                while (accept(','));
                expect(')');
            }
            const int count = static_cast<int>(n->args.size());
            if (count < arity.first || count > arity.second)
                fail("'" + name + "' takes " + std::to_string(arity.first) +
                     (arity.second != arity.first ? "-" + std::to_string(arity.second) : "") + " arguments");
            return n;
        }
        fail("unknown name '" + name + "' (atoms: one, syn, nui, nu(T), xi(T[,s]), synab(T,T), u(T,T,T); sum(...), conj(...))");
    }

    const std::string& text_;
    std::size_t pos_ = 0;
};

/// A value during evaluation: an integer scalar or an element.
using Value = std::variant<long, Element<Cyclotomic>>;

class Evaluator {
public:
    explicit Evaluator(const AbelianGroup& group) : group_(group) {}

    Value eval(const Node& n, std::optional<std::size_t> k) const {
        switch (n.kind) {
            case Node::Kind::integer: return n.value;
            case Node::Kind::sum: {
                Value l = eval(*n.children[0], k), r = eval(*n.children[1], k);
                if (!std::holds_alternative<Element<Cyclotomic>>(l) || !std::holds_alternative<Element<Cyclotomic>>(r))
                    throw InvalidInput("expression: '+' adds elements, not numbers (write the element, then '/n' or 'n *')");
                return std::get<Element<Cyclotomic>>(l) + std::get<Element<Cyclotomic>>(r);
            }
            case Node::Kind::product: {
                Value l = eval(*n.children[0], k), r = eval(*n.children[1], k);
                if (std::holds_alternative<long>(l) && std::holds_alternative<long>(r))
                    return std::get<long>(l) * std::get<long>(r);
                if (std::holds_alternative<long>(l))
                    return scale_output(std::get<Element<Cyclotomic>>(r), Cyclotomic(std::get<long>(l)));
                if (std::holds_alternative<long>(r))
                    return scale_output(std::get<Element<Cyclotomic>>(l), Cyclotomic(std::get<long>(r)));
                return std::get<Element<Cyclotomic>>(l) * std::get<Element<Cyclotomic>>(r);
            }
            case Node::Kind::divide: {
                const Element<Cyclotomic> e = element(eval(*n.children[0], k), "'/n'");
                return scale_output(e, Cyclotomic::rational(1, n.value));
            }
            case Node::Kind::at: {
                const std::size_t f = static_cast<std::size_t>(n.value);
                if (f == 0 || f >= group_.order())
                    throw InvalidInput("expression: '@" + std::to_string(f) + "' is not a non-zero frequency of " + group_.name());
                return eval(*n.children[0], f);
            }
            case Node::Kind::sum_over_k: {
                // sum(...) claims to cover every non-zero frequency; a self-conjugate one (k = -k, even
                // order) has no pair and would be skipped silently, so refuse instead.
                for (std::size_t f = 1; f < group_.order(); ++f)
                    if (group_.neg(f) == f)
                        throw InvalidInput("expression: sum(...) needs a group without self-conjugate frequencies (odd order); " +
                                           group_.name() + " has k = " + std::to_string(f) + " = -k: place blocks with '@k' instead");
                std::vector<Element<Cyclotomic>> terms;
                for (std::size_t f : pair_representatives(group_)) terms.push_back(element(eval(*n.children[0], f), "sum(...)"));
                return sum_of(group_, terms);
            }
            case Node::Kind::conj: return conjugate(element(eval(*n.children[0], k), "conj(...)"));
            case Node::Kind::atom: return atom(n, k);
        }
        throw Error("expression: unknown node");
    }

    static Element<Cyclotomic> element(Value v, const char* where) {
        if (!std::holds_alternative<Element<Cyclotomic>>(v))
            throw InvalidInput(std::string("expression: ") + where + " needs an element, not a number");
        return std::get<Element<Cyclotomic>>(std::move(v));
    }

private:
    Element<Cyclotomic> atom(const Node& n, std::optional<std::size_t> k) const {
        if (!k) throw InvalidInput("expression: '" + n.name + "' needs a frequency: write (...)@k or sum(...)");
        auto turn = [&](std::size_t i) { return turn_value<Cyclotomic>(parse_turn(n.args[i])); };
        if (n.name == "one") return unit_block<Cyclotomic>(group_, *k);
        if (n.name == "syn") return z_syn<Cyclotomic>(group_, *k);
        if (n.name == "nui") return z_nu_i<Cyclotomic>(group_, *k);
        if (n.name == "nu") return z_nu<Cyclotomic>(group_, *k, turn(0));
        if (n.name == "synab") return z_syn_ab<Cyclotomic>(group_, *k, turn(0), turn(1));
        if (n.name == "u") return single_node<Cyclotomic>(group_, *k, turn(0), turn(1), turn(2));
        // xi(T[, s])
        int s = 1;
        if (n.args.size() == 2) {
            if (n.args[1] == "1" || n.args[1] == "+1") s = 1;
            else if (n.args[1] == "-1") s = -1;
            else throw InvalidInput("expression: the sign of xi must be 1 or -1, got '" + n.args[1] + "'");
        }
        return z_xi<Cyclotomic>(group_, *k, turn(0), s);
    }

    const AbelianGroup& group_;
};

}  // namespace

Element<Cyclotomic> evaluate_expression(const AbelianGroup& group, const std::string& text) {
    const NodePtr ast = Parser(text).parse();
    return Evaluator::element(Evaluator(group).eval(*ast, std::nullopt), "the expression");
}

}  // namespace cogo
