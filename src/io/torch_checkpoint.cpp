#include "io/bounded_read.hpp"
#include "io/torch_checkpoint.hpp"

#include <bit>
#include <cmath>
#include <cstdint>
#include <cstring>
#include <filesystem>
#include <map>
#include <sstream>

#include "io/atomic_file.hpp"
#include "io/npz.hpp"
#include "io/pickle.hpp"
#include "support/error.hpp"

namespace cogo {

namespace {

using pickle::Value;
using Kind = pickle::Value::Kind;

constexpr std::uintmax_t kMaxFileBytes = std::uintmax_t{4} << 30;
constexpr std::size_t kMaxElements = std::size_t{1} << 28;  // all tensors together, after conversion
constexpr int kMaxDepth = 32;                                // container nesting walked
constexpr const char* kTensorTag = "torch.Tensor";
constexpr const char* kStorageTag = "torch.Storage";
constexpr const char* kInstanceTag = "instance";  // fields: class name, state (the __dict__ set by BUILD)

struct StorageType {
    const char* cls;
    const char* dtype;
    std::size_t size;
};
constexpr StorageType kStorageTypes[] = {
    {"FloatStorage", "float32", 4}, {"DoubleStorage", "float64", 8}, {"HalfStorage", "float16", 2},
    {"BFloat16Storage", "bfloat16", 2}, {"LongStorage", "int64", 8},  {"IntStorage", "int32", 4},
    {"ShortStorage", "int16", 2},   {"CharStorage", "int8", 1},      {"ByteStorage", "uint8", 1},
    {"BoolStorage", "bool", 1},
};

const StorageType* storage_type(const std::string& dotted) {
    for (const auto& t : kStorageTypes)
        if (dotted == std::string("torch.") + t.cls) return &t;
    return nullptr;
}

std::string shape_text(const std::vector<std::size_t>& shape) {
    std::string s = "(";
    for (std::size_t i = 0; i < shape.size(); ++i) s += (i ? ", " : "") + std::to_string(shape[i]);
    return s + (shape.size() == 1 ? ",)" : ")");
}

double half_to_double(std::uint16_t h) {
    const int sign = h >> 15, exponent = (h >> 10) & 0x1F, mantissa = h & 0x3FF;
    double v;
    if (exponent == 0) v = std::ldexp(mantissa, -24);
    else if (exponent == 31) v = mantissa ? NAN : INFINITY;
    else v = std::ldexp(mantissa + 1024, exponent - 25);
    return sign ? -v : v;
}

std::uint64_t load_le(const char* p, std::size_t width) {
    std::uint64_t v = 0;
    for (std::size_t i = width; i-- > 0;) v = (v << 8) | static_cast<unsigned char>(p[i]);
    return v;
}

double element(const char* p, const std::string& dtype) {
    if (dtype == "float32") return std::bit_cast<float>(static_cast<std::uint32_t>(load_le(p, 4)));
    if (dtype == "float64") return std::bit_cast<double>(load_le(p, 8));
    if (dtype == "float16") return half_to_double(static_cast<std::uint16_t>(load_le(p, 2)));
    if (dtype == "bfloat16") return std::bit_cast<float>(static_cast<std::uint32_t>(load_le(p, 2) << 16));
    if (dtype == "int64") return static_cast<double>(static_cast<std::int64_t>(load_le(p, 8)));
    if (dtype == "int32") return static_cast<std::int32_t>(load_le(p, 4));
    if (dtype == "int16") return static_cast<std::int16_t>(load_le(p, 2));
    if (dtype == "int8") return static_cast<std::int8_t>(load_le(p, 1));
    return static_cast<double>(load_le(p, 1));  // uint8, bool
}

bool is_float(const std::string& dtype) { return dtype.rfind("float", 0) == 0 || dtype == "bfloat16"; }

/// The hooks of the restricted unpickler: inert tensors and storages, nothing executed.
/// `module_like`: the pickle mentions nn.Module's attributes (_parameters, _modules), so it is most likely a
/// whole model saved with torch.save(model). Then (and only then) any class may be named and instantiated by
/// NEWOBJ as an inert record of its name and the __dict__ that BUILD gives it (nothing of the class runs);
/// calling anything not allowed (REDUCE) is still refused by name. The walk reads the records' _parameters,
/// _buffers and _modules, which gives the state_dict's names.
pickle::PickleHooks torch_hooks(const std::string& what, bool module_like) {
    pickle::PickleHooks h;
    h.global = [what, module_like](const std::string& module, const std::string& name) -> Value {
        const std::string dotted = module + "." + name;
        if (dotted == "torch._utils._rebuild_tensor_v2" || dotted == "torch._utils._rebuild_parameter" ||
            dotted == "collections.OrderedDict" || dotted == "builtins.set" || dotted == "__builtin__.set" ||
            storage_type(dotted) || module_like)
            return Value::make_global(dotted);
        std::string message = what + ": the pickle refers to '" + dotted +
                              "', which is not allowed (only tensors and plain containers are read; nothing is executed)";
        if (module_like || module.rfind("torch.nn", 0) == 0)
            message += "; if this is a whole model saved with torch.save(model), save its weights instead: "
                       "torch.save(model.state_dict(), PATH)";
        throw InvalidInput(message);
    };
    h.reduce = [what, module_like](const Value& callable, const Value& args, bool newobj) -> Value {
        const auto& a = *args.items;
        const std::string name = callable.is(Kind::global) ? callable.text : callable.describe();
        if (name == "collections.OrderedDict") {
            if (!a.empty()) throw InvalidInput(what + ": OrderedDict built from arguments (only the empty form is read)");
            return Value::make_dict();
        }
        if (name == "builtins.set" || name == "__builtin__.set") {
            // set() or set([plain values]) (a module's _non_persistent_buffers_set): kept as a list
            if (a.size() > 1 || (a.size() == 1 && !a[0].is(Kind::list)))
                throw InvalidInput(what + ": set built from something other than a list");
            return a.empty() ? Value::make_list() : a[0];
        }
        if (name == "torch._utils._rebuild_tensor_v2") {
            // (storage, storage_offset, size, stride, requires_grad, backward_hooks[, metadata])
            if (a.size() < 4 || a.size() > 7 || !a[0].is(Kind::object) || a[0].text != kStorageTag ||
                !a[1].is(Kind::integer) || !a[2].is(Kind::tuple) || !a[3].is(Kind::tuple))
                throw InvalidInput(what + ": _rebuild_tensor_v2 with unexpected arguments");
            return Value::make_object(kTensorTag, {a[0], a[1], a[2], a[3]});
        }
        if (name == "torch._utils._rebuild_parameter") {
            if (a.empty() || !a[0].is(Kind::object) || a[0].text != kTensorTag)
                throw InvalidInput(what + ": _rebuild_parameter with unexpected arguments");
            return a[0];
        }
        if (newobj && module_like && callable.is(Kind::global) && a.empty())
            return Value::make_object(kInstanceTag, {Value::make_text(name), Value::make_none()});
        std::string message = what + ": the pickle calls " + name + ", which is not allowed (nothing is executed)";
        if (module_like)
            message += "; if this is a whole model saved with torch.save(model), save its weights instead: "
                       "torch.save(model.state_dict(), PATH)";
        throw InvalidInput(message);
    };
    h.build = [what](Value& obj, const Value& state) {
        // an OrderedDict's __dict__ (a state_dict's _metadata): read, and ignored
        if (obj.is(Kind::dict) && state.is(Kind::dict)) return;
        // a model's module: its __dict__, kept as data
        if (obj.is(Kind::object) && obj.text == kInstanceTag && state.is(Kind::dict)) {
            (*obj.items)[1] = state;
            return;
        }
        throw InvalidInput(what + ": the pickle sets the state of a " + obj.describe() + ", which is not allowed");
    };
    h.persistent_load = [what](const Value& pid) -> Value {
        // ('storage', storage type, key, location, numel)
        const auto bad = [&]() { return InvalidInput(what + ": unexpected persistent id in the pickle (not a torch storage)"); };
        if (!pid.is(Kind::tuple) || pid.items->size() != 5) throw bad();
        const auto& p = *pid.items;
        if (!p[0].is(Kind::text) || p[0].text != "storage" || !p[1].is(Kind::global) || !p[2].is(Kind::text) ||
            !p[4].is(Kind::integer) || p[4].integer < 0)
            throw bad();
        const StorageType* type = storage_type(p[1].text);
        if (!type) throw InvalidInput(what + ": storage of type " + p[1].text + " is not read");
        return Value::make_object(kStorageTag, {Value::make_text(type->dtype), p[2], p[4]});
    };
    return h;
}

class Materializer {
public:
    Materializer(const std::map<std::string, std::string>& members, std::string prefix, const std::string& what)
        : members_(members), prefix_(std::move(prefix)), what_(what) {}

