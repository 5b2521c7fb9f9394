#include "io/pickle.hpp"

#include <bit>
#include <cstring>
#include <map>
#include <sstream>

#include "support/error.hpp"

namespace cogo::pickle {

Value::~Value() {
    if (!items && !entries) return;
    std::vector<Value> pending;
    // moves out the children of containers this value is the last owner of; the emptied shells die flat
    const auto detach = [&pending](Value& v) {
        if (v.items && v.items.use_count() == 1) {
            for (Value& c : *v.items) pending.push_back(std::move(c));
            v.items.reset();
        }
        if (v.entries && v.entries.use_count() == 1) {
            for (auto& [k, x] : *v.entries) {
                pending.push_back(std::move(k));
                pending.push_back(std::move(x));
            }
            v.entries.reset();
        }
    };
    detach(*this);
    while (!pending.empty()) {
        Value v = std::move(pending.back());
        pending.pop_back();
        detach(v);
    }  // v's destructor sees no containers it owns alone: no recursion
}

Value Value::make_bool(bool b) {
    Value v;
    v.kind = Kind::boolean;
    v.boolean = b;
    return v;
}
Value Value::make_int(std::int64_t i) {
    Value v;
    v.kind = Kind::integer;
    v.integer = i;
    return v;
}
Value Value::make_real(double x) {
    Value v;
    v.kind = Kind::real;
    v.real = x;
    return v;
}
Value Value::make_text(std::string s) {
    Value v;
    v.kind = Kind::text;
    v.text = std::move(s);
    return v;
}
Value Value::make_bytes(std::string s) {
    Value v;
    v.kind = Kind::bytes;
    v.text = std::move(s);
    return v;
}
Value Value::make_list(std::vector<Value> items) {
    Value v;
    v.kind = Kind::list;
    v.items = std::make_shared<std::vector<Value>>(std::move(items));
    return v;
}
Value Value::make_tuple(std::vector<Value> items) {
    Value v = make_list(std::move(items));
    v.kind = Kind::tuple;
    return v;
}
Value Value::make_dict() {
    Value v;
    v.kind = Kind::dict;
    v.entries = std::make_shared<std::vector<std::pair<Value, Value>>>();
    return v;
}
Value Value::make_global(std::string dotted_name) {
    Value v;
    v.kind = Kind::global;
    v.text = std::move(dotted_name);
    return v;
}
Value Value::make_object(std::string tag, std::vector<Value> fields) {
    Value v = make_list(std::move(fields));
    v.kind = Kind::object;
    v.text = std::move(tag);
    return v;
}

std::string Value::describe() const {
    switch (kind) {
        case Kind::none: return "None";
        case Kind::boolean: return "bool";
        case Kind::integer: return "int";
        case Kind::real: return "float";
        case Kind::text: return "str";
        case Kind::bytes: return "bytes";
        case Kind::list: return "list";
        case Kind::tuple: return "tuple";
        case Kind::dict: return "dict";
        case Kind::global: return "global " + text;
        case Kind::object: return text;
    }
    return "?";
}

namespace {

class Machine {
public:
    Machine(const std::string& bytes, const PickleHooks& hooks, const std::string& what, const PickleLimits& limits)
        : in_(bytes), hooks_(hooks), what_(what), limits_(limits) {}

    Value run() {
        if (in_.size() > limits_.max_bytes)
            throw ResourceLimit(what_ + ": pickle of " + std::to_string(in_.size()) + " bytes exceeds the limit of " +
                                std::to_string(limits_.max_bytes));
        while (true) {
            if (at_ >= in_.size()) fail("ends without a STOP opcode (truncated)");
            op_at_ = at_;
            const auto op = static_cast<unsigned char>(in_[at_++]);
            if (step(op)) break;
        }
        if (stack_.size() != 1 || is_mark(stack_.back())) fail("STOP with " + std::to_string(stack_.size()) + " stack entries");
        return stack_.back().value;
    }

private:
    struct Entry {
        bool mark = false;
        Value value;
    };
    static bool is_mark(const Entry& e) { return e.mark; }

    [[noreturn]] void fail(const std::string& why) const {
        throw InvalidInput(what_ + ": malformed pickle at byte " + std::to_string(op_at_) + ": " + why);
    }

    std::uint64_t le(int width) {
        need(static_cast<std::size_t>(width));
        std::uint64_t v = 0;
        for (int i = width - 1; i >= 0; --i) v = (v << 8) | static_cast<unsigned char>(in_[at_ + static_cast<std::size_t>(i)]);
        at_ += static_cast<std::size_t>(width);
        return v;
    }
    void need(std::size_t n) const {
        if (at_ > in_.size() || n > in_.size() - at_) fail("truncated");
    }
    std::string take(std::uint64_t n) {
        if (n > in_.size()) fail("length " + std::to_string(n) + " beyond the end");
        need(static_cast<std::size_t>(n));
        std::string s = in_.substr(at_, static_cast<std::size_t>(n));
        at_ += static_cast<std::size_t>(n);
        return s;
    }
    std::string line() {
        const std::size_t end = in_.find('\n', at_);
        if (end == std::string::npos || end - at_ > 1000) fail("unterminated name line");
        std::string s = in_.substr(at_, end - at_);
        at_ = end + 1;
        return s;
    }

