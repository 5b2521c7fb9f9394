#pragma once
/// \file pickle.hpp
/// A restricted Python pickle reader: a small stack machine for the binary opcodes of protocols 2-5 that
/// builds inert values only. It never imports or calls anything: every GLOBAL, REDUCE, NEWOBJ, BUILD and
/// persistent id is handed to the caller's hooks, which return a value or refuse (throw). Text-protocol
/// opcodes (0/1 INST, OBJ, PUT, GET, ...) and extension-registry opcodes are refused. Bounded: input
/// size (every opcode consumes input), stack and memo sizes, elements built (see PickleLimits); values may
/// share or even contain themselves, so callers walking them bound their depth. Malformed input throws
/// cogo::InvalidInput naming `what` and the opcode offset; a refused name throws InvalidInput from the hook.
#include <cstddef>
#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <utility>
#include <vector>

namespace cogo::pickle {

/// One unpickled value. Containers are shared (the memo may reference them, as Python's does).
struct Value {
    enum class Kind { none, boolean, integer, real, text, bytes, list, tuple, dict, global, object };
    Kind kind = Kind::none;
    bool boolean = false;
    std::int64_t integer = 0;
    double real = 0;
    std::string text;  ///< text, bytes; "module.name" of a global; the type tag of an object
    std::shared_ptr<std::vector<Value>> items;                     ///< list, tuple, object fields
    std::shared_ptr<std::vector<std::pair<Value, Value>>> entries;  ///< dict (insertion order)

    Value() = default;
    Value(const Value&) = default;
    Value(Value&&) noexcept = default;
    Value& operator=(const Value&) = default;
    Value& operator=(Value&&) noexcept = default;
    /// Iterative: a pickle can nest containers a million deep, which recursive destruction would overflow.
    ~Value();

    [[nodiscard]] static Value make_none() { return {}; }
    [[nodiscard]] static Value make_bool(bool b);
    [[nodiscard]] static Value make_int(std::int64_t i);
    [[nodiscard]] static Value make_real(double x);
    [[nodiscard]] static Value make_text(std::string s);
    [[nodiscard]] static Value make_bytes(std::string s);
    [[nodiscard]] static Value make_list(std::vector<Value> v = {});
    [[nodiscard]] static Value make_tuple(std::vector<Value> v = {});
    [[nodiscard]] static Value make_dict();
    [[nodiscard]] static Value make_global(std::string dotted_name);
    /// An inert object built by a hook: a type tag and its fields.
    [[nodiscard]] static Value make_object(std::string tag, std::vector<Value> fields);

    [[nodiscard]] bool is(Kind k) const { return kind == k; }
    /// Python-style type name for messages ("dict", "tuple", "global os.system", ...).
    [[nodiscard]] std::string describe() const;
};

/// What the caller decides. A hook that refuses throws cogo::InvalidInput with the reason.
struct PickleHooks {
    /// GLOBAL / STACK_GLOBAL module, name -> the value pushed (usually make_global, or refuse).
    std::function<Value(const std::string& module, const std::string& name)> global;
    /// REDUCE callable(args) (newobj false) and NEWOBJ cls.__new__(cls, *args) (newobj true); args is a tuple.
    std::function<Value(const Value& callable, const Value& args, bool newobj)> reduce;
    /// BUILD obj with state: may modify obj in place (it is shared) or refuse.
    std::function<void(Value& obj, const Value& state)> build;
    /// BINPERSID pid -> the value.
    std::function<Value(const Value& pid)> persistent_load;
};

/// Resource bounds of one unpickling (exceeding one throws cogo::ResourceLimit).
struct PickleLimits {
    std::size_t max_bytes = std::size_t{64} << 20;  ///< input size
    std::size_t max_stack = 1'000'000;              ///< stack entries (marks included)
    std::size_t max_memo = 1'000'000;               ///< memo entries (and the largest memo index)
    std::size_t max_items = 10'000'000;             ///< list/tuple/dict elements built in total
};

/// Runs the pickle in `bytes` to its STOP and returns the result. `what` names the source in messages.
[[nodiscard]] Value unpickle(const std::string& bytes, const PickleHooks& hooks, const std::string& what,
                             const PickleLimits& limits = {});

}  // namespace cogo::pickle