    void walk(const Value& v, const std::string& name, int depth) {
        if (depth > kMaxDepth) throw InvalidInput(what_ + ": containers nested deeper than " + std::to_string(kMaxDepth));
        switch (v.kind) {
            case Kind::dict:
                for (const auto& [k, x] : *v.entries) {
                    std::string key;
                    if (k.is(Kind::text)) key = k.text;
                    else if (k.is(Kind::integer)) key = std::to_string(k.integer);
                    else continue;
                    walk(x, name.empty() ? key : name + "." + key, depth + 1);
                }
                break;
            case Kind::list:
            case Kind::tuple:
                for (std::size_t i = 0; i < v.items->size(); ++i)
                    walk((*v.items)[i], name.empty() ? std::to_string(i) : name + "." + std::to_string(i), depth + 1);
                break;
            case Kind::object:
                if (v.text == kTensorTag) tensors_.push_back(tensor(v, name.empty() ? "(top level)" : name));
                if (v.text == kInstanceTag && (*v.items)[1].is(Kind::dict))
                    for (const auto& [k, x] : *(*v.items)[1].entries)
                        if (k.is(Kind::text) && (k.text == "_parameters" || k.text == "_buffers" || k.text == "_modules"))
                            walk(x, name, depth + 1);  // their keys are the state_dict's names
                break;
            default: break;
        }
    }
    std::vector<CheckpointTensor> take() { return std::move(tensors_); }

private:
    static std::size_t nonneg(const Value& v, const std::string& what) {
        if (!v.is(Kind::integer) || v.integer < 0) throw InvalidInput(what);
        return static_cast<std::size_t>(v.integer);
    }