    void push(Value v) {
        if (stack_.size() >= limits_.max_stack) throw ResourceLimit(what_ + ": pickle stack exceeds " + std::to_string(limits_.max_stack));
        stack_.push_back({false, std::move(v)});
    }
    Value pop() {
        if (stack_.empty()) fail("stack underflow");
        if (stack_.back().mark) fail("unexpected MARK on the stack");
        Value v = std::move(stack_.back().value);
        stack_.pop_back();
        return v;
    }
    Value& top() {
        if (stack_.empty() || stack_.back().mark) fail("stack underflow");
        return stack_.back().value;
    }
    /// Pops everything above the topmost mark, and the mark.
    std::vector<Value> pop_mark() {
        std::size_t m = stack_.size();
        while (m > 0 && !stack_[m - 1].mark) --m;
        if (m == 0) fail("no MARK on the stack");
        std::vector<Value> out;
        out.reserve(stack_.size() - m);
        for (std::size_t i = m; i < stack_.size(); ++i) out.push_back(std::move(stack_[i].value));
        stack_.resize(m - 1);
        count(out.size());
        return out;
    }
    void count(std::size_t n) {
        items_ += n;
        if (items_ > limits_.max_items)
            throw ResourceLimit(what_ + ": pickle builds more than " + std::to_string(limits_.max_items) + " container elements");
    }

    void memo_put(std::uint64_t index) {
        Value v = top();
        if (memo_.size() >= limits_.max_memo && memo_.find(index) == memo_.end())
            throw ResourceLimit(what_ + ": pickle memo exceeds " + std::to_string(limits_.max_memo) + " entries");
        memo_[index] = std::move(v);
    }
    void memo_get(std::uint64_t index) {
        const auto it = memo_.find(index);
        if (it == memo_.end()) fail("memo entry " + std::to_string(index) + " was never stored");
        push(it->second);
    }

    void append_to(Value& list, std::vector<Value> items) const {
        if (!list.is(Value::Kind::list)) fail("APPEND to a " + list.describe() + " (only lists)");
        for (auto& v : items) list.items->push_back(std::move(v));
    }
    void set_items(Value& dict, std::vector<Value> kv) {
        if (!dict.is(Value::Kind::dict)) fail("SETITEM on a " + dict.describe() + " (only dicts)");
        if (kv.size() % 2 != 0) fail("SETITEMS with an odd number of entries");
        // a repeated key is appended; lookups take the last entry, as Python's dict keeps the last value
        for (std::size_t i = 0; i < kv.size(); i += 2) dict.entries->emplace_back(std::move(kv[i]), std::move(kv[i + 1]));
    }

    Value global(const std::string& module, const std::string& name) {
        if (!hooks_.global) throw InvalidInput(what_ + ": pickle refers to " + module + "." + name + ", which is not allowed");
        return hooks_.global(module, name);
    }