    CheckpointTensor tensor(const Value& t, const std::string& name) {
        const auto& f = *t.items;
        const auto& storage = *f[0].items;
        const std::string bad = what_ + ": tensor " + name + ": ";
        CheckpointTensor out;
        out.name = name;
        out.dtype = storage[0].text;
        if (!storage[1].is(Kind::text)) throw InvalidInput(bad + "storage key is not a string");
        const std::size_t elsize = [&] {
            for (const auto& s : kStorageTypes)
                if (out.dtype == s.dtype) return s.size;
            return std::size_t{1};
        }();
        const std::size_t numel = nonneg(storage[2], bad + "negative storage size");
        const auto it = members_.find(prefix_ + "data/" + storage[1].text);
        if (it == members_.end()) throw InvalidInput(bad + "its storage data/" + storage[1].text + " is missing from the archive");
        if (numel > it->second.size() / elsize)
            throw InvalidInput(bad + "storage data/" + storage[1].text + " holds " + std::to_string(it->second.size()) +
                               " bytes, fewer than its " + std::to_string(numel) + " elements of " + out.dtype);
        const std::size_t offset = nonneg(f[1], bad + "negative storage offset");
        const auto& size = *f[2].items;
        const auto& stride = *f[3].items;
        if (size.size() != stride.size() || size.size() > 8) throw InvalidInput(bad + "size and stride do not match");
        std::size_t count = 1, last = offset;  // the largest element index reached
        for (std::size_t i = 0; i < size.size(); ++i) {
            const std::size_t n = nonneg(size[i], bad + "negative size"), s = nonneg(stride[i], bad + "negative stride");
            out.shape.push_back(n);
            if (n != 0 && count > kMaxElements / n) throw ResourceLimit(bad + "more than 2^28 elements");
            count *= n;
            if (n > 0 && s > 0 && (n - 1) > (kMaxElements * 16) / s) throw InvalidInput(bad + "stride out of range");
            if (n > 0) last += (n - 1) * s;
        }
        total_ += count;
        if (total_ > kMaxElements) throw ResourceLimit(what_ + ": the tensors hold more than 2^28 elements together");
        if (count > 0 && last >= numel)
            throw InvalidInput(bad + "shape " + shape_text(out.shape) + " with its strides and offset " + std::to_string(offset) +
                               " reaches element " + std::to_string(last) + " of a storage of " + std::to_string(numel));
        out.values.resize(count);
        const char* data = it->second.data();
        std::vector<std::size_t> index(size.size(), 0);
        for (std::size_t e = 0; e < count; ++e) {
            std::size_t at = offset;
            for (std::size_t i = 0; i < index.size(); ++i) at += index[i] * static_cast<std::size_t>(stride[i].integer);
            out.values[e] = element(data + at * elsize, out.dtype);
            for (std::size_t i = index.size(); i-- > 0;) {
                if (++index[i] < out.shape[i]) break;
                index[i] = 0;
            }
        }
        return out;
    }

    const std::map<std::string, std::string>& members_;
    std::string prefix_;
    const std::string& what_;
    std::vector<CheckpointTensor> tensors_;
    std::size_t total_ = 0;
};

const CheckpointTensor* find(const std::vector<CheckpointTensor>& tensors, const std::string& name) {
    const CheckpointTensor* found = nullptr;
    for (const auto& t : tensors)
        if (t.name == name) found = &t;
    return found;
}

bool ends_with_component(const std::string& name, const std::string& suffix) {
    return name == suffix || (name.size() > suffix.size() && name.compare(name.size() - suffix.size(), suffix.size(), suffix) == 0 &&
                              name[name.size() - suffix.size() - 1] == '.');
}

std::string listing(const std::vector<CheckpointTensor>& tensors) {
    std::string s;
    std::size_t shown = 0;
    for (const auto& t : tensors) {
        if (shown++ == 12) return s + ", ...";
        s += (s.empty() ? "" : ", ") + t.name + " " + shape_text(t.shape) + " " + t.dtype;
    }
    return s.empty() ? "none" : s;
}

Matrix<double> matrix_of(const CheckpointTensor& t, const std::string& what) {
    if (t.shape.size() != 2)
        throw ShapeMismatch(what + ": tensor " + t.name + " has shape " + shape_text(t.shape) + "; a weight matrix is 2-D");
    if (!is_float(t.dtype)) throw InvalidInput(what + ": tensor " + t.name + " is " + t.dtype + ", not a floating-point weight");
    return Matrix<double>(t.shape[0], t.shape[1], t.values);
}

void refuse_bias(const std::vector<CheckpointTensor>& tensors, const std::string& weight, const std::string& what) {
    if (!ends_with_component(weight, "weight")) return;
    const CheckpointTensor* bias = find(tensors, weight.substr(0, weight.size() - 6) + "bias");
    if (!bias) return;
    for (double x : bias->values)
        if (x != 0)
            throw InvalidInput(what + ": " + bias->name + " is a nonzero bias; the analysed network has no biases "
                               "(build its layers with bias=False)");
}

}  // namespace

std::vector<CheckpointTensor> parse_torch_checkpoint(const std::string& bytes, const std::string& what) {
    if (!bytes.empty() && static_cast<unsigned char>(bytes[0]) == 0x80)
        throw InvalidInput(what + ": a checkpoint in the legacy (pre-1.6) torch.save format, which is not read; re-save it "
                           "with a current PyTorch (the default zip format)");
    if (bytes.size() < 4 || bytes.compare(0, 4, "PK\x03\x04") != 0)
        throw InvalidInput(what + ": not a PyTorch checkpoint (torch.save writes a ZIP archive; this file does not start like one)");
    std::map<std::string, std::string> members;
    try {
        members = parse_zip_members(bytes, what);
    } catch (const InvalidInput& e) {
        std::string m = e.what();
        const std::string npz = ".npz archive";
        if (const auto at = m.find(npz); at != std::string::npos) m.replace(at, npz.size(), "torch.save ZIP archive");
        throw InvalidInput(m);
    }
    std::string prefix;
    int pickles = 0;
    for (const auto& [name, content] : members) {
        const std::string tail = "data.pkl";
        if (name.size() < tail.size() || name.compare(name.size() - tail.size(), tail.size(), tail) != 0) continue;
        const std::string p = name.substr(0, name.size() - tail.size());
        if (!p.empty() && (p.back() != '/' || p.find('/') != p.size() - 1)) continue;
        prefix = p;
        ++pickles;
    }
    if (pickles != 1)
        throw InvalidInput(what + ": " + (pickles ? "more than one data.pkl" : "no data.pkl") +
                           " in the archive (not a torch.save checkpoint)");
    if (const auto it = members.find(prefix + "byteorder"); it != members.end() && it->second != "little")
        throw InvalidInput(what + ": written on a '" + it->second + "'-endian machine; only little-endian checkpoints are read");
    const std::string& pkl = members.at(prefix + "data.pkl");
    const bool module_like = pkl.find("_parameters") != std::string::npos && pkl.find("_modules") != std::string::npos;
    const Value root = pickle::unpickle(pkl, torch_hooks(what, module_like), what + ":" + prefix + "data.pkl");
    Materializer m(members, prefix, what);
    m.walk(root, "", 0);
    std::vector<CheckpointTensor> tensors = m.take();
    if (tensors.empty()) throw InvalidInput(what + ": the checkpoint holds no tensors");
    return tensors;
}

std::vector<CheckpointTensor> read_torch_checkpoint(const std::string& path) {
    std::error_code ec;
    const auto size = std::filesystem::file_size(path, ec);
    if (!ec && size > kMaxFileBytes)
        throw ResourceLimit(path + ": " + std::to_string(size) + " bytes; checkpoints larger than 4 GiB are not read");
    return parse_torch_checkpoint(read_file_bounded(path, static_cast<std::size_t>(kMaxNpzFileBytes), "PyTorch checkpoint"), path);
}

std::vector<std::string> parse_weight_keys(const std::string& text) {
    std::vector<std::string> keys;
    std::string cur;
    std::istringstream in(text);
    while (std::getline(in, cur, ',')) keys.push_back(cur);
    if (!text.empty() && text.back() == ',') keys.push_back("");
    bool empty = false;
    for (const auto& k : keys) empty = empty || k.empty();
    if (keys.size() != 3 || empty)
        throw InvalidInput("--keys '" + text + "': expected three tensor names WA,WB,V (e.g. layera.weight,layerb.weight,layerc.weight)");
    return keys;
}

CheckpointWeights select_weights(const std::vector<CheckpointTensor>& tensors, const std::vector<std::string>& keys,
                                 const std::string& what) {
    CheckpointWeights w;
    std::vector<const CheckpointTensor*> chosen;
    if (!keys.empty()) {
        if (keys.size() != 3) throw InvalidInput(what + ": --keys needs three names (W_a, W_b, V)");
        for (const auto& k : keys) {
            const CheckpointTensor* t = find(tensors, k);
            if (!t) throw InvalidInput(what + ": no tensor named '" + k + "' (tensors: " + listing(tensors) + ")");
            chosen.push_back(t);
        }
    } else {
        const char* paper[] = {"layera.weight", "layerb.weight", "layerc.weight"};
        for (const char* p : paper) {
            const CheckpointTensor* hit = nullptr;
            int hits = 0;
            for (const auto& t : tensors)
                if (ends_with_component(t.name, p)) hit = &t, ++hits;
            if (hits > 1) throw InvalidInput(what + ": several tensors end in " + p + "; name them with --keys WA,WB,V");
            if (hit) chosen.push_back(hit);
        }
        if (!chosen.empty() && chosen.size() != 3)
            throw InvalidInput(what + ": found only " + std::to_string(chosen.size()) +
                               " of layera.weight, layerb.weight, layerc.weight (tensors: " + listing(tensors) + ")");
        if (chosen.empty()) {
            std::vector<const CheckpointTensor*> m;
            for (const auto& t : tensors)
                if (t.shape.size() == 2 && is_float(t.dtype)) m.push_back(&t);
            const auto hint = [&](const std::string& why) {
                return InvalidInput(what + ": cannot tell which tensors are W_a, W_b and V (" + why + "; tensors: " +
                                    listing(tensors) + "); name them with --keys WA,WB,V");
            };
            if (m.size() == 3) {
                // two q x d and one d x q, in any order: the odd one out is V
                for (std::size_t i = 0; i < 3; ++i) {
                    const auto* x = m[(i + 1) % 3];
                    const auto* y = m[(i + 2) % 3];
                    const auto* odd = m[i];
                    if (x->shape == y->shape && odd->shape[0] == x->shape[1] && odd->shape[1] == x->shape[0]) {
                        if (x->shape[0] == x->shape[1]) throw hint("all three are square");
                        chosen = {std::min(x, y), std::max(x, y), odd};  // pickle order
                    }
                }
                if (chosen.empty()) throw hint("the three 2-D tensors are not two q x d and one d x q");
            } else if (m.size() == 2) {
                // nn.Linear(2d, q) on [e_a; e_b] and nn.Linear(q, d)
                for (int i = 0; i < 2 && chosen.empty(); ++i) {
                    const auto* in = m[static_cast<std::size_t>(i)];
                    const auto* out = m[static_cast<std::size_t>(1 - i)];
                    if (in->shape[1] == 2 * out->shape[0] && out->shape[1] == in->shape[0] && out->shape[0] != in->shape[0]) {
                        const std::size_t q = in->shape[0], d = out->shape[0];
                        Matrix<double> a(q, d), b(q, d);
                        for (std::size_t r = 0; r < q; ++r)
                            for (std::size_t c = 0; c < d; ++c) {
                                a(r, c) = in->values[r * 2 * d + c];
                                b(r, c) = in->values[r * 2 * d + d + c];
                            }
                        refuse_bias(tensors, in->name, what);
                        refuse_bias(tensors, out->name, what);
                        w.wa = std::move(a);
                        w.wb = std::move(b);
                        w.v = matrix_of(*out, what);
                        w.source = in->name + " (columns 0..d-1: W_a, d..2d-1: W_b), " + out->name;
                        return w;
                    }
                }
                throw hint("the two 2-D tensors are not a q x 2d input layer and a d x q output layer");
            } else {
                throw hint(std::to_string(m.size()) + " two-dimensional float tensors");
            }
        }
    }
    w.wa = matrix_of(*chosen[0], what);
    w.wb = matrix_of(*chosen[1], what);
    w.v = matrix_of(*chosen[2], what);
    for (const auto* t : chosen) refuse_bias(tensors, t->name, what);
    const std::size_t q = w.wa.rows(), d = w.wa.cols();
    if (w.wb.rows() != q || w.wb.cols() != d || w.v.rows() != d || w.v.cols() != q)
        throw ShapeMismatch(what + ": W_a " + chosen[0]->name + " is " + std::to_string(q) + " x " + std::to_string(d) +
                            ", W_b " + chosen[1]->name + " " + std::to_string(w.wb.rows()) + " x " + std::to_string(w.wb.cols()) +
                            ", V " + chosen[2]->name + " " + std::to_string(w.v.rows()) + " x " + std::to_string(w.v.cols()) +
                            "; expected W_a, W_b q x d and V d x q");
    w.source = chosen[0]->name + ", " + chosen[1]->name + ", " + chosen[2]->name;
    return w;
}

}  // namespace cogo