    /// Executes one opcode; true at STOP.
    bool step(unsigned char op) {
        using K = Value::Kind;
        switch (op) {
            case 0x80: {  // PROTO
                const auto p = le(1);
                if (p < 2 || p > 5) fail("pickle protocol " + std::to_string(p) + " (only 2-5)");
                return false;
            }
            case 0x95: (void)le(8); return false;  // FRAME: the framing is only a read-ahead hint
            case '.': return true;                 // STOP
            case '(': stack_.push_back({true, {}}); return false;
            case '0': (void)pop(); return false;   // POP
            case '1': (void)pop_mark(); return false;  // POP_MARK
            case '2': push(top()); return false;        // DUP
            case 'N': push(Value::make_none()); return false;
            case 0x88: push(Value::make_bool(true)); return false;
            case 0x89: push(Value::make_bool(false)); return false;
            case 'J': push(Value::make_int(static_cast<std::int32_t>(le(4)))); return false;
            case 'K': push(Value::make_int(static_cast<std::int64_t>(le(1)))); return false;
            case 'M': push(Value::make_int(static_cast<std::int64_t>(le(2)))); return false;
            case 0x8a: {  // LONG1: little-endian two's complement
                const auto n = le(1);
                if (n > 8) fail("integer of " + std::to_string(n) + " bytes (at most 64-bit integers are read)");
                if (n == 0) {
                    push(Value::make_int(0));
                    return false;
                }
                std::uint64_t v = le(static_cast<int>(n));
                if (n < 8 && (v >> (8 * n - 1)) & 1U) v |= ~std::uint64_t{0} << (8 * n);
                push(Value::make_int(static_cast<std::int64_t>(v)));
                return false;
            }
            case 'G': {  // BINFLOAT, big-endian IEEE double
                need(8);
                std::uint64_t bits = 0;
                for (int i = 0; i < 8; ++i) bits = (bits << 8) | static_cast<unsigned char>(in_[at_ + static_cast<std::size_t>(i)]);
                at_ += 8;
                push(Value::make_real(std::bit_cast<double>(bits)));
                return false;
            }
            case 'X': push(Value::make_text(take(le(4)))); return false;     // BINUNICODE
            case 0x8c: push(Value::make_text(take(le(1)))); return false;    // SHORT_BINUNICODE
            case 0x8d: push(Value::make_text(take(le(8)))); return false;    // BINUNICODE8
            case 'U': push(Value::make_text(take(le(1)))); return false;     // SHORT_BINSTRING
            case 'T': push(Value::make_text(take(le(4)))); return false;     // BINSTRING
            case 'C': push(Value::make_bytes(take(le(1)))); return false;    // SHORT_BINBYTES
            case 'B': push(Value::make_bytes(take(le(4)))); return false;    // BINBYTES
            case 0x8e: push(Value::make_bytes(take(le(8)))); return false;   // BINBYTES8
            case ')': push(Value::make_tuple()); return false;
            case 't': push(Value::make_tuple(pop_mark())); return false;
            case 0x85:
            case 0x86:
            case 0x87: {  // TUPLE1..3
                const std::size_t n = op - 0x84U;
                std::vector<Value> v(n);
                for (std::size_t i = n; i-- > 0;) v[i] = pop();
                count(n);
                push(Value::make_tuple(std::move(v)));
                return false;
            }
            case ']': push(Value::make_list()); return false;
            case 'l': push(Value::make_list(pop_mark())); return false;
            case 'a': {
                Value v = pop();
                count(1);
                append_to(top(), {std::move(v)});
                return false;
            }
            case 'e': {
                std::vector<Value> v = pop_mark();
                append_to(top(), std::move(v));
                return false;
            }
            case '}': push(Value::make_dict()); return false;
            case 'd': {
                std::vector<Value> kv = pop_mark();
                Value d = Value::make_dict();
                set_items(d, std::move(kv));
                push(std::move(d));
                return false;
            }
            case 's': {
                Value v = pop(), k = pop();
                count(1);
                set_items(top(), {std::move(k), std::move(v)});
                return false;
            }
            case 'u': {
                std::vector<Value> kv = pop_mark();
                set_items(top(), std::move(kv));
                return false;
            }
            case 'q': memo_put(le(1)); return false;     // BINPUT
            case 'r': memo_put(le(4)); return false;     // LONG_BINPUT
            case 0x94: memo_put(memo_.size()); return false;  // MEMOIZE
            case 'h': memo_get(le(1)); return false;     // BINGET
            case 'j': memo_get(le(4)); return false;     // LONG_BINGET
            case 'c': {                                  // GLOBAL module\nname\n
                const std::string module = line();
                const std::string name = line();
                push(global(module, name));
                return false;
            }
            case 0x93: {  // STACK_GLOBAL
                Value name = pop(), module = pop();
                if (!module.is(K::text) || !name.is(K::text)) fail("STACK_GLOBAL of non-strings");
                push(global(module.text, name.text));
                return false;
            }
            case 'R':      // REDUCE
            case 0x81: {   // NEWOBJ
                Value args = pop(), callable = pop();
                if (!args.is(K::tuple)) fail(std::string(op == 'R' ? "REDUCE" : "NEWOBJ") + " with non-tuple arguments");
                if (!hooks_.reduce) throw InvalidInput(what_ + ": pickle calls " + callable.describe() + ", which is not allowed");
                push(hooks_.reduce(callable, args, op == 0x81));
                return false;
            }
            case 'b': {  // BUILD
                Value state = pop();
                if (!hooks_.build) throw InvalidInput(what_ + ": pickle sets the state of a " + top().describe() + ", which is not allowed");
                hooks_.build(top(), state);
                return false;
            }
            case 'Q': {  // BINPERSID
                Value pid = pop();
                if (!hooks_.persistent_load) throw InvalidInput(what_ + ": pickle has a persistent id, which is not allowed here");
                push(hooks_.persistent_load(pid));
                return false;
            }
            case 0x92: fail("NEWOBJ_EX (keyword-argument object construction) is not allowed");
            case 'i': fail("INST (text-protocol object construction) is not allowed");
            case 'o': fail("OBJ (object construction) is not allowed");
            case 0x82:
            case 0x83:
            case 0x84: fail("EXT opcodes (the copyreg extension registry) are not allowed");
            default: {
                std::ostringstream hex;
                hex << "0x" << std::hex << static_cast<int>(op);
                fail("unsupported opcode " + hex.str() + " (only the binary opcodes of protocols 2-5 are read)");
            }
        }
    }

    const std::string& in_;
    const PickleHooks& hooks_;
    const std::string& what_;
    const PickleLimits& limits_;
    std::size_t at_ = 0, op_at_ = 0, items_ = 0;
    std::vector<Entry> stack_;
    std::map<std::uint64_t, Value> memo_;
};

}  // namespace

Value unpickle(const std::string& bytes, const PickleHooks& hooks, const std::string& what, const PickleLimits& limits) {
    return Machine(bytes, hooks, what, limits).run();
}

}  // namespace cogo::pickle
